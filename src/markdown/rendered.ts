/**
 * The rendered-article cache the article loader fills (article-loader.ts): one JSON file per article
 * content, named by its digest, in `<cacheDir>/bien-nien-articles/`, a manifest of the articles of the
 * last sync (for the search index and the next sync) and their page data (entries.json, for the pages).
 * The article page reads the HTML from it, the search index the search text.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { vi } from "../i18n/vi.ts";

/** What the cache keeps of one article content. */
export interface RenderedArticle {
  /** The frontmatter as written (YAML data, before the schema). */
  data: Record<string, unknown>;
  /** The body as sanitised HTML. */
  html: string;
  /** The text the search index holds for it (search/records.ts). */
  search: string;
}

/**
 * The environment variable through which the loader tells the pages and the search index (same
 * process) where it put the rendered articles of this build or dev server.
 */
export const RENDERED_FOLDER_ENV = "BIEN_NIEN_RENDERED";

/** The folder the content sync of this process filled. */
export function currentRenderedFolder(): string {
  const folder = process.env[RENDERED_FOLDER_ENV];
  if (!folder) throw new Error("the article loader has not run in this process: no rendered articles");
  return folder;
}

/** The folder of rendered articles in a cache folder. */
export const renderedFolder = (cacheDir: string) => path.join(cacheDir, "bien-nien-articles");

/** The file, in the rendered folder, listing every article of the last sync, by id (a Manifest). */
export const MANIFEST = "articles.json";

/**
 * One article of the last sync: the digest of its content (its rendered file), its day ("2024-07-15"),
 * and its file's size, times and inode when they tell that the file has not changed since (see
 * article-loader.ts).
 */
export interface ManifestEntry {
  digest: string;
  day: string;
  stat?: string;
}
export type Manifest = Record<string, ManifestEntry>;

/**
 * What the pages know of one article besides its HTML: its frontmatter after the schema, as JSON (the
 * date as an ISO string, see articleDataFromJson), its lead paragraph (lib/articles.ts) and where it is.
 * Kept here rather than in Astro's content store: a store of 20,000 articles (22 MB) cost ≈ 5 s of every
 * build, saved with devalue, bundled into the pages' code by Vite and compiled again to be read.
 */
export interface StoredEntry {
  digest: string;
  filePath: string;
  lead: string;
  data: Record<string, unknown>;
}
export type Entries = Record<string, StoredEntry>;

/** The file, in the rendered folder, with the StoredEntry of every article of the last sync, by id. */
export const ENTRIES = "entries.json";

/**
 * A JSON file of the rendered folder, if every value passes `valid`. For the loader, empty when there
 * is none yet or it is of an older form (then every article is read again); `strict` (the pages and the
 * search index, after a sync) throws instead.
 */
function readRecord<T>(file: string, valid: (value: T) => boolean, strict: boolean): Record<string, T> {
  try {
    const record = JSON.parse(readFileSync(file, "utf8")) as Record<string, T>;
    const first = Object.values(record)[0];
    if (first === undefined || valid(first)) return record;
    throw new Error("written by an older version");
  } catch (error) {
    if (strict) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${file}: ${reason}. ${vi.build.cacheUnreadable(path.dirname(file))}`, { cause: error });
    }
    return {};
  }
}

/** The manifest of `folder` (see readRecord for `strict`). */
export const readManifest = (folder: string, { strict = false } = {}): Manifest =>
  readRecord<ManifestEntry>(
    path.join(folder, MANIFEST),
    (entry) => typeof entry.digest === "string" && typeof entry.day === "string",
    strict,
  );

/** The stored entries of `folder` (see readRecord for `strict`). */
export const readEntries = (folder: string, { strict = false } = {}): Entries =>
  readRecord<StoredEntry>(
    path.join(folder, ENTRIES),
    (entry) => typeof entry.digest === "string" && typeof entry.lead === "string" && typeof entry.data === "object",
    strict,
  );

export function readRendered(folder: string, digest: string): RenderedArticle {
  return JSON.parse(readFileSync(path.join(folder, `${digest}.json`), "utf8")) as RenderedArticle;
}
