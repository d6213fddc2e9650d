/**
 * Astro integration: dist/ is kept between builds and updated in place, and a build that does not
 * finish is detectable.
 *
 * Astro normally empties dist/ and then copies every page whose cacheKey is unchanged back from its
 * cache (20,000 articles: ≈ 36,000 copies on every publish). With `vite.build.emptyOutDir: false` it
 * leaves a page that is already in dist/ alone. This integration makes that safe:
 * - while a build runs, dist/BUILDING exists; it is removed only when the build has finished (search
 *   index included). A build that fails or is killed leaves it: CI and the publishing scripts refuse to
 *   publish such a folder, and the next build starts from an empty dist/ (a page may be half written);
 * - a dist/ this cache did not build last (another cache folder or checkout built into it) is emptied
 *   first: its pages cannot be trusted;
 * - at the end, files the build neither wrote nor kept are deleted (pages of deleted or renamed
 *   articles, old hashed assets), so dist/ is what a clean build would make.
 * It must come after every integration that writes into dist/ in astro:build:done (headers, sitemap, search).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readdir, rm, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { vi } from "../i18n/vi.ts";

/** Present in dist/ while a build runs or after one that did not finish. */
export const INCOMPLETE_MARKER = "BUILDING";

/** Folders written whole by this project's own integrations on every build (see search.ts). */
const REWRITTEN = new Set(["pagefind"]);

/**
 * Deletes the files under `dir` that are not in `keep` and were not modified since `since` (ms), then the
 * folders left empty; at the top level, `skip` is left alone. Returns how many files went, and whether
 * `dir` is empty now. Folders are read in parallel, each once: one page is one folder (36,000 at 20,000
 * articles), and read one after the other, twice each, they took 7.5 s after a build whose folders the
 * system no longer had in memory (measured on a 20,000-article republish; 1.5 s when it had).
 */
async function prune(
  dir: string,
  keep: ReadonlySet<string>,
  since: number,
  skip: ReadonlySet<string> = new Set(),
): Promise<{ removed: number; empty: boolean }> {
  let removed = 0;
  let left = 0;
  await Promise.all(
    (await readdir(dir, { withFileTypes: true })).map(async (entry) => {
      const file = path.join(dir, entry.name);
      if (skip.has(entry.name)) left++;
      else if (entry.isDirectory()) {
        const inner = await prune(file, keep, since);
        removed += inner.removed;
        if (inner.empty) await rmdir(file);
        else left++;
      } else if (!keep.has(file) && (await stat(file)).mtimeMs < since) {
        await rm(file);
        removed++;
      } else left++;
    }),
  );
  return { removed, empty: left === 0 };
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

export default function output(): AstroIntegration {
  let outDir = "";
  let stampFile = "";
  let started = 0;
  return {
    name: "bien-nien-output",
    hooks: {
      "astro:config:setup": ({ command, updateConfig }) => {
        if (command === "build") updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      "astro:config:done": ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        stampFile = stampFileIn(fileURLToPath(config.cacheDir));
      },
      "astro:build:start": ({ logger }) => {
        const marker = path.join(outDir, INCOMPLETE_MARKER);
        if (existsSync(marker)) {
          logger.warn(vi.build.previousIncomplete(outDir));
          rmSync(outDir, { recursive: true, force: true });
        } else if (existsSync(outDir) && readdirSync(outDir).length > 0) {
          const stamp = existsSync(stampFile) ? readFileSync(stampFile, "utf8") : "";
          if (stamp !== outputStamp(outDir)) {
            logger.info(vi.build.notFromThisCache(outDir));
            rmSync(outDir, { recursive: true, force: true });
          }
        }
        mkdirSync(outDir, { recursive: true });
        writeFileSync(marker, vi.build.incompleteMarker);
        started = statSync(marker).mtimeMs;
      },
      "astro:build:done": async ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const keep = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) keep.add(fileURLToPath(url));
        const { removed } = await prune(root, keep, started, new Set([...REWRITTEN, INCOMPLETE_MARKER]));
        if (removed > 0) logger.info(vi.build.pruned(removed));
        rmSync(path.join(root, INCOMPLETE_MARKER));
        mkdirSync(path.dirname(stampFile), { recursive: true });
        writeFileSync(stampFile, outputStamp(outDir));
      },
    },
  };
}
