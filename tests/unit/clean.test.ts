import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanLines, parseByline, splitGlued } from "../../src/ingest/clean.ts";
import { extractArticle } from "../../src/ingest/extract.ts";
import { root } from "../helpers/paths.ts";

const clean = (text: string) => cleanLines(text.split("\n").map((line) => ({ text: line })));

const LEAD = "Sáng 9/10, Bộ CHQS tỉnh tổ chức hội nghị tổng kết công tác quốc phòng năm 2024 tại hội trường.";

describe("clean stage", () => {
  it("drops portal chrome before the article, and the portal's clock", () => {
    const cleaned = clean(
      [
        "Chủ Nhật, 15/06/2025",
        "A- A A+ | Chia sẻ bài viết lên facebook Chia sẻ bài viết lên twitter Tăng tương phản Giảm tương phản",
        "Tiêu đề bài viết về hội nghị",
        "2261 lượt xem",
        "In Đọc bài",
        LEAD,
      ].join("\n"),
    );
    expect(cleaned.title).toBe("Tiêu đề bài viết về hội nghị");
    expect(cleaned.stamp).toBeUndefined();
    expect(cleaned.body).toEqual([{ text: LEAD }]);
  });

  it("drops everything from a related-news box, pager, gallery or statistics block on", () => {
    for (const box of [
      "Tin cùng chuyên mục",
      "Các tin khác:",
      "Tin liên quan",
      "Thư viện ảnh",
      "Thống kê truy cập",
      "Liên kết",
    ]) {
      const cleaned = clean(
        ["Tiêu đề", LEAD, box, "Một tin khác không thuộc bài", "1-5 of 3435<  1  2  3  ...  >"].join("\n"),
      );
      expect(
        cleaned.body.map((b) => b.text),
        box,
      ).toEqual([LEAD]);
    }
    const stats = clean(
      ["Tiêu đề", LEAD, "Hôm nay : 2.447", "Hôm qua : 2.611", "Tháng 07 : 64.322", "Năm 2024 : 569.668"].join("\n"),
    );
    expect(stats.body).toEqual([{ text: LEAD }]);
  });

  it("reads the stamp after the title", () => {
    expect(clean(["Tiêu đề", "(16:13:00 28/06/2024)", LEAD].join("\n")).stamp).toMatchObject({ year: 2024, hour: 16 });
  });

  it("peels off the byline and the source line", () => {
    const cleaned = clean(["Tiêu đề", LEAD, "Tin, ảnh: VĂN NGHỊ", "", "Nguồn: Báo Hà Giang"].join("\n"));
    expect(cleaned.body).toEqual([{ text: LEAD }]);
    expect(cleaned.publisher).toBe("Báo Hà Giang");
    expect(parseByline(cleaned.bylineLine!)).toEqual(["Văn Nghị"]);
  });

  it("keeps captions once: repeated lines, '( Ảnh trên)' marks, short unpunctuated lines", () => {
    const cleaned = clean(
      [
        "Tiêu đề",
        LEAD,
        "Các đại biểu dự hội nghị",
        "Các đại biểu dự hội nghị",
        "Đồng chí Lê Trọng Khang phát biểu ( Ảnh trên)",
        "Đoạn văn thứ hai của bài viết, kết thúc bằng dấu chấm.",
        "Các đại biểu dự hội nghị",
      ].join("\n"),
    );
    expect(cleaned.body).toEqual([
      { text: LEAD },
      { text: "Các đại biểu dự hội nghị", caption: true },
      { text: "Đồng chí Lê Trọng Khang phát biểu", caption: true },
      { text: "Đoạn văn thứ hai của bài viết, kết thúc bằng dấu chấm." },
    ]);
  });

  it("drops the dateline tag before the lead", () => {
    expect(clean(["Tiêu đề", `CTTBTG - ${LEAD}`].join("\n")).body).toEqual([{ text: LEAD }]);
  });
});

describe("splitGlued", () => {
  it("splits sentences glued by a lost line break", () => {
    expect(splitGlued("giữ vững kỷ luật, kỷ cương của Đảng.Các đại biểu thảo luận")).toEqual([
      "giữ vững kỷ luật, kỷ cương của Đảng.",
      "Các đại biểu thảo luận",
    ]);
  });

  it("leaves abbreviations and addresses alone", () => {
    for (const text of ["Nghị quyết T.Ư 8", "TP.HCM", "Tp.Hà Nội", "xem baohagiang.vn"])
      expect(splitGlued(text)).toEqual([text]);
  });
});

describe("parseByline", () => {
  it.each([
    ["Tùng Lâm", ["Tùng Lâm"]],
    ["Thảo Linh- Duy Hanh", ["Thảo Linh", "Duy Hanh"]],
    ["Tin, ảnh: VĂN NGHỊ", ["Văn Nghị"]],
    ["A Cớ", ["A Cớ"]],
    ["Bài và ảnh: Minh Cường", ["Minh Cường"]],
  ])("reads %j", (line, names) => {
    expect(parseByline(line)).toEqual(names);
  });

  it.each(["Toàn cảnh Hội nghị", "Hội nghị kết thúc thành công tốt đẹp.", "Hà"])(
    "does not read %j as a byline",
    (line) => {
      expect(parseByline(line)).toBeUndefined();
    },
  );
});

describe("HTML pages", () => {
  const html = readFileSync(path.join(root, "tests/fixtures/ingest/portal-page.html"), "utf8");
  const { article, body } = extractArticle({ input: "portal-page.html", html });

  it("finds the article and leaves out navigation, scripts, share bars, related news and footer", () => {
    const text = body.map((b) => b.text).join("\n");
    for (const chrome of [
      "Trang chủ",
      "Không được hiện",
      "Chia sẻ",
      "Tin liên quan",
      "Tin mới",
      "Bản quyền",
      "color: red",
    ]) {
      expect(text).not.toContain(chrome);
    }
    expect(body[0]!.text).toMatch(/^Sáng 22\/6, Ban CHQS huyện Krông Pa/u);
  });

  it("keeps image captions as captions", () => {
    expect(body.filter((b) => b.caption).map((b) => b.text)).toEqual([
      "Các lực lượng tham gia diễn tập",
      "Đại tá Nguyễn Văn Hùng phát biểu kết luận diễn tập",
    ]);
  });

  it("reads title, stamp, canonical URL, place and people", () => {
    expect(article).toMatchObject({
      title: "Ban CHQS huyện Krông Pa tổ chức diễn tập chiến đấu xã",
      date: "2023-06-23T11:38:14+07:00",
      locality: { province: "Gia Lai", district: "Krông Pa", communes: ["Chư Gu", "Ia Mlah"] },
      unit: "Ban CHQS huyện Krông Pa",
      byline: ["Hồng Nhung"],
      source: { url: "https://krongpa.gialai.gov.vn/tin-tuc/ban-chqs-huyen-to-chuc-dien-tap.html" },
    });
    expect(article.officials.map((o) => `${o.rank ?? ""} ${o.name}`.trim())).toEqual([
      "Đại tá Nguyễn Văn Hùng",
      "Trần Văn Bình",
    ]);
  });
});
