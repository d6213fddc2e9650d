/**
 * The article collection as pages use it: loaded once per build, checked for
 * problems the schema cannot see (file layout, slug), sorted newest first.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import { articlePathProblems } from "../domain/article.ts";
import { vi } from "../i18n/vi.ts";
import { currentRenderedFolder, readRendered } from "../markdown/rendered.ts";
import { articleUrl } from "./urls.ts";

export type ArticleEntry = CollectionEntry<"articles">;

let cached: Promise<ArticleEntry[]> | undefined;

async function load(): Promise<ArticleEntry[]> {
  const entries = await getCollection("articles");
  const problems = entries.flatMap((entry) =>
    articlePathProblems(entry.id, entry.data.date).map((problem) => `  ${entry.filePath ?? entry.id}: ${problem}`),
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
  return entry.data.summary ?? entry.body ?? "";
}

/** The article body as sanitised HTML, from the rendered-article cache the content sync filled. */
export function articleHtml(entry: ArticleEntry): string {
  return readRendered(currentRenderedFolder(), String(entry.digest)).html;
}

export { articleUrl };
