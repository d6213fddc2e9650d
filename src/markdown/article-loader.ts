/**
 * The content loader of the articles collection.
 *
 * Astro's glob() loader re-reads every file's frontmatter on every build, renders Markdown one file
 * at a time on the main thread, and keeps each article's Markdown and HTML in the content store, which
 * is saved whole (character by character, in chunks) each time the loop pauses: at 10,000 articles the
 * saves took 67 of the 105 s of the content sync, and they grow with the archive. This loader:
 * - hashes every file and reads again only those whose content changed since the last build;
 * - reads their frontmatter with the reader of `npm run check` (YAML only, no JavaScript frontmatter,
 *   no timestamps, limits on aliases and depth), renders the Markdown sanitised (render.ts) and
 *   prepares the search text, on worker threads when there are many;
 * - keeps the HTML and search text out of the store, in one file per article content
 *   (`<cacheDir>/bien-nien-articles/<digest>.json`, read by the article page and the search index);
 *   the store holds the frontmatter, digest and lead paragraph (as `body`, see lib/articles.ts);
 * - validates every article against the schema and reports every broken file, not just the first,
 *   then stores them all at once.
 * In `astro dev` it follows edits, additions and deletions of files.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { checkArticle, formatProblems, openArticle, type Problem } from "../check/check.ts";
import { articleSchema } from "../domain/article.ts";
import { leadParagraph } from "../domain/summary.ts";
import { nfc } from "../domain/text.ts";
import { vi } from "../i18n/vi.ts";
import { inWorkerShares } from "../lib/worker-shares.ts";
import { searchContent } from "../search/records.ts";
import { renderArticleBody } from "./render.ts";
import { MANIFEST, renderedFolder, type RenderedArticle } from "./rendered.ts";

/** One article file to read: its id (path under the folder, without ".md"), path, content and digest. */
export interface ArticleSource {
  id: string;
  file: string;
  bytes: Uint8Array;
  digest: string;
}

export type ReadArticle =
  | { id: string; file: string; data: Record<string, unknown>; lead: string }
  | { id: string; file: string; problem: string; line?: number };

/** Reads each source, writes its rendered form into `folder`, returns its frontmatter or its problem. */
export function readArticles(sources: readonly ArticleSource[], folder: string): ReadArticle[] {
  return sources.map(({ id, file, bytes, digest }): ReadArticle => {
    const opened = openArticle(bytes);
    if ("problem" in opened) return { id, file, problem: opened.problem, ...(opened.line && { line: opened.line }) };
    const { data } = opened.document;
    const body = opened.document.body.trim();
    // An article the schema rejects is reported by the main thread; it gets no search text.
    const article = articleSchema.safeParse(data);
    const rendered: RenderedArticle = {
      data,
      html: renderArticleBody(body),
      search: article.success ? searchContent(article.data, body) : "",
    };
    writeFileSync(path.join(folder, `${digest}.json`), JSON.stringify(rendered));
    return { id, file, data, lead: leadParagraph(body) };
  });
}

/** Below this many changed files, starting worker threads costs more than it saves. */
const WORKERS_FROM = 400;

/** Every .md file under `dir`, as paths relative to it with "/" separators, sorted. */
function listArticles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** The id of a file: its path as written ("2023/11/<slug>"), NFC; the build checks it rather than slugifying it. */
const idOf = (relative: string) => nfc(relative.replace(/\.md$/u, ""));

export function articleLoader(options: { base: string }): Loader {
  return {
    name: "bien-nien-articles",
    load: async (context) => {
      const dir = path.resolve(fileURLToPath(context.config.root), options.base);
      const folder = renderedFolder(fileURLToPath(context.config.cacheDir));
      mkdirSync(folder, { recursive: true });
      await syncAll(context, dir, folder);
      context.watcher?.add(dir);
      context.watcher?.on("all", (event, changed) => {
        if (!changed.startsWith(dir + path.sep) || !changed.endsWith(".md")) return;
        if (event !== "add" && event !== "change" && event !== "unlink") return;
        syncOne(context, dir, folder, changed, event === "unlink").catch((error: unknown) =>
          context.logger.error(error instanceof Error ? error.message : String(error)),
        );
      });
    },
  };
}

