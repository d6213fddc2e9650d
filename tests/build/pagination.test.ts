/**
 * The home page paginates: an archive of 45 articles gives /, /trang/2/ and
 * /trang/3/, newest first, linked to each other.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { site } from "../../src/site.ts";
import { astroBuild, type BuildResult } from "../helpers/build.ts";
import { listFiles, readPage } from "../helpers/html.ts";
import { scratchDir } from "../helpers/scratch.ts";

const COUNT = 45;
let build: BuildResult;

beforeAll(() => {
  const content = scratchDir("content");
  for (let i = 1; i <= COUNT; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String(Math.floor(i / 28) + 1).padStart(2, "0");
    const dir = path.join(content, "2024", month);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, `bai-${i}.md`),
      `---\ntitle: Bài số ${i}\ndate: 2024-${month}-${day}T08:${String(i).padStart(2, "0")}:00+07:00\nlocality:\n  province: Hà Giang\n---\n\nNội dung bài số ${i}.\n`,
    );
  }
  build = astroBuild({ contentDir: content });
  if (build.status !== 0) throw new Error(build.output);
});

describe("home page pagination", () => {
  it(`splits ${COUNT} articles into pages of ${site.pageSize}`, () => {
    const pages = listFiles(build.outDir).filter((f) => /^(index|trang\/\d+\/index)\.html$/.test(f));
    expect(pages).toEqual(["index.html", "trang/2/index.html", "trang/3/index.html"]);
    const counts = pages.map((f) => readPage(path.join(build.outDir, f)).all(".article-list > li").length);
    expect(counts).toEqual([20, 20, 5]);
  });

  it("orders all pages newest first, without gaps or repeats", () => {
    const dates = ["index.html", "trang/2/index.html", "trang/3/index.html"].flatMap((f) =>
      readPage(path.join(build.outDir, f))
        .all(".article-list time")
        .map((t) => String(t.properties.dateTime)),
    );
    expect(dates).toHaveLength(COUNT);
    expect(new Set(dates).size).toBe(COUNT);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("links pages to their neighbours", () => {
    const second = readPage(path.join(build.outDir, "trang/2/index.html"));
    expect(second.one('a[rel="prev"]')?.properties.href).toBe("/");
    expect(second.one('a[rel="next"]')?.properties.href).toBe("/trang/3/");
    expect(second.text('.pagination [aria-current="page"]')).toBe("Trang 2 / 3");
  });
});
