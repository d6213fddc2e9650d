/**
 * The bundled archive: the five seed articles as Markdown, checked against the
 * metadata an editor confirmed in ../shared/seeds/expected.yaml and against
 * the raw scrapes they came from.
 */
import { globSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articlePathProblems, articleSchema, type Article } from "../../src/domain/article.ts";
import { parseArticleDate } from "../../src/domain/dates.ts";
import { readArticleText } from "../../src/domain/frontmatter.ts";
import { provinceToday } from "../../src/domain/places.ts";
import { collapseSpace } from "../../src/domain/text.ts";
import { expectedSeeds, type Expected } from "../helpers/expected.ts";
import { root, shared } from "../helpers/paths.ts";

const expected = expectedSeeds;

const files = globSync("content/articles/**/*.md", { cwd: root }).sort();
const articles = files.map((file) => {
  const text = readFileSync(path.join(root, file), "utf8");
  const { data, body } = readArticleText(text);
  return { file, text, body, data: articleSchema.parse(data) };
});

/** The bundled article made from a seed: the one with the seed's title. */
function articleFor(seed: string, e: Expected): { file: string; body: string; data: Article; text: string } {
  const article = articles.find((a) => a.data.title === e.title);
  if (!article) throw new Error(`no bundled article has the title of ${seed}`);
  return article;
}

describe("bundled content", () => {
  it("holds one article per seed", () => {
    expect(files).toHaveLength(Object.keys(expected).length);
  });

  it("is stored as NFC", () => {
    for (const { file, text } of articles) expect(text === text.normalize("NFC"), file).toBe(true);
  });

  it("lives in YYYY/MM/<ascii-slug>.md folders matching each date", () => {
    for (const { file, data } of articles) {
      const id = file.replace(/^content\/articles\//, "").replace(/\.md$/, "");
      expect(articlePathProblems(id, data.date), file).toEqual([]);
    }
  });

  for (const [seed, e] of Object.entries(expected)) {
    describe(seed, () => {
      const { data, body } = articleFor(seed, e);
      const raw = readFileSync(path.join(shared, "seeds", seed), "utf8").normalize("NFC");

      it("has the confirmed metadata", () => {
        expect(data.date.getTime()).toBe(parseArticleDate(e.date)!.getTime());
        expect(data.dateInferred).toBe(e.year_inferred);
        expect(data.locality).toEqual(e.locality);
        expect(provinceToday(data.locality.province)).toBe(e.province_today);
        expect(data.unit).toBe(e.unit);
        expect(data.byline).toEqual(e.byline);
        expect(data.source?.name).toBe(e.source);
        expect(
          data.officials.map(({ name, rank, titles, role }) => ({ name, rank: rank ?? null, titles, role })),
        ).toEqual(e.officials.map(({ name, rank, titles, role }) => ({ name, rank, titles, role })));
      });

      it("explains an inferred year in review", () => {
        const dateNotes = data.review.filter((note) => note.startsWith("date:"));
        expect(dateNotes.length > 0).toBe(e.year_inferred);
      });

      it("has no portal chrome, byline or source line in the body", () => {
        for (const chrome of [...(e.chrome ?? []), "Tin cùng chuyên mục", "Nguồn:", "lượt xem", "( Ảnh trên)"]) {
          expect(body, chrome).not.toContain(chrome.replace(/ \.\.\.$/, ""));
        }
        for (const name of e.byline) expect(body.trim().endsWith(name)).toBe(false);
      });

      it("keeps each caption once, as a caption", () => {
        const captions = body
          .split(/\n\s*\n/)
          .map((block) => block.trim())
          .filter((block) => /^\*[^*].*\*$/.test(block))
          .map((block) => block.slice(1, -1));
        expect(new Set(captions).size).toBe(captions.length);
        for (const caption of e.captions ?? []) {
          if (caption.startsWith("...")) continue;
          expect(captions).toContain(caption.replace(/ \( Ảnh trên\)$/, ""));
        }
      });

      it("keeps every sentence of the article text", () => {
        // Every paragraph of the body is text of the raw scrape (captions split off
        // from glued sentences included), so nothing was rewritten or invented.
        const rawText = collapseSpace(raw.replace(/\u00a0/g, " "));
        for (const block of body.split(/\n\s*\n/)) {
          const text = collapseSpace(block.replace(/^\*|\*$/g, ""));
          if (text) expect(rawText, text.slice(0, 60)).toContain(text);
        }
        // …and the longest paragraphs of the scrape all made it into the body.
        const paragraphs = raw.split(/\n/).map((line) => collapseSpace(line.replace(/\u00a0/g, " ")));
        const flatBody = collapseSpace(body.replace(/\*/g, ""));
        for (const paragraph of paragraphs.filter((p) => p.length > 300)) {
          expect(flatBody, paragraph.slice(0, 60)).toContain(paragraph.replace(/^CTTBTG - /, "").slice(0, 200));
        }
      });
    });
  }
});
