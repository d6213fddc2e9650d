/**
 * Broken articles fail the build with messages an editor can act on: the file,
 * the field, what was found and what is expected.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { astroBuild, type BuildResult } from "../helpers/build.ts";

const fixture = (name: string) => `tests/fixtures/content/${name}`;

describe("a build with broken frontmatter", () => {
  let build: BuildResult;
  beforeAll(() => {
    build = astroBuild({ contentDir: fixture("bad-frontmatter") });
  });

  it("fails and writes no site", () => {
    expect(build.status).not.toBe(0);
    expect(existsSync(path.join(build.outDir, "index.html"))).toBe(false);
  });

  it("names the broken file and not the good one", () => {
    expect(build.output).toContain("bad-frontmatter/2023/11/bai-loi.md");
    expect(build.output).not.toContain("bai-hop-le");
  });

  it("names each field, what was found and what is expected", () => {
    const lines = build.output.split("\n").map((line) => line.trim());
    // As `npm run check` says it: "lỗi dòng N: field: message".
    const line = (field: string) => lines.find((l) => /^lỗi\s/u.test(l) && l.includes(` ${field}: `)) ?? "";
    expect(line("title")).toMatch(/thiếu trường bắt buộc — cần tiêu đề bài viết/);
    expect(line("date")).toMatch(/tìm thấy "32\/13\/2023".*cần ngày đăng dạng YYYY-MM-DD, ví dụ 2023-11-23/);
    expect(line("officials")).toMatch(/tìm thấy "Nguyễn Văn A" \(một chuỗi\), nhưng cần một danh sách/);
    expect(line("offcials")).toMatch(/không có trong lược đồ — có phải ý bạn là "officials"\?/);
  });
});

describe("a build with misplaced files", () => {
  let build: BuildResult;
  beforeAll(() => {
    build = astroBuild({ contentDir: fixture("bad-location") });
  });

  it("fails and lists every misplaced file with the fix", () => {
    expect(build.status).not.toBe(0);
    expect(build.output).toContain("Có 2 lỗi trong nội dung bài viết");
    expect(build.output).toMatch(/sai-thang\.md: tệp nằm trong thư mục 2023\/11 nhưng ngày đăng thuộc 2024\/01/);
    expect(build.output).toMatch(
      /hội-nghị\.md: tên tệp "hội-nghị" không phải slug ASCII hợp lệ — đổi tên tệp thành "hoi-nghi\.md"/,
    );
    expect(build.output).not.toContain("bai-dung-cho.md:");
  });
});
