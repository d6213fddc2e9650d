/**
 * The content loader of the articles collection.
 *
 * Astro's glob() loader re-reads every file's frontmatter on every build, renders Markdown one file
 * at a time on the main thread, and keeps each article's Markdown and HTML in the content store, which
 * is saved whole (character by character, in chunks) each time the loop pauses: at 10,000 articles the
 * saves took 67 of the 105 s of the content sync, and they grow with the archive. This loader:
 * - hashes every file whose size, times or inode changed since the last build (as git does: a file
 *   written in the seconds before a build is hashed again at the next), and reads again only those
 *   whose content changed;
 * - reads their frontmatter with the reader of `npm run check` (YAML only, no JavaScript frontmatter,
 *   no timestamps, limits on aliases and depth), renders the Markdown sanitised (render.ts) and
 *   prepares the search text, on worker threads when there are many;
 * - keeps the HTML and search text out of the store, in one file per article content
 *   (`<cacheDir>/bien-nien-articles/<digest>.json`, read by the article page and the search index),
 *   and the frontmatter and lead paragraph too, in one file for all (`entries.json`, read by the pages
 *   through lib/articles.ts, see StoredEntry): the store holds each article's id and digest only;
 * - validates every article against the schema and reports every broken file, not just the first,
 *   then stores them all at once.
 * In `astro dev` it follows edits, additions and deletions of files.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync, type Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { checkArticle, formatProblems, listArticleFiles, openArticle, type Problem } from "../check/check.ts";
import { articleSchema } from "../domain/article.ts";
import { vnDay } from "../domain/dates.ts";
import { leadParagraph } from "../domain/summary.ts";
import { nfc, stripInvisible } from "../domain/text.ts";
import { vi } from "../i18n/vi.ts";
import { codeVersion } from "../lib/code-version.ts";
import { inWorkerShares } from "../lib/worker-shares.ts";
import { writeWhole } from "../lib/write-whole.ts";
import { searchContent } from "../search/records.ts";
import { renderArticleBody } from "./render.ts";
import {
  ENTRIES,
  MANIFEST,
  readEntries,
  readManifest,
  RENDERED_FOLDER_ENV,
  renderedFolder,
  type Entries,
  type Manifest,
  type ManifestEntry,
  type StoredEntry,
  type RenderedArticle,
} from "./rendered.ts";

/** One article file to read: its id (path under the folder, without ".md"), path, content and digest. */
export interface ArticleSource {
  id: string;
  file: string;
  bytes: Uint8Array;
  digest: string;
}

export type ReadArticle =
  | { id: string; file: string; digest: string; day: string; data: Record<string, unknown>; lead: string }
  | { id: string; file: string; problems: Problem[] };

/**
 * Reads each source, writes its rendered form into `folder`, returns its frontmatter, or its problems as
 * `npm run check` words them (file, line, field). `shown` is how a file is named in messages.
 */
export function readArticles(
  sources: readonly ArticleSource[],
  folder: string,
  shown: (file: string) => string,
): ReadArticle[] {
  return sources.map(({ id, file, bytes, digest }): ReadArticle => {
    const failed = (): ReadArticle => ({
      id,
      file,
      problems: checkArticle(shown(file), id, bytes, new Date()).problems.filter((p) => p.severity === "error"),
    });
    const opened = openArticle(bytes);
    if ("problem" in opened) return failed();
    const article = articleSchema.safeParse(opened.document.data);
    if (!article.success) return failed();
    try {
      // No invisible characters in the text either (a direction override can disguise a sentence).
      const body = stripInvisible(opened.document.body).trim();
      const rendered: RenderedArticle = {
        data: opened.document.data,
        html: renderArticleBody(body),
        search: searchContent(article.data, body),
      };
      writeFileSync(path.join(folder, `${digest}.json`), JSON.stringify(rendered));
      const day = vnDay(article.data.date);
      return { id, file, digest, day, data: opened.document.data, lead: leadParagraph(body) };
    } catch (error) {
      // Markdown too deeply nested for the parser, a cache folder that cannot be written …
      const message = vi.content.unrenderable(error instanceof Error ? error.message : String(error));
      return { id, file, problems: [{ file: shown(file), severity: "error", message }] };
    }
  });
}

/** Below this many changed files, starting worker threads costs more than it saves. */
const WORKERS_FROM = 400;

/** The id of a file: its path as written ("2023/11/<slug>"), NFC; the build checks it rather than slugifying it. */
const idOf = (relative: string) => nfc(relative.replace(/\.md$/u, ""));

/**
 * What the rendered form of an article depends on besides its file: the code that reads, checks,
 * renders, sanitises and indexes it, and the versions of the libraries it uses. It goes into every
 * digest, so that a change there (a sanitiser fix, a new limit) reaches every article, not only the
 * ones edited since.
 */
