/**
 * Astro integration: builds the Pagefind index in every build, so `npm run build` always leaves a
 * fresh dist/pagefind/. The index is split into shards of consecutive days (src/search/shards.ts)
 * and built on a worker thread from the end of the content sync, while Astro writes the pages
 * (src/search/build.ts); at the end of the build it is linked into dist/pagefind/. Any indexing error
 * fails the build: a site with a broken search must not be published.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { codeVersion } from "../lib/code-version.ts";
import { inWorkerShares } from "../lib/worker-shares.ts";
import { currentRenderedFolder } from "../markdown/rendered.ts";
import type { BuiltShards, ShardBuild } from "../search/build.ts";
import { MANIFEST_FILE } from "../search/shards.ts";

export interface SearchOptions {
  /** Articles per shard (see SHARD_TARGET); tests set it low to get many shards from few articles. */
  shardTarget?: number;
}

/** Puts the files of `from` at `to` as hard links (a copy across file systems): cheap, and `from` is never rewritten. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** True when `a` and `b` are one file (hard links to it), as linkTree leaves them. */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/**
 * Makes `out` (dist/pagefind/) the built index: the root bundle and a folder per shard, as hard links to
 * the cache. A shard (or the root) already linked there by an earlier build stays: relinking every
 * shard's files (one per article) and removing the old ones took seconds at 50,000 articles.
 */
function placeIndex(out: string, built: BuiltShards): void {
  const ENTRY = "pagefind-entry.json";
  mkdirSync(out, { recursive: true });
  const rootKept = sameFile(path.join(out, ENTRY), path.join(built.rootDir, ENTRY));
  const rootFiles = new Set(readdirSync(built.rootDir));
  const kept = new Set<string>();
  for (const name of readdirSync(out)) {
    const shardDir = built.shardDirs[name];
    const keep = shardDir
      ? sameFile(path.join(out, name, ENTRY), path.join(shardDir, ENTRY))
      : rootKept && rootFiles.has(name);
    if (keep) kept.add(name);
    else rmSync(path.join(out, name), { recursive: true, force: true });
  }
  if (!rootKept) linkTree(built.rootDir, out);
  for (const [id, shardDir] of Object.entries(built.shardDirs)) {
    if (!kept.has(id)) linkTree(shardDir, path.join(out, id));
  }
}

/**
 * What shapes an index besides the articles (which their digests cover): how records are made from them
 * (src/search/, with the dates, places and text rules of src/domain/) and Pagefind. A change rebuilds
 * every shard.
 */
const INDEX_CODE = ["src/integrations/search.ts", "src/search", "src/domain", "package-lock.json"];

export default function searchIndex(options: SearchOptions): AstroIntegration {
  let build: Omit<ShardBuild, "folder"> | undefined;
  let started = 0;
  let building: Promise<BuiltShards> | undefined;
  return {
    name: "bien-nien/search",
    hooks: {
      "astro:config:done": ({ config }) => {
        const root = fileURLToPath(config.root);
        build = {
          base: config.base,
          // Shards already built, by a hash of their articles: a rebuild re-indexes only the shards that changed.
          cacheRoot: path.join(fileURLToPath(config.cacheDir), "search-shards"),
          shardTarget: options.shardTarget,
          codeVersion: codeVersion(root, INDEX_CODE),
        };
      },
      "astro:build:start": () => {
        // The content sync is done: index its articles while the pages are written.
        started = performance.now();
        const job: ShardBuild = { ...build!, folder: currentRenderedFolder() };
        building = inWorkerShares<ShardBuild, BuiltShards>(
          new URL("../search/build-worker.ts", import.meta.url),
          [job],
          1,
        ).then(([built]) => built!);
        // A build that fails before its end must not also report an unhandled rejection.
        building.catch(() => undefined);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const waited = performance.now();
        let built: BuiltShards;
        try {
          built = await building!;
        } catch (error) {
          // An article the sync left unreadable, a crashed index thread …: named as the search index's failure.
          const message = error instanceof Error ? error.message : String(error);
          throw new Error(`Pagefind could not index the site: ${message}`, { cause: error });
        }
        if (built.problems.length > 0) {
          throw new Error(`Pagefind could not index the site:\n${built.problems.join("\n")}`);
        }
        const out = fileURLToPath(new URL("pagefind/", dir));
        placeIndex(out, built);
        writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(built.manifest)}\n`);
        const seconds = (ms: number) => (ms / 1000).toFixed(1);
        const shards = built.manifest.shards.length;
        logger.info(
          `${built.articles} articles indexed in ${shards} shards in ${seconds(performance.now() - started)} s, ` +
            `${seconds(performance.now() - waited)} s after the pages (${built.reused} of ${shards} search shards reused, ` +
            `word index ${built.wordsReused ? "reused" : "rebuilt"})`,
        );
      },
    },
  };
}
