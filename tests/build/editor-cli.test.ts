/**
 * `npm run check` and `npm run new` as an editor runs them: the whole archive
 * at once, every problem grouped by file, the exit code CI relies on.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleJsonSchema } from "../../src/editor/json-schema.ts";
import { articleText } from "../helpers/article-text.ts";
import { root } from "../helpers/paths.ts";
import { scratchDir } from "../helpers/scratch.ts";

const run = (script: string, args: string[]) => {
  const result = spawnSync(process.execPath, [path.join(root, "scripts", script), ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};
const scratch = () => scratchDir("check");
const write = (dir: string, file: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};

describe("npm run check", () => {
  it("passes the bundled archive (warnings for the importer's review notes only)", () => {
    const { status, output } = run("check.ts", []);
    expect(status, output).toBe(0);
    expect(output).toContain("Đã kiểm tra 5 bài");
    expect(output).toContain("0 lỗi");
    expect(output).toContain("năm của ngày đăng là suy đoán");
  });

  it("reports every problem of every file at once, grouped by file, and exits 1", () => {
    const dir = scratch();
    cpSync(path.join(root, "content/articles"), dir, { recursive: true });
    const same = "https://baoyenbai.com.vn/12/300/hoi-nghi.htm";
    write(dir, "2023/11/ngay-sai.md", articleText({ date: "2023-13-45" }));
    write(dir, "2023/11/sai-huyen.md", articleText({ locality: "\n  province: Yên Bái\n  district: Mù Cang Chả" }));
    write(dir, "2023/11/ban-mot.md", articleText({ title: "Bài một", source: `\n  url: ${same}` }));
    write(
      dir,
      "2023/11/ban-hai.md",
      articleText({ title: "Bài hai", source: `\n  url: ${same.replace("https", "http")}` }),
    );
    write(dir, "2024/06/sai-thang.md", articleText());
    write(dir, "2030/01/tuong-lai.md", articleText({ date: "2030-01-02" }));
    write(dir, "2023/11/Hoa-Thuong.md", articleText({ title: "Hoa thường" }));
    write(dir, "2023/11/ghi-chu.txt", "ghi chú riêng");
    const { status, output } = run("check.ts", ["--dir", dir]);
    expect(status, output).toBe(1);
    // A file's name on its own line, its problems indented below it.
    const lines = output.split("\n");
    const section = (file: string) => {
      const start = lines.findIndex((line) => !line.startsWith(" ") && line.endsWith(file));
      expect(start, `${file} missing from:\n${output}`).toBeGreaterThanOrEqual(0);
      const end = lines.findIndex((line, i) => i > start && !line.startsWith("  "));
      return lines.slice(start + 1, end).join("\n");
    };
    const file = (name: string) => path.relative(root, path.join(dir, name));
    expect(section(file("2023/11/ngay-sai.md"))).toMatch(/lỗi\s+dòng 3: date: .*"2023-13-45".*YYYY-MM-DD/);
    expect(section(file("2023/11/sai-huyen.md"))).toMatch(/dòng 6: locality\.district: .*"Mù Căng Chải"/);
    expect(section(file("2023/11/ban-mot.md"))).toMatch(/dòng 8: source\.url: .*ban-hai\.md.*xóa bài kia/);
    expect(section(file("2023/11/ban-hai.md"))).toMatch(/source\.url: .*ban-mot\.md/);
    expect(section(file("2024/06/sai-thang.md"))).toContain("content/articles/2023/11/");
    expect(section(file("2030/01/tuong-lai.md"))).toMatch(/date: ngày đăng 2\/1\/2030 ở tương lai/);
    expect(section(file("2023/11/Hoa-Thuong.md"))).toContain('"hoa-thuong.md"');
    expect(section(file("2023/11/ghi-chu.txt"))).toContain(".md");
    expect(output).toMatch(/Đã kiểm tra 12 bài .*: 7 lỗi/);
  });

  it("exits 0 with warnings only, and 1 with --strict", () => {
    const dir = scratch();
    write(dir, "2023/11/can-xem.md", articleText({ review: '\n  - "unit: không chắc"' }));
    expect(run("check.ts", ["--dir", dir]).status).toBe(0);
    const strict = run("check.ts", ["--dir", dir, "--strict"]);
    expect(strict.status).toBe(1);
    expect(strict.output).toContain('"unit: không chắc"');
  });

  it("names a broken content/people.yaml", () => {
    const dir = scratch();
    write(dir, "articles/2023/11/bai.md", articleText());
    write(dir, "people.yaml", "merge: [[Nguyễn Văn A]]\nsplitt: []\n");
    const { status, output } = run("check.ts", ["--dir", path.join(dir, "articles")]);
    expect(status, output).toBe(1);
    expect(output).toContain("people.yaml");
  });
});

describe("npm run new", () => {
  it("creates a correctly placed article that passes check, and never overwrites one", () => {
    const dir = scratch();
    const args = ["Hội nghị: tổng kết năm 2024 # số 1", "--province", "Hà Giang", "--date", "2024-12-20", "--dir", dir];
    const first = run("new.ts", [...args, "--district", "Bắc Mê"]);
    expect(first.status, first.output).toBe(0);
    const file = path.join(dir, "2024/12/hoi-nghi-tong-ket-nam-2024-so-1.md");
    const text = readFileSync(file, "utf8");
    expect(text).toContain('title: "Hội nghị: tổng kết năm 2024 # số 1"');
    expect(text).toContain("  district: Bắc Mê");
    writeFileSync(file, text.replace("<!--", "Nội dung của biên tập viên.\n<!--"));
    const second = run("new.ts", args);
    expect(second.status, second.output).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("Nội dung của biên tập viên.");
    expect(readdirSync(path.join(dir, "2024/12")).sort()).toEqual([
      "hoi-nghi-tong-ket-nam-2024-so-1-2.md",
      "hoi-nghi-tong-ket-nam-2024-so-1.md",
    ]);
    const check = run("check.ts", ["--dir", dir]);
    expect(check.status, check.output).toBe(0);
    expect(check.output).toContain("0 lỗi");
  });

  it("uses today's date in Vietnam by default and refuses an unknown province with a suggestion", () => {
    const dir = scratch();
    const made = run("new.ts", ["Bài mới", "--province", "Tuyên Quang", "--dir", dir]);
    expect(made.status, made.output).toBe(0);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const [year, month] = today.split("-");
    expect(readFileSync(path.join(dir, `${year}/${month}/bai-moi.md`), "utf8")).toContain(`date: ${today}`);
    const bad = run("new.ts", ["Bài mới", "--province", "Tuyen Quag", "--dir", dir]);
    expect(bad.status).toBe(1);
    expect(bad.output).toContain('"Tuyên Quang"');
  });
});

describe("frontmatter completion in the editor", () => {
  it("is fed by Astro from the same schema: astro sync writes the article JSON Schema", () => {
    const sync = spawnSync(process.execPath, [path.join(root, "node_modules/astro/bin/astro.mjs"), "sync"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", CACHE_DIR: scratch() },
    });
    expect(sync.status, sync.stderr).toBe(0);
    const written: unknown = JSON.parse(
      readFileSync(path.join(root, ".astro/collections/articles.schema.json"), "utf8"),
    );
    expect(written).toEqual(articleJsonSchema());
    const settings = JSON.parse(readFileSync(path.join(root, ".vscode/settings.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(settings["astro.content-intellisense"]).toBe(true);
  });
});
