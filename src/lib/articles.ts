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
  /** Marks an article for src/lib/cache-key.ts, which keys it by id and digest, not by its text. */
  collection: "articles";
  data: Article;
  /** The first paragraph as plain text (see articleLead). */
  lead: string;
  /** Its file, from the project root. */
  filePath: string;
  /** The digest of its content: its rendered file, and the key of every page that shows it. */
  digest: string;
}

let cached: Promise<ArticleEntry[]> | undefined;

async function load(): Promise<ArticleEntry[]> {
  // The articles are what the article loader wrote beside Astro's content store (see StoredEntry). The
  // store is asked too: in `astro dev`, its changes are what reload the pages (it holds ids and digests
  // only, and catches up with the page data, written first, a moment later).
  await getCollection("articles");
  const entries = Object.entries(readEntries(currentRenderedFolder(), { strict: true })).map(
    ([id, entry]): ArticleEntry => ({
      id,
      collection: "articles",
      data: articleDataFromJson(entry.data),
      lead: entry.lead,
      filePath: entry.filePath,
      digest: entry.digest,
    }),
  );
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

/** The lead of an article for lists, descriptions and feeds: its `summary`, or else its first paragraph. */
export function articleLead(entry: ArticleEntry): string {
  return entry.data.summary ?? entry.lead;
}

/** The article body as sanitised HTML, from the rendered-article cache the content sync filled. */
export function articleHtml(entry: ArticleEntry): string {
  return readRendered(currentRenderedFolder(), entry.digest).html;
}

export { articleUrl };
