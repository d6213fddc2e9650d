/**
 * Astro integration: dist/ is kept between builds and updated in place, and a build that does not
 * finish is detectable.
 *
 * Astro normally empties dist/. With `vite.build.emptyOutDir: false` it leaves it, and a page whose
 * cache key is what it was when dist/ was built is not rendered again (src/lib/page-cache.ts: this
 * integration keeps the keys, by page, in the cache folder). This integration makes that safe:
 * - while a build runs, dist/BUILDING exists; it is removed only when the build has finished (search
 *   index included). A build that fails or is killed leaves it: CI and the publishing scripts refuse to
 *   publish such a folder, and the next build starts from an empty dist/ (a page may be half written);
 * - a dist/ this cache did not build last (another cache folder or checkout built into it) is emptied
 *   first: its pages cannot be trusted;
 * - at the end, files the build neither wrote nor kept are deleted (pages of deleted or renamed
 *   articles, old hashed assets), so dist/ is what a clean build would make.
 * From astro:build:start to astro:build:generated, Astro's files in dist/ are written directly (page-writes.ts).
 * It must come after every integration that writes into dist/ in astro:build:done (headers, sitemap, search):
 * the marker goes, and the stamp of dist/ is taken, once they have written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readdir, rm, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { vi } from "../i18n/vi.ts";
import { codeVersion } from "../lib/code-version.ts";
import { fileOf, pageCache, startPageCache } from "../lib/page-cache.ts";
import { writePagesDirectly, writePagesThroughPool } from "./page-writes.ts";
import { site } from "../site.ts";

/** Present in dist/ while a build runs or after one that did not finish. */
export const INCOMPLETE_MARKER = "BUILDING";

/**
 * What the listing, and so the pruning, leaves alone at the top of dist/: the folders written whole by
 * this project's own integrations on every build (see search.ts), and the marker.
 */
const LEFT_ALONE: ReadonlySet<string> = new Set(["pagefind", INCOMPLETE_MARKER]);

/** The files under a folder at the start of a build, and its folders that were empty then. */
interface Listing {
  files: string[];
  empty: string[];
}

const NOTHING: Promise<Listing> = Promise.resolve({ files: [], empty: [] });

/**
 * Every file under `dir` (but what LEFT_ALONE names at its top) and the empty folders: folders read in
 * parallel, each once (one page is one folder: 36,000 at 20,000 articles). Started before the content
 * sync; the routes (src/lib/page-cache.ts) take from it which pages are in dist/, and the pruning at the
 * end uses it instead of reading dist/ again. A folder that cannot be read fails the build (its stale
 * pages would be published). Its requests are not rationed: keeping at most 32 waiting (so as not to
 * queue the content sync's reads behind them) made a 20,000-article republish slower, 13.0–13.8 s
 * against 10.9–11.0 s.
 */
async function listTree(root: string): Promise<Listing> {
  const listing: Listing = { files: [], empty: [] };
  const list = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
      const { code, message } = error as NodeJS.ErrnoException;
      if (code === "ENOENT" && dir === root) return []; // no dist/ yet
      throw new Error(vi.build.distUnreadable(dir, code ?? message), { cause: error });
    });
    if (entries.length === 0) listing.empty.push(dir);
    await Promise.all(
      entries.map(async (entry) => {
        if (dir === root && LEFT_ALONE.has(entry.name)) return;
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) await list(file);
        else listing.files.push(file);
      }),
    );
  };
  await list(root);
  return listing;
}

/**
 * Deletes the files of `listing` (dist/ under `root` before the build) that are not in `keep` and were not
 * modified since `since` (ms), then the folders left empty, and those that were empty already. Whatever
 * the build added is in `keep` or newer. Returns how many files went.
 */
async function prune(root: string, listing: Listing, keep: ReadonlySet<string>, since: number): Promise<number> {
  const gone: string[] = [];
  await Promise.all(
    listing.files.map(async (file) => {
      if (keep.has(file)) return;
      const stats = await stat(file).catch(() => undefined);
      if (!stats || stats.mtimeMs >= since) return;
      await rm(file, { force: true });
      gone.push(file);
    }),
  );
  // The folders of what went, and those that were empty, deepest first, each up to the first that is
  // not empty now.
  const folders = new Set([...gone.map((file) => path.dirname(file)), ...listing.empty]);
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    for (let dir = folder; path.relative(root, dir) !== ""; dir = path.dirname(dir)) {
      const removed = await rmdir(dir).then(
        () => true,
        () => false, // not empty
      );
      if (!removed) break;
    }
  }
  return gone.length;
}

/**
 * What tells that dist/ is as this cache's last build left it: the folder, and the time the sitemap
 * (rewritten by every build) was written. Another build into the same folder (another cache folder,
 * another checkout) changes it, and then no page there is trusted.
 */
export function outputStamp(outDir: string): string {
  const sitemap = path.join(outDir, "sitemap-index.xml");
  // path.resolve: Astro's outDir ends with a slash, a path given by hand may not.
  return JSON.stringify({
    outDir: path.resolve(outDir),
    sitemap: existsSync(sitemap) ? statSync(sitemap).mtimeMs : null,
  });
}