function pipelineVersion(root: string): string {
  return codeVersion(root, [
    "src/markdown",
    "src/domain",
    "src/check",
    // The search text (not the search page), and the messages and labels that end up in the HTML.
    "src/search/records.ts",
    "src/search/normalize.ts",
    "src/search/filters.ts",
    "src/i18n/vi.ts",
    "package-lock.json",
  ]);
}

/** Where messages name a file: its path from the project root. */
const shownFrom = (root: string) => (file: string) => path.relative(root, file).split(path.sep).join("/");

export function articleLoader(options: { base: string }): Loader {
  return {
    name: "bien-nien-articles",
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const dir = path.resolve(root, options.base);
      // `astro dev` keeps its content store in .astro/, a build in the cache folder: each gets its own
      // rendered articles, and the pages and the search index are told which (RENDERED_FOLDER_ENV).
      const folder = renderedFolder(
        context.watcher ? path.join(root, ".astro") : fileURLToPath(context.config.cacheDir),
      );
      mkdirSync(folder, { recursive: true });
      process.env[RENDERED_FOLDER_ENV] = folder;
      const sync: Sync = { dir, folder, version: pipelineVersion(root), shown: shownFrom(root), entries: new Map() };
      await syncAll(context, sync);
      // In `astro dev`: one change at a time, in the order they happen.
      let queue = Promise.resolve();
      context.watcher?.add(dir);
      context.watcher?.on("all", (event, changed) => {
        if (!changed.startsWith(dir + path.sep) || !changed.endsWith(".md")) return;
        if (event !== "add" && event !== "change" && event !== "unlink") return;
        queue = queue
          .then(() => syncOne(context, sync, changed, event === "unlink"))
          .catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
      });
    },
  };
}

interface Sync {
  /** The articles folder. */
  dir: string;
  /** The rendered-article folder. */
  folder: string;
  /** pipelineVersion() */
  version: string;
  shown: (file: string) => string;
  /** What the pages know of each article (entries.json), as the last sync or change left it. */
  entries: Map<string, StoredEntry>;
}

const digestOf = (context: LoaderContext, sync: Sync, bytes: Buffer) =>
  context.generateDigest(sync.version + bytes.toString("latin1"));

const withStat = (entry: ManifestEntry, stat: string | undefined): ManifestEntry =>
  stat === undefined ? entry : { ...entry, stat };

/**
 * Files changed this close to a sync are hashed again at the next: a change within the same clock tick
 * would not show. (The content folder's clock is taken to be this machine's: a local disk or a checkout.)
 */
const SETTLED_MS = 2000;

/**
 * What a file's metadata says of its content (with the pipeline version, which is in every digest), or
 * nothing when it was written too close to `started` for its times to be trusted.
 */
function statKey(sync: Sync, file: Stats, started: number): string | undefined {
  if (Math.max(file.mtimeMs, file.ctimeMs) > started - SETTLED_MS) return undefined;
  return `${sync.version}:${file.size}:${file.mtimeMs}:${file.ctimeMs}:${file.ino}`;
}

