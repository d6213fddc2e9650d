import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus, sentencePool } from "../../src/corpus/generate.ts";
import { articlePathProblems, articleSchema } from "../../src/domain/article.ts";
import { readArticleText } from "../../src/domain/frontmatter.ts";
import { isKnownProvince } from "../../src/domain/places.ts";
import { root } from "../helpers/paths.ts";

const contentDir = path.join(root, "content/articles");
const bodies = readdirSync(contentDir, { recursive: true })
  .filter((f) => String(f).endsWith(".md"))
  .map((f) => readArticleText(readFileSync(path.join(contentDir, String(f)), "utf8")).body);
const pool = sentencePool(bodies);

describe("synthetic corpus", () => {
  const articles = [...generateCorpus(300, pool)];

  it("is valid under the article schema, each file where its date says", () => {
    for (const article of articles) {
      const { data } = readArticleText(article.text);
      const parsed = articleSchema.safeParse(data);
      expect(parsed.success, `${article.path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(articlePathProblems(article.path.replace(/\.md$/u, ""), parsed.data!.date)).toEqual([]);
    }
  });

  it("has unique paths and is deterministic: a smaller corpus is the start of a larger one", () => {
    expect(new Set(articles.map((a) => a.path)).size).toBe(articles.length);
    expect([...generateCorpus(50, pool)]).toEqual(articles.slice(0, 50));
  });

  it("spreads over provinces, years 2015–2026 and the 2025 reform", () => {
    const data = articles.map((a) => articleSchema.parse(readArticleText(a.text).data));
    const provinces = new Set(data.map((d) => d.locality.province));
    expect(provinces.size).toBeGreaterThan(40);
    for (const province of provinces) expect(isKnownProvince(province)).toBe(true);
    const years = new Set(data.map((d) => d.date.getUTCFullYear()));
    expect(Math.min(...years)).toBe(2015);
    expect(Math.max(...years)).toBe(2026);
    expect(data.some((d) => d.officials.some((o) => o.rank))).toBe(true);
    expect(data.every((d) => d.unit && d.byline.length === 1)).toBe(true);
  });
});