/** Where a cache folder keeps the stamp of the dist/ it built last. */
export const stampFileIn = (cacheDir: string) => path.join(cacheDir, "bien-nien-output.json");

/** Where a cache folder keeps the cache keys of the pages of the dist/ it built last (src/lib/page-cache.ts). */
const pagesFileIn = (cacheDir: string) => path.join(cacheDir, "bien-nien-pages.json");

/**
 * What shapes every page besides what its cache key covers: the project's code and libraries, and the
 * site's settings (src/site.ts, with those from the environment: its address …). A change renders every
 * page again.
 */
const PAGE_CODE = ["src", "astro.config.mjs", "package-lock.json"];

/**
 * The cache keys of the pages in dist/, if the last build saved them with the stamp dist/ has now (a
 * build by other code, an older version of this one, may have rewritten dist/ without them) and under
 * the same version of the code and settings.
 */
function previousKeys(file: string, version: string, stamp: string): Record<string, string> {
  try {
    const saved = JSON.parse(readFileSync(file, "utf8")) as {
      version?: string;
      stamp?: string;
      pages?: Record<string, string>;
    };
    return saved.version === version && saved.stamp === stamp && saved.pages ? saved.pages : {};
  } catch {
    return {}; // none yet, or unreadable: every page is rendered
  }
}

export default function output(): AstroIntegration {
  let outDir = "";
  let stampFile = "";
  let pagesFile = "";
  let pagesVersion = "";
  /** dist/'s stamp when the build started, once it is trusted (or emptied). */
  let stampAtStart = "";
  let started = 0;
  let building = false;
  let listing = NOTHING;
  return {
    name: "bien-nien-output",
    hooks: {
      "astro:config:setup": ({ command, updateConfig }) => {
        building = command === "build";
        if (building) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      "astro:config:done": ({ config, logger }) => {
        outDir = fileURLToPath(config.outDir);
        const cacheDir = fileURLToPath(config.cacheDir);
        stampFile = stampFileIn(cacheDir);
        pagesFile = pagesFileIn(cacheDir);
        if (!building) return;
        // `site` and `base` as given (astro.config.mjs or the command line) besides src/site.ts's settings.
        pagesVersion = JSON.stringify([
          codeVersion(fileURLToPath(config.root), PAGE_CODE),
          site,
          config.site ?? null,
          config.base,
        ]);
        // The copies of every page that Astro's incremental build kept in the cache (before src/lib/page-cache.ts).
        const astroManifest = path.join(cacheDir, "incremental-build.json");
        if (existsSync(astroManifest)) {
          rmSync(path.join(cacheDir, "dist"), { recursive: true, force: true });
          rmSync(astroManifest);
        }
        // A dist/ that cannot be trusted is emptied now, before it is listed.
        if (existsSync(path.join(outDir, INCOMPLETE_MARKER))) {
          logger.warn(vi.build.previousIncomplete(outDir));
          rmSync(outDir, { recursive: true, force: true });
        } else if (existsSync(outDir) && readdirSync(outDir).length > 0) {
          const stamp = existsSync(stampFile) ? readFileSync(stampFile, "utf8") : "";
          if (stamp !== outputStamp(outDir)) {
            logger.info(vi.build.notFromThisCache(outDir));
            rmSync(outDir, { recursive: true, force: true });
          }
        }
        stampAtStart = outputStamp(outDir);
        // Listed while the content sync runs (see listTree); a failure fails the first route that needs the
        // list, or else the end of the build.
        listing = listTree(outDir);
        listing.catch(() => undefined);
      },
      "astro:build:start": () => {
        mkdirSync(outDir, { recursive: true });
        const marker = path.join(outDir, INCOMPLETE_MARKER);
        writeFileSync(marker, vi.build.incompleteMarker);
        started = statSync(marker).mtimeMs;
        const inDist = listing.then(
          ({ files }) => new Set(files.map((file) => path.relative(outDir, file).split(path.sep).join("/"))),
        );
        inDist.catch(() => undefined); // reported where it is awaited (see listing)
        const previous = previousKeys(pagesFile, pagesVersion, stampAtStart);
        startPageCache({ previous, inDist, next: {}, kept: new Set() });
        writePagesDirectly(outDir);
      },
      "astro:build:generated": () => writePagesThroughPool(),
      "astro:build:done": async ({ dir, assets, logger }) => {
        writePagesThroughPool(); // (already, unless Astro skipped astro:build:generated)
        const root = fileURLToPath(dir);
        const keep = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) keep.add(fileURLToPath(url));
        const pages = pageCache();
        for (const kept of pages?.kept ?? []) keep.add(path.join(root, fileOf(kept)));
        const removed = await prune(root, await listing, keep, started);
        listing = NOTHING;
        if (removed > 0) logger.info(vi.build.pruned(removed));
        // The keys, with the stamp of this dist/, before the marker goes: a build stopped in between leaves
        // the marker, and so no page is kept.
        const stamp = outputStamp(outDir);
        mkdirSync(path.dirname(stampFile), { recursive: true });
        writeFileSync(pagesFile, JSON.stringify({ version: pagesVersion, stamp, pages: pages?.next ?? {} }));
        startPageCache(undefined);
        rmSync(path.join(root, INCOMPLETE_MARKER));
        writeFileSync(stampFile, stamp);
      },
    },
  };
}
