/**
 * Search records: one per article, built from the same Markdown files and
 * schema as the pages. Only the article is indexed (title, lead, body,
 * officials, unit, place), never the page chrome.
 */
import { articleSchema, type Article } from "../domain/article.ts";
import { formatVnShortDate, toVnIso, vnParts } from "../domain/dates.ts";
import { provinceToday } from "../domain/places.ts";
import { bodyText } from "../domain/summary.ts";
import { canonical } from "../domain/text.ts";
import { currentRenderedFolder, readManifest, readRendered } from "../markdown/rendered.ts";
import { FILTERS } from "./filters.ts";
import { dFoldedWords, normalizeSearchText } from "./normalize.ts";

export interface SearchRecord {
  url: string;
  content: string;
  language: "vi";
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

export interface ArticleForSearch {
  /** Collection id: "2023/11/<slug>". */
  id: string;
  data: Article;
  /** What is indexed (searchContent). */
  content: string;
}

/**
 * The text indexed for an article: title, summary, body, officials, unit and place, NFC and with
 * invisible characters removed, then every word with "đ" once more with "d" (see dFoldedWords).
 */
export function searchContent(data: Article, body: string): string {
  const place = [data.locality.district, data.locality.province].filter(Boolean).join(", ");
  const people = data.officials.map((o) => [o.rank, o.name, ...o.titles].filter(Boolean).join(" "));
  const today = provinceToday(data.locality.province);
  const text = normalizeSearchText(
    [data.title, data.summary ?? "", bodyText(body), people.join(". "), data.unit ?? "", place, today ?? ""].join("\n"),
  );
  return `${text}\n${dFoldedWords(text).join(" ")}`;
}

/** One article of the rendered-article cache (`digest`: its file there) as the search index takes it. */
export function articleForSearch(folder: string, id: string, digest: string): ArticleForSearch {
  const { data, search } = readRendered(folder, digest);
  return { id, data: articleSchema.parse(data), content: search };
}

/** Every article of this build's content sync, from the rendered-article cache, by id. */
export function renderedForSearch(folder = currentRenderedFolder()): ArticleForSearch[] {
  return Object.entries(readManifest(folder, { strict: true })).map(([id, { digest }]) =>
    articleForSearch(folder, id, digest),
  );
}

/** The search record of one article; `base` is the site's base path ("/" or "/archive/"). */
export function searchRecord({ id, data, content }: ArticleForSearch, base: string): SearchRecord {
  const place = [data.locality.district, data.locality.province].filter(Boolean).join(", ");
  const today = provinceToday(data.locality.province);
  const filter = (value: string | undefined) => (value ? [canonical(normalizeSearchText(value))] : []);
  return {
    url: `${base.replace(/\/?$/u, "/")}bai-viet/${id}/`,
    content,
    language: "vi",
    meta: {
      title: data.title,
      date: formatVnShortDate(data.date),
      place,
      ...(data.unit && { unit: data.unit }),
    },
    filters: {
      [FILTERS.province]: filter(data.locality.province),
      [FILTERS.provinceToday]: filter(today),
      [FILTERS.district]: filter(data.locality.district),
      [FILTERS.unit]: filter(data.unit),
      [FILTERS.year]: [String(vnParts(data.date).year)],
      [FILTERS.person]: [...new Set(data.officials.map((o) => canonical(normalizeSearchText(o.name))))],
    },
    sort: { date: toVnIso(data.date) },
  };
}