async function syncAll(context: LoaderContext, dir: string, folder: string): Promise<void> {
  const { store, generateDigest, logger } = context;
  const files = listArticles(dir);
  const stale = new Set(store.keys());
  const cached = new Set(readdirSync(folder));
  const manifest: Record<string, string> = {};
  const changed: ArticleSource[] = [];
  for (let i = 0; i < files.length; i += 256) {
    const batch = files.slice(i, i + 256);
    const contents = await Promise.all(batch.map((relative) => readFile(path.join(dir, relative))));
    batch.forEach((relative, j) => {
      const id = idOf(relative);
      const bytes = contents[j]!;
      const digest = generateDigest(bytes.toString("latin1"));
      stale.delete(id);
      manifest[id] = digest;
      if (store.get(id)?.digest !== digest || !cached.has(`${digest}.json`)) {
        changed.push({ id, file: path.join(dir, relative), bytes, digest });
      }
    });
  }
  const threads = Math.min(availableParallelism(), 4);
  const read =
    changed.length >= WORKERS_FROM && threads > 1
      ? await inWorkerShares<ArticleSource, ReadArticle>(
          new URL("./article-worker.ts", import.meta.url),
          changed,
          threads,
          { folder },
        )
      : readArticles(changed, folder);
  for (const id of stale) store.delete(id);
  await storeAll(
    context,
    read,
    changed.map((c) => c.digest),
  );
  // Rendered articles no file has any more go; the manifest tells the search index what there is.
  const kept = new Set(Object.values(manifest).map((digest) => `${digest}.json`));
  for (const name of cached) if (!kept.has(name) && name !== MANIFEST) rmSync(path.join(folder, name), { force: true });
  writeFileSync(path.join(folder, MANIFEST), JSON.stringify(manifest));
  logger.info(vi.content.synced(files.length, changed.length, stale.size));
}

async function syncOne(context: LoaderContext, dir: string, folder: string, file: string, removed: boolean) {
  const id = idOf(path.relative(dir, file).split(path.sep).join("/"));
  if (removed) {
    context.store.delete(id);
    return;
  }
  const bytes = await readFile(file);
  const digest = context.generateDigest(bytes.toString("latin1"));
  await storeAll(context, readArticles([{ id, file, bytes, digest }], folder), [digest]);
}

/**
 * Validates every article, then stores them in one go (no store save in between). Every broken file
 * is reported, as `npm run check` reports it (with lines), before the build stops.
 */
async function storeAll(context: LoaderContext, read: readonly ReadArticle[], digests: readonly string[]) {
  const { store, parseData, config, logger } = context;
  const root = fileURLToPath(config.root);
  const entries = [];
  const broken: Problem[] = [];
  for (const [i, article] of read.entries()) {
    const filePath = path.relative(root, article.file).split(path.sep).join("/");
    try {
      if ("problem" in article) throw new Error(article.problem);
      const data = await parseData({ id: article.id, data: article.data, filePath: article.file });
      entries.push({ id: article.id, data, body: article.lead, filePath, digest: digests[i]! });
    } catch (error) {
      const found = checkArticle(filePath, article.id, readFileSync(article.file), new Date()).problems.filter(
        (p) => p.severity === "error",
      );
      const message = error instanceof Error ? error.message : String(error);
      broken.push(...(found.length > 0 ? found : [{ file: filePath, severity: "error" as const, message }]));
    }
  }
  if (broken.length > 0) {
    logger.error(formatProblems(broken).join("\n"));
    throw new Error(vi.content.unreadable(new Set(broken.map((p) => p.file)).size));
  }
  for (const entry of entries) store.set(entry);
}
