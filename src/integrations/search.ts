/**
 * Astro integration: builds the Pagefind index at the end of every build, so
 * `npm run build` always leaves a fresh dist/pagefind/. The index is split
 * into shards of consecutive months (see src/search/shards.ts). Any indexing error fails the build: a site
 * with a broken search must not be published.
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { articleSchema } from "../domain/article.ts";
import { currentRenderedFolder, readManifest, readRendered } from "../markdown/rendered.ts";
import { writeIndexes, type IndexJob } from "../search/indexer.ts";
import { searchRecord, type SearchRecord } from "../search/records.ts";
import {
  MANIFEST_FILE,
  planShards,
  ROOT_RECORD,
  shardId,
  VOCABULARY_RECORD,
  type Month,
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

/** The words of an indexed text, as the vocabulary record lists them. */
const wordsOf = (content: string) => content.toLowerCase().split(/[^\p{L}\p{M}\d]+/u);

const hashOf = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);

/** The code that shapes a shard besides its records (which the digests cover): its change rebuilds every shard. */
const SHARD_CODE = ["src/integrations/search.ts", "src/search/shards.ts", "src/search/indexer.ts"];

export default function searchIndex(options: SearchOptions): AstroIntegration {
  let base = "/";
  let cacheRoot = "";
  let codeVersion = "";
  return {
    name: "bien-nien/search",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
        // Shards already built, by a hash of their articles: a rebuild re-indexes only the shards that changed.
        cacheRoot = path.join(fileURLToPath(config.cacheDir), "search-shards");
        const root = fileURLToPath(config.root);
        codeVersion = hashOf(SHARD_CODE.map((file) => readFileSync(path.join(root, file), "utf8")));
      },
      "astro:build:done": async ({ dir, logger }) => {
        const start = performance.now();
        const out = fileURLToPath(new URL("pagefind/", dir));
        rmSync(out, { recursive: true, force: true });
        // The articles as the content sync left them: by month, each as [id, digest of its rendered form].
        const folder = currentRenderedFolder();
        const byMonth = new Map<Month, [string, string][]>();
        const manifest = Object.entries(readManifest(folder));
        for (const [id, { digest, month }] of manifest) {
          const articles = byMonth.get(month);
          if (articles) articles.push([id, digest]);
          else byMonth.set(month, [[id, digest]]);
        }
        mkdirSync(cacheRoot, { recursive: true });
        const used = new Set<string>();
        /** A file of the cache, kept: whatever this build does not use is removed at the end. */
        const cached = (key: string) => {
          used.add(key);
          return path.join(cacheRoot, key);
        };
        // The archive's vocabulary, in every shard (see VOCABULARY_RECORD), from the words of each month:
        // a month's words are read from its articles only when one of them changed.
        const words = new Set<string>();
        for (const articles of byMonth.values()) {
          const file = cached(`words-${hashOf(articles)}.txt`);
          let monthWords: string[];
          if (existsSync(file)) monthWords = readFileSync(file, "utf8").split("\n");
          else {
            const set = new Set<string>();
            for (const [, digest] of articles)
              for (const word of wordsOf(readRendered(folder, digest).search)) set.add(word);
            monthWords = [...set];
            writeFileSync(file, monthWords.join("\n"));
          }
          for (const word of monthWords) words.add(word);
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
        const vocabularyHash = hashOf(vocabulary.content);
        let reused = 0;
        const shards = planShards(
          new Map([...byMonth].map(([month, articles]) => [month, articles.length])),
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
          const articles = [...byMonth]
            .filter(([month]) => month >= shard.from && month <= shard.to)
            .flatMap(([, monthArticles]) => monthArticles);
          // The same articles (digests), vocabulary, base path and code give the same index: reuse it.
          const dir = cached(`shard-${hashOf([codeVersion, base, vocabularyHash, articles])}`);
          if (existsSync(path.join(dir, "pagefind-entry.json"))) {
            linkTree(dir, shardDir);
            reused++;
          } else {
            const records = articles.map(([id, digest]) => {
              const { data, search } = readRendered(folder, digest);
              return searchRecord({ id, data: articleSchema.parse(data), content: search }, base);
            });
            jobs.push({ records: [...records, vocabulary], outputPath: shardDir, dataOnly: true });
            built.push([shardDir, dir]);
          }
        }
        const problems = await writeIndexes(jobs);
        for (const [shardDir, dir] of built) {
          rmSync(dir, { recursive: true, force: true });
          linkTree(shardDir, dir);
        }
        // What earlier builds cached and this one did not use.
        for (const name of readdirSync(cacheRoot)) {
          if (!used.has(name)) rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
        }
        const shardManifest: ShardManifest = {
          version: 1,
          shards: shards.map((shard) => ({ id: shardId(shard), ...shard })),
          rootRecord: ROOT_RECORD.url,
        };
        writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(shardManifest)}\n`);
        if (problems.length > 0) throw new Error(`Pagefind could not index the site:\n${problems.join("\n")}`);
        const seconds = ((performance.now() - start) / 1000).toFixed(1);
        logger.info(
          `${manifest.length} articles indexed in ${shards.length} shards in ${seconds} s (${reused} of ${shards.length} search shards reused)`,
        );
      },
    },
  };
}
