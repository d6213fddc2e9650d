import { describe, expect, it } from "vitest";
import { articleDataFromJson, articlePathProblems, articleSchema } from "../../src/domain/article.ts";
import { parseArticleDate } from "../../src/domain/dates.ts";

const valid = {
  title: "Hội nghị sơ kết công tác quân sự, quốc phòng 6 tháng đầu năm 2024",
  date: "2024-06-28T16:13:00+07:00",
  locality: { province: "Hà Nội", district: "Thạch Thất", communes: ["Cẩm Yên", "Canh Nậu"] },
  unit: "Ban CHQS huyện Thạch Thất",
  officials: [
    {
      name: "Cấn Đình Trung",
      rank: "Thượng tá",
      titles: ["Ủy viên BTV Huyện ủy", "Chỉ huy trưởng Ban CHQS huyện"],
      role: "kết luận",
    },
  ],
  byline: ["Thảo Linh", "Duy Hanh"],
};

/** Every problem as "field.path: message". */
function problems(data: unknown): string[] {
  const result = articleSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("article schema", () => {
  it("accepts a complete article and fills defaults", () => {
    const article = articleSchema.parse(valid);
    expect(article.date.toISOString()).toBe("2024-06-28T09:13:00.000Z");
    expect(article.dateInferred).toBe(false);
    expect(article.tags).toEqual([]);
    expect(article.review).toEqual([]);
    expect(article.officials[0]!.rank).toBe("Thượng tá");
  });

  it("comes back from the JSON the pages read it from as it was validated, every field filled", () => {
    // Every optional field present: a field JSON cannot hold (a date) would come back as a string.
    const article = articleSchema.parse({
      ...valid,
      source: { name: "Cổng thông tin điện tử huyện Thạch Thất", url: "https://thachthat.hanoi.gov.vn/tin/1" },
      tags: ["quốc phòng"],
      summary: "Sáng 28/6, Ban CHQS huyện tổ chức hội nghị.",
      review: ["date: năm được suy ra"],
      import: { input: "a1", output: "b2" },
    });
    expect(articleDataFromJson(JSON.parse(JSON.stringify(article)) as Record<string, unknown>)).toEqual(article);
  });

  it("stores every string in NFC with single spaces", () => {
    const article = articleSchema.parse({
      ...valid,
      title: "  Hội   nghị  ".normalize("NFD"),
      locality: { province: "Hà Nội".normalize("NFD") },
    });
    expect(article.title).toBe("Hội nghị");
    expect(article.locality.province).toBe("Hà Nội");
  });

  it("normalises lower-case ranks and accepts an empty rank", () => {
    const article = articleSchema.parse({
      ...valid,
      officials: [
        { name: "Tô Tuấn Anh", rank: "đại tá" },
        { name: "Nguyễn Thành Trung", rank: null },
      ],
    });
    expect(article.officials.map((o) => o.rank)).toEqual(["Đại tá", undefined]);
  });

  it("reports a missing title, naming what is expected", () => {
    const { title: _omitted, ...rest } = valid;
    expect(problems(rest)).toEqual([expect.stringMatching(/^title: thiếu trường bắt buộc — cần tiêu đề bài viết/)]);
  });

  it('reports date "32/13/2023" with what was found and the expected form', () => {
    const [problem] = problems({ ...valid, date: "32/13/2023" });
    expect(problem).toMatch(/^date: tìm thấy "32\/13\/2023"/);
    expect(problem).toContain("YYYY-MM-DD");
    expect(problem).toContain("2023-11-23");
  });

  it("reports officials that are not a list", () => {
    const [problem] = problems({ ...valid, officials: "Cấn Đình Trung" });
    expect(problem).toMatch(/^officials: tìm thấy "Cấn Đình Trung" \(một chuỗi\), nhưng cần một danh sách/);
  });

  it("reports an unknown field with the field it was probably meant to be", () => {
    const [problem] = problems({ ...valid, offcials: [] });
    expect(problem).toMatch(/^offcials: trường "offcials" không có trong lược đồ/);
    expect(problem).toContain('có phải ý bạn là "officials"?');
  });

  it("reports every problem at once", () => {
    const { title: _omitted, ...rest } = valid;
    const all = problems({ ...rest, date: "32/13/2023", officials: "x", offcials: [] });
    expect(all).toHaveLength(4);
  });

  it("reports problems inside nested fields with their path", () => {
    expect(problems({ ...valid, officials: [{ titles: ["Bí thư"] }] })).toEqual([
      expect.stringMatching(/^officials\.0\.name: thiếu trường bắt buộc/),
    ]);
    expect(problems({ ...valid, officials: [{ name: "A", rank: "Đại tướng quân" }] })).toEqual([
      expect.stringMatching(/^officials\.0\.rank: tìm thấy "Đại tướng quân".*Thiếu úy/),
    ]);
    expect(problems({ ...valid, locality: { province: "Ha Giang" } })).toEqual([
      expect.stringMatching(/^locality\.province: tỉnh "Ha Giang".*"Hà Giang"\?/),
    ]);
  });

  it("accepts http(s) source URLs only", () => {
    expect(problems({ ...valid, source: { name: "Báo Hà Giang", url: "https://baohagiang.vn/a.html" } })).toEqual([]);
    expect(problems({ ...valid, source: { url: "javascript:alert(1)" } })).toEqual([
      expect.stringMatching(/^source\.url: tìm thấy "javascript:alert\(1\)"/),
    ]);
    expect(problems({ ...valid, source: {} })).toHaveLength(1);
  });
});

describe("article file location", () => {
  const date = parseArticleDate("2023-11-23")!;

  it("accepts YYYY/MM/<ascii-slug> matching the date", () => {
    expect(articlePathProblems("2023/11/hoi-nghi-ban-chap-hanh", date)).toEqual([]);
  });

  it("names the folder the file belongs in", () => {
    expect(articlePathProblems("2024/01/hoi-nghi", date)).toEqual([
      expect.stringContaining("content/articles/2023/11/"),
    ]);
  });

  it("suggests an ASCII file name for a Vietnamese one", () => {
    expect(articlePathProblems("2023/11/hội-nghị", date)).toEqual([expect.stringContaining('"hoi-nghi.md"')]);
  });

  it("rejects files outside a YYYY/MM folder", () => {
    expect(articlePathProblems("hoi-nghi", date)).toHaveLength(1);
  });
});
