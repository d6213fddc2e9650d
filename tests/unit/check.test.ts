/**
 * `npm run check`, file by file: each problem an editor can make is found,
 * with the field, the line and the fix; valid articles pass untouched.
 */
import { describe, expect, it } from "vitest";
import { checkArticle, sourceKey, type Problem } from "../../src/check/check.ts";
import { articleText } from "../helpers/article-text.ts";

const NOW = new Date("2026-11-21T08:00:00+07:00");
const check = (text: string | Uint8Array, id = "2023/11/hoi-nghi-tong-ket") =>
  checkArticle("content/articles/x.md", id, typeof text === "string" ? new TextEncoder().encode(text) : text, NOW)
    .problems;
const only = (problems: Problem[], severity: Problem["severity"]) => problems.filter((p) => p.severity === severity);

describe("checkArticle", () => {
  it("passes a valid article without a word", () => {
    expect(check(articleText())).toEqual([]);
  });

  it("reads dates strictly: an impossible date is an error on its line, not a rolled-over day", () => {
    const [problem, ...rest] = check(articleText({ date: "2023-13-45" }));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: "error", field: "date", line: 3 });
    expect(problem!.message).toContain('"2023-13-45"');
    expect(problem!.message).toContain("YYYY-MM-DD");
  });

  it("names every schema problem at once, each at its own line, with a suggestion for a typo", () => {
    const problems = check(
      articleText({
        title: '""',
        offcials: "\n  - name: Nguyễn Văn A",
        byline: "Thảo Linh",
      }),
    );
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ["title", 2],
      ["offcials", 7],
      ["byline", 9],
    ]);
    expect(problems[1]!.message).toContain('có phải ý bạn là "officials"');
  });

  it("suggests the province an editor meant", () => {
    const [problem] = check(articleText({ locality: "\n  province: Yen Bai" }));
    expect(problem).toMatchObject({ severity: "error", field: "locality.province", line: 5 });
    expect(problem!.message).toContain('có phải ý bạn là "Yên Bái"');
  });

  it("checks the district against the province's districts: a typo is an error with the right name", () => {
    const [problem] = check(articleText({ locality: "\n  province: Yên Bái\n  district: Mù Cang Chả" }));
    expect(problem).toMatchObject({ severity: "error", field: "locality.district", line: 6 });
    expect(problem!.message).toContain('"Mù Căng Chải"');
  });

  it("accepts a district under the province of today that absorbed its province, and with its type word", () => {
    expect(check(articleText({ locality: "\n  province: Lào Cai\n  district: Mù Cang Chải" }))).toEqual([]);
    expect(check(articleText({ locality: "\n  province: Bắc Kạn\n  district: Thành phố Bắc Kạn" }))).toEqual([]);
  });

  it("warns about a district it does not know at all (perhaps a former name), without failing", () => {
    const problems = check(articleText({ locality: "\n  province: Yên Bái\n  district: Xyzabc Qwerty" }));
    expect(problems).toMatchObject([{ severity: "warning", field: "locality.district" }]);
  });

  it("suggests a commune of the district for a misspelt one", () => {
    const problems = check(
      articleText({ locality: "\n  province: Yên Bái\n  district: Mù Cang Chải\n  communes: [Khao Mang, Lao Chả]" }),
    );
    expect(problems).toMatchObject([{ severity: "warning", field: "locality.communes.1", line: 7 }]);
    expect(problems[0]!.message).toContain('"Lao Chải"');
  });

  it("flags a place named the old way after the 2025 reform", () => {
    const problems = check(
      articleText({ date: "2025-08-02", locality: "\n  province: Yên Bái\n  district: Mù Cang Chải" }),
      "2025/08/hoi-nghi-tong-ket",
    );
    expect(problems.map((p) => [p.severity, p.field])).toEqual([
      ["warning", "locality.province"],
      ["warning", "locality.district"],
    ]);
    expect(problems[0]!.message).toContain("Lào Cai");
  });

  it("rejects a date in the future and a file in the wrong month folder", () => {
    expect(only(check(articleText({ date: "2027-01-05" }), "2027/01/hoi-nghi-tong-ket"), "error")).toMatchObject([
      { severity: "error", field: "date", line: 3 },
    ]);
    const [misplaced] = check(articleText(), "2024/06/hoi-nghi-tong-ket");
    expect(misplaced!.message).toContain("content/articles/2023/11/");
  });

  it("lists review notes as warnings, the inferred date first among them", () => {
    const problems = check(
      articleText({ dateInferred: "true", review: '\n  - "date: năm suy ra từ nhiệm kỳ"\n  - "unit: không chắc"' }),
    );
    expect(problems.map((p) => [p.severity, p.line])).toEqual([
      ["warning", 9],
      ["warning", 10],
    ]);
    expect(problems[0]!.message).toContain("dateInferred: false");
  });

  it("explains YAML syntax errors at their line, and files that are not articles at all", () => {
    const [syntax] = check(articleText({ unit: "Ban CHQS: huyện: Bắc Mê" }));
    expect(syntax).toMatchObject({ severity: "error", line: 7 });
    expect(syntax!.message).toContain("YAML");
    expect(check("Chỉ có nội dung, không có frontmatter\n")[0]!.message).toContain('"---"');
    expect(check(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x41]))[0]!.message).toContain("UTF-8");
    expect(check("---js\nmodule.exports = { title: 'x' }\n---\n")[0]!.message).toContain('"---js"');
  });

  it("refuses a YAML alias bomb instead of expanding it", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${"abcdefghi"[i]}: &${"abcdefghi"[i]} [${Array(9)
          .fill(`*${"abcdefghi"[i - 1]}`)
          .join(", ")}]`,
      );
    const [problem] = check(`---\n${bomb.join("\n")}\ntitle: *i\n---\n`);
    expect(problem!.severity).toBe("error");
    expect(problem!.message).toMatch(/alias/i);
  });

  it("warns about an article without body text and about decomposed (NFD) text", () => {
    expect(check(articleText({}, "<!-- chưa viết -->\n"))).toMatchObject([{ severity: "warning" }]);
    expect(check(articleText({ title: "Hội nghị tổng kết".normalize("NFD") }))).toMatchObject([
      { severity: "warning" },
    ]);
  });
});

describe("sourceKey", () => {
  it("treats addresses differing only in scheme, www, trailing slash or fragment as one", () => {
    expect(sourceKey("http://www.baoyenbai.com.vn/12/300/a.htm#top")).toBe(
      sourceKey("https://baoyenbai.com.vn/12/300/a.htm/"),
    );
    expect(sourceKey("https://a.vn/x?id=1")).not.toBe(sourceKey("https://a.vn/x?id=2"));
  });
});
