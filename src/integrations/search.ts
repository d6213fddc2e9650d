/**
 * Astro integration: builds the Pagefind index at the end of every build, so
 * `npm run build` always leaves a fresh dist/pagefind/. The index is split
 * into shards of consecutive months (see src/search/shards.ts). Any indexing error fails the build: a site
 * with a broken search must not be published.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { vnParts } from "../domain/dates.ts";
import { writeIndexes, type IndexJob } from "../search/indexer.ts";
import { renderedForSearch, searchRecord, type SearchRecord } from "../search/records.ts";
import {
  MANIFEST_FILE,
  planShards,
  ROOT_RECORD,
  shardId,
  VOCABULARY_RECORD,
  type ShardManifest,
} from "../search/shards.ts";

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

export default function searchIndex(options: SearchOptions): AstroIntegration {
  let base = "/";
  let cacheRoot = "";
  return {
    name: "bien-nien/search",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
        // Shards already built, by a hash of their records: a rebuild re-indexes only the shards that changed.
        cacheRoot = path.join(fileURLToPath(config.cacheDir), "search-shards");
      },
      "astro:build:done": async ({ dir, logger }) => {
        const start = performance.now();
        const out = fileURLToPath(new URL("pagefind/", dir));
        rmSync(out, { recursive: true, force: true });
        const byMonth = new Map<string, SearchRecord[]>();
        // Articles as the content sync left them (the rendered-article cache): the Markdown is not read again.
        const articles = renderedForSearch();
        for (const article of articles) {
          const { year, month } = vnParts(article.data.date);
          const key = `${year}-${String(month).padStart(2, "0")}`;
          const records = byMonth.get(key);
          if (records) records.push(searchRecord(article, base));
          else byMonth.set(key, [searchRecord(article, base)]);
        }
        // The archive's vocabulary, in every shard (see VOCABULARY_RECORD).
        const words = new Set<string>();
        for (const records of byMonth.values()) {
          for (const record of records)
            for (const word of record.content.toLowerCase().split(/[^\p{L}\p{M}\d]+/u)) words.add(word);
        }
        words.delete("");
        const vocabulary: SearchRecord = {
          url: VOCABULARY_RECORD.url,
          content: [...words].sort().join(" "),
          language: "vi",
          meta: {},
          filters: { [VOCABULARY_RECORD.filter]: [VOCABULARY_RECORD.value] },
          sort: {},
        };
        const problems: string[] = [];
        const used = new Set<string>();
        let reused = 0;
        const shards = planShards(
          new Map([...byMonth].map(([month, records]) => [month, records.length])),
          options.shardTarget,
        );
        const root: IndexJob = {
          records: [{ ...ROOT_RECORD, language: "vi", meta: {}, filters: {}, sort: {} }],
          outputPath: out,
          dataOnly: false,
        };
        const jobs: IndexJob[] = [root];
        const built: [string, string][] = [];
        for (const shard of shards) {
          const shardDir = path.join(out, shardId(shard));
          const records = [...byMonth]
            .filter(([month]) => month >= shard.from && month <= shard.to)
            .flatMap(([, monthRecords]) => monthRecords);
          // The same records and vocabulary give the same index: reuse it.
          const key = createHash("sha256")
            .update(JSON.stringify([records, vocabulary.content]))
            .digest("hex")
            .slice(0, 32);
          const cached = path.join(cacheRoot, key);
          used.add(key);
          if (existsSync(path.join(cached, "pagefind-entry.json"))) {
            linkTree(cached, shardDir);
            reused++;
          } else {
            jobs.push({ records: [...records, vocabulary], outputPath: shardDir, dataOnly: true });
            built.push([shardDir, cached]);
          }
        }
        problems.push(...(await writeIndexes(jobs)));
        for (const [shardDir, cached] of built) {
          rmSync(cached, { recursive: true, force: true });
          linkTree(shardDir, cached);
        }
        // Shards of earlier builds that this one no longer has.
        if (existsSync(cacheRoot)) {
          for (const name of readdirSync(cacheRoot)) {
            if (!used.has(name)) rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
          }
        }
        const manifest: ShardManifest = {
          version: 1,
          shards: shards.map((shard) => ({ id: shardId(shard), ...shard })),
          rootRecord: ROOT_RECORD.url,
        };
        writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
        if (problems.length > 0) throw new Error(`Pagefind could not index the site:\n${problems.join("\n")}`);
        const seconds = ((performance.now() - start) / 1000).toFixed(1);
        logger.info(
          `${articles.length} articles indexed in ${shards.length} shards in ${seconds} s (${reused} of ${shards.length} search shards reused)`,
        );
      },
    },
  };
}