async function syncAll(context: LoaderContext, sync: Sync): Promise<void> {
  const { store, logger } = context;
  const { dir, folder } = sync;
  const files = (await listArticleFiles(dir)).markdown.map((file) =>
    path.relative(dir, file).split(path.sep).join("/"),
  );
  const stale = new Set(store.keys());
  const cached = new Set(readdirSync(folder));
  const previous = readManifest(folder);
  const previousEntries = readEntries(folder);
  /** The manifest in file order (ids sorted as listed), whatever was read again. */
  const listed = new Map<string, ManifestEntry | undefined>();
  /** How many files were read (the others' size, times and inode were unchanged). */
  let opened = 0;
  const changed: ArticleSource[] = [];
  /** Each file's statKey, for the manifest. */
  const stats = new Map<string, string>();
  const started = Date.now();
  for (let i = 0; i < files.length; i += 256) {
    // Astro saves the whole store 500 ms after its last change, and it changed its own meta data just
    // before this loader ran: that save (1.1 s at 20,000 articles, on this thread) would come while the
    // files are hashed, and the store is saved again after the sync. Touching our meta entry in each
    // batch puts the save off to the end of the loader: one save per build.
    context.meta.set(MANIFEST, "v2");
    const batch = files.slice(i, i + 256).map((relative) => ({ id: idOf(relative), file: path.join(dir, relative) }));
    const results = await Promise.all(
      batch.map(async ({ id, file }) => {
        const key = statKey(sync, await stat(file), started);
        if (key !== undefined) stats.set(id, key);
        const before = previous[id];
        /** The last sync's rendered file, store entry and page data are there for this digest. */
        const reusable = (digest: string) =>
          store.get(id)?.digest === digest && previousEntries[id]?.digest === digest && cached.has(`${digest}.json`);
        // Unchanged size, times and inode: the file is not read again.
        if (key !== undefined && key === before?.stat && reusable(before.digest)) return { id, digest: before.digest };
        const bytes = await readFile(file);
        opened++;
        const digest = digestOf(context, sync, bytes);
        if (before?.digest === digest && reusable(digest)) return { id, digest };
        return { id, digest, source: { id, file, bytes, digest } };
      }),
    );
    // In file order, whatever order the reads finished in.
    for (const { id, digest, source } of results) {
      stale.delete(id);
      if (source) {
        listed.set(id, undefined);
        changed.push(source);
      } else listed.set(id, withStat({ digest, day: previous[id]!.day }, stats.get(id)));
    }
  }
  const threads = Math.min(availableParallelism(), 4);
  const read =
    changed.length >= WORKERS_FROM && threads > 1
      ? await inWorkerShares<ArticleSource, ReadArticle>(
          new URL("./article-worker.ts", import.meta.url),
          changed,
          threads,
          { folder, root: fileURLToPath(context.config.root) },
        )
      : readArticles(changed, folder, sync.shown);
  for (const id of stale) store.delete(id);
  const stored = await validateAll(context, sync, read);
  for (const article of read) {
    if ("day" in article) {
      listed.set(article.id, withStat({ digest: article.digest, day: article.day }, stats.get(article.id)));
    }
  }
  // Every entry is set by now: validateAll throws when an article could not be read.
  const manifest = Object.fromEntries(listed) as Manifest;
  sync.entries = new Map([...listed.keys()].map((id) => [id, stored[id] ?? previousEntries[id]!]));
  // Rendered articles no file has any more go; the manifest tells the search index what there is.
  const kept = new Set(Object.values(manifest).map(({ digest }) => `${digest}.json`));
  for (const name of cached) {
    if (!kept.has(name) && name !== MANIFEST && name !== ENTRIES) rmSync(path.join(folder, name), { force: true });
  }
  writeWhole(path.join(folder, ENTRIES), JSON.stringify(Object.fromEntries(sync.entries)));
  writeWhole(path.join(folder, MANIFEST), JSON.stringify(manifest));
  storeAll(context, stored);
  logger.info(vi.content.synced(files.length, changed.length, stale.size, opened));
}

async function syncOne(context: LoaderContext, sync: Sync, file: string, removed: boolean) {
  const id = idOf(path.relative(sync.dir, file).split(path.sep).join("/"));
  let changed: Entries = {};
  if (!removed) {
    const bytes = await readFile(file);
    const digest = digestOf(context, sync, bytes);
    changed = await validateAll(context, sync, readArticles([{ id, file, bytes, digest }], sync.folder, sync.shown));
  }
  // The page data first (kept in memory since the sync, changed and written with nothing awaited in
  // between): a change of the store is what reloads the pages, and they read the page data then.
  if (removed) sync.entries.delete(id);
  else sync.entries.set(id, changed[id]!);
  writeWhole(path.join(sync.folder, ENTRIES), JSON.stringify(Object.fromEntries(sync.entries)));
  if (removed) context.store.delete(id);
  else storeAll(context, changed);
}

/**
 * Validates every article and returns what the pages know of each (StoredEntry, by id). Every broken
 * file is reported, as `npm run check` reports it (with lines), before the build stops.
 */
async function validateAll(context: LoaderContext, sync: Sync, read: readonly ReadArticle[]): Promise<Entries> {
  const { parseData, logger } = context;
  const entries: Entries = {};
  const broken: Problem[] = [];
  for (const article of read) {
    if ("problems" in article) {
      broken.push(...article.problems);
      continue;
    }
    try {
      const data = await parseData({ id: article.id, data: article.data, filePath: article.file });
      entries[article.id] = { digest: article.digest, filePath: sync.shown(article.file), lead: article.lead, data };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      broken.push({ file: sync.shown(article.file), severity: "error", message });
    }
  }
  if (broken.length > 0) {
    logger.error(formatProblems(broken).join("\n"));
    throw new Error(vi.content.unreadable(new Set(broken.map((p) => p.file)).size));
  }
  return entries;
}

/**
 * Puts articles in Astro's content store, in one go (no store save in between): their id and digest,
 * which is what tells a dev server that the pages must be rendered again. Their data is in entries.json.
 */
function storeAll(context: LoaderContext, entries: Entries) {
  for (const [id, { digest }] of Object.entries(entries)) context.store.set({ id, data: {}, digest });
}
