/**
 * Broken articles fail the build with messages an editor can act on: the file,
 * the field, what was found and what is expected.
 */
import { cpSync, existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { astroBuild, type BuildResult } from "../helpers/build.ts";
import { expectSameTree, readTree } from "../helpers/html.ts";
import { scratchDir } from "../helpers/scratch.ts";

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

describe("a build with hostile or oversized articles", () => {
  let build: BuildResult;
  // Where the JavaScript frontmatter of the fixture would write, if anything ran it.
  const pwnedFile = "/tmp/bien-nien-pwned";
  let work: string;
  let published: Map<string, Buffer>;
  beforeAll(() => {
    // The committed fixtures (JavaScript frontmatter, alias bomb, impossible date, javascript: source),
    // and three made here: a 10 MB article, 10,000 officials in one article, a 8,000-character title.
    const content = scratchDir("hostile");
    cpSync(fixture("hostile-rejected"), content, { recursive: true });
    const head = (title: string, more = "") =>
      `---\ntitle: ${title}\ndate: 2024-05-08\nlocality:\n  province: Tuyên Quang\n${more}---\n\n`;
    const folder = path.join(content, "2024/05");
    writeFileSync(
      path.join(folder, "bai-10-mb.md"),
      head("Bài 10 MB") + `${"Đoạn văn rất dài của bài viết. ".repeat(40)}\n\n`.repeat(6000),
    );
    const officials = Array.from({ length: 10_000 }, (_, i) => `  - name: Nguyễn Văn ${i}\n`).join("");
    writeFileSync(path.join(folder, "muoi-nghin-can-bo.md"), head("Mười nghìn cán bộ", `officials:\n${officials}`));
    writeFileSync(path.join(folder, "tieu-de-dai.md"), head("Tiêu đề ".repeat(1000)) + "Thân bài.\n");
    rmSync(pwnedFile, { force: true });
    // A site built before: the failed build must leave it exactly as it was.
    work = scratchDir("hostile-build");
    expect(astroBuild({ work }).status).toBe(0);
    published = readTree(path.join(work, "dist"));
    build = astroBuild({ contentDir: content, work });
  });

  it("fails, leaves the site built before untouched and runs nothing from the frontmatter", () => {
    expect(build.status).not.toBe(0);
    expectSameTree(path.join(work, "dist"), published);
    expect(existsSync(pwnedFile)).toBe(false);
  });

  it("names every file with what is wrong and what to do", () => {
    const report = (file: string) => {
      const lines = build.output.split("\n");
      const at = lines.findIndex((line) => line.endsWith(`2024/05/${file}`));
      return at < 0 ? "" : lines[at + 1]!;
    };
    expect(report("frontmatter-js.md")).toMatch(/frontmatter "---js" không được hỗ trợ — chỉ dùng YAML/);
    expect(report("bom-alias.md")).toMatch(/dòng \d+: frontmatter viết sai cú pháp YAML \(aliases exceeded/);
    expect(report("ngay-sai.md")).toMatch(/dòng 3: date: tìm thấy "2023-02-30"/);
    expect(report("nguon-javascript.md")).toMatch(
      /source\.url: tìm thấy "javascript:.*cần địa chỉ web bắt đầu bằng http/,
    );
    expect(report("bai-10-mb.md")).toMatch(/tệp nặng 9\.\d MB, quá giới hạn 2 MB .* chia thành nhiều bài/);
    expect(report("muoi-nghin-can-bo.md")).toMatch(/officials: có 10\.000 mục, quá giới hạn 300/);
    expect(report("tieu-de-dai.md")).toMatch(/title: dài 7\.999 ký tự, quá giới hạn 2\.000/);
    expect(build.output).toContain("7 bài viết có lỗi");
  });
});
