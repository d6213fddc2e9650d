/**
 * The importer on the five seed pages: every field an editor confirmed in
 * ../shared/seeds/expected.yaml, the cleaned body, and the bundled archive is
 * exactly what the importer writes.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { provinceToday } from "../../src/domain/places.ts";
import { extractArticle } from "../../src/ingest/extract.ts";
import { runIngest } from "../../src/ingest/index.ts";
import { expectedSeeds, seedsDir } from "../helpers/expected.ts";
import { root } from "../helpers/paths.ts";

const seeds = seedsDir;
const expected = expectedSeeds;

describe("importing the seed pages", () => {
  for (const [seed, e] of Object.entries(expected)) {
    describe(seed, () => {
      const raw = readFileSync(path.join(seeds, seed), "utf8");
      const { article, body } = extractArticle({ input: seed, text: raw });

      it("finds the title, date and whether the year was inferred", () => {
        expect(article.title).toBe(e.title);
        expect(article.date).toBe(String(e.date));
        expect(article.dateInferred).toBe(e.year_inferred);
        expect(article.review.some((note) => note.startsWith("date:"))).toBe(e.year_inferred);
      });

      it("finds the province, district and communes", () => {
        expect(article.locality).toEqual(e.locality);
        expect(provinceToday(article.locality.province)).toBe(e.province_today);
      });

      it("finds the unit, the officials with rank, titles and role, the byline and the source", () => {
        expect(article.unit).toBe(e.unit);
        expect(
          article.officials.map(({ name, rank, titles, role }) => ({ name, rank: rank ?? null, titles, role })),
        ).toEqual(e.officials.map(({ name, rank, titles, role }) => ({ name, rank, titles, role })));
        expect(article.byline).toEqual(e.byline);
        expect(article.source?.name).toBe(e.source);
      });

      it("drops every chrome line and keeps every caption once", () => {
        const texts = body.map((b) => b.text);
        for (const chrome of e.chrome ?? []) {
          const line = chrome.replace(/ \.\.\.$/u, "");
          expect(
            texts.some((t) => t.startsWith(line)),
            chrome,
          ).toBe(false);
        }
        expect(texts.some((t) => /lượt xem|Tin cùng chuyên mục|Thống kê truy cập|Nguồn:|Ảnh trên/u.test(t))).toBe(
          false,
        );
        const captions = body.filter((b) => b.caption).map((b) => b.text);
        expect(new Set(captions).size).toBe(captions.length);
        for (const caption of e.captions ?? []) {
          if (caption.startsWith("...")) continue;
          expect(captions).toContain(caption.replace(/ \( Ảnh trên\)$/u, ""));
        }
        // The byline and the title are not body text.
        expect(texts.at(-1)).not.toBe(e.byline.join("- "));
        expect(texts.filter((t) => t === e.title)).toEqual([]);
      });
    });
  }

  it("produced the bundled archive: re-importing the seeds changes nothing", async () => {
    const seedFiles = readdirSync(seeds).filter((f) => f.endsWith(".txt"));
    const results = await runIngest({ paths: [seeds], outDir: path.join(root, "content/articles"), dryRun: true });
    expect(results.map((r) => r.status)).toEqual(seedFiles.map(() => "unchanged"));
  });
});
