/**
 * The article collection as pages use it: loaded once per build, checked for
 * problems the schema cannot see (file layout, slug), sorted newest first.
 */
import { getCollection } from "astro:content";
import { articleDataFromJson, articlePathProblems, type Article } from "../domain/article.ts";
import { vi } from "../i18n/vi.ts";
import { currentRenderedFolder, readEntries, readRendered } from "../markdown/rendered.ts";
import { articleUrl } from "./urls.ts";

/** One article as the pages use it. */
export interface ArticleEntry {
  /** "2023/11/<slug>". */
  id: string;
  collection: "articles";
  data: Article;
  /** The lead paragraph as plain text (see articleLead). */
  body: string;
  /** Its file, from the project root. */
  filePath: string;
  /** The digest of its content: its rendered file, and the key of every page that shows it. */
  digest: string;
}

let cached: Promise<ArticleEntry[]> | undefined;

async function load(): Promise<ArticleEntry[]> {
  // Which articles there are comes from Astro's content store (in `astro dev`, its changes reload the
  // pages); what they say, from the entries the article loader wrote beside it (see StoredEntry).
  const stored = readEntries(currentRenderedFolder(), { strict: true });
  const entries = (await getCollection("articles")).map(({ id, digest }): ArticleEntry => {
    const entry = stored[id];
    if (!entry || !digest || entry.digest !== digest) throw new Error(vi.content.entryMissing(id));
    return {
      id,
      collection: "articles",
      data: articleDataFromJson(entry.data),
      body: entry.lead,
      filePath: entry.filePath,
      digest,
    };
  });
  const problems = entries.flatMap((entry) =>
    articlePathProblems(entry.id, entry.data.date).map((problem) => `  ${entry.filePath}: ${problem}`),
  );
  if (problems.length > 0) {
    throw new Error([vi.content.problems(problems.length), ...problems].join("\n"));
  }
  // Newest first; equal dates fall back to the id so the order never depends on file-system order.
  return entries.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
}

/** Every article, newest first. Memoised: the collection is read once per build. */
export function allArticles(): Promise<ArticleEntry[]> {
  cached ??= load();
  return cached;
}

/**
 * The lead of an article for lists, descriptions and feeds: its `summary`, or else its first paragraph as
 * plain text, which the article loader keeps as the entry's `body` (the whole article is not in the
 * content store, see markdown/article-loader.ts).
 */
export function articleLead(entry: ArticleEntry): string {
  return entry.data.summary ?? entry.body;
}

/** The article body as sanitised HTML, from the rendered-article cache the content sync filled. */
export function articleHtml(entry: ArticleEntry): string {
  return readRendered(currentRenderedFolder(), entry.digest).html;
}

export { articleUrl };
