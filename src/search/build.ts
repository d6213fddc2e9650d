/**
 * Builds the sharded search index (see shards.ts) into the cache folder, from the articles the content
 * sync left (the rendered-article cache and its manifest): only the shards whose articles changed are
 * indexed again. Runs on a worker thread (build-worker.ts) while Astro writes the pages: the index needs
 * the articles, not the pages, and page generation keeps one core busy, so the two overlap.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { writeWhole } from "../lib/write-whole.ts";
import { readManifest } from "../markdown/rendered.ts";
import { SHARD_FILES, WORD_INDEX_FILES, writeIndexes, type IndexJob } from "./indexer.ts";
import { articleForSearch, searchRecord, type SearchRecord } from "./records.ts";
import { planShards, ROOT_RECORD, shardId, WORD_INDEX, type Day, type ShardManifest } from "./shards.ts";

export interface ShardBuild {
  /** The rendered-article folder of this build's content sync. */
  folder: string;
  /** Where indexes are kept between builds. */
  cacheRoot: string;
  /** The site's base path ("/" or "/archive/"). */
  base: string;
  /** Articles per shard (SHARD_TARGET when not set). */
  shardTarget?: number | undefined;
  /** A hash of the code and libraries that shape an index besides its records. */
  codeVersion: string;
}

export interface BuiltShards {
  manifest: ShardManifest;
  /** The folder with Pagefind's bundle and the root index: the contents of dist/pagefind/. */
  rootDir: string;
  /** The other index folders by the name they take in dist/pagefind/: each shard's (its id) and the word index's. */
  shardDirs: Record<string, string>;
  articles: number;
  /** How many shards were kept from an earlier build, and whether the word index was. */
  reused: number;
  wordsReused: boolean;
  problems: string[];
}

/**
 * The tokens of a record as Pagefind reads them: its text and its meta values (which Pagefind indexes as
 * words too), split at white space. Pagefind makes the words it indexes from each such token alone (lower
 * case, punctuation dropped, the parts of a compound), so a text of these tokens gives Pagefind exactly
 * the words of the record.
 */
const tokensOf = (record: SearchRecord) =>
  [record.content, ...Object.values(record.meta)].flatMap((text) => text.split(/\s+/u));

const hashOf = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);

/** The result id of an index's only record: the name of its one fragment file ("<hash>.pf_fragment"). */
const resultId = (dir: string) => readdirSync(path.join(dir, "fragment"))[0]!.replace(/\.pf_fragment$/u, "");

/** A record with no article behind it: the root index's placeholder, a shard's words. */
const bareRecord = (url: string, content: string, filters: Record<string, string[]> = {}): SearchRecord => ({
  url,
  content,
  language: "vi",
  meta: {},
  filters,
  sort: {},
});

export async function buildShards(build: ShardBuild): Promise<BuiltShards> {
  const { folder, cacheRoot, base } = build;
  mkdirSync(cacheRoot, { recursive: true });
  const used = new Set<string>();
  /** A path in the cache, kept: whatever this build does not use is removed at the end. */
  const cached = (key: string) => {
    used.add(key);
    return path.join(cacheRoot, key);
  };
  // The articles by day, each as [id, digest of its rendered form].
  const byDay = new Map<Day, [string, string][]>();
  const manifest = Object.entries(readManifest(folder, { strict: true }));
  for (const [id, { digest, day }] of manifest) {
    const articles = byDay.get(day);
    if (articles) articles.push([id, digest]);
    else byDay.set(day, [[id, digest]]);
  }
  const shards = planShards(new Map([...byDay].map(([day, articles]) => [day, articles.length])), build.shardTarget);
  /** Each shard's articles, oldest day first: one pass over the days, as the shards cover them in order. */
  const articlesOf = new Map(shards.map((shard) => [shard, [] as [string, string][]]));
  const oldestFirst = [...shards].reverse();
  let at = 0;
  for (const [day, articles] of [...byDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
    while (day > oldestFirst[at]!.to) at++;
    articlesOf.get(oldestFirst[at]!)!.push(...articles);
  }
  const jobs: IndexJob[] = [];
  /** Indexes are written beside their cache folder and moved in once complete: a killed build leaves no half index. */
  const toWrite = (dir: string, job: Omit<IndexJob, "outputPath">) => {
    if (existsSync(path.join(dir, "pagefind-entry.json"))) return true;
    rmSync(`${dir}.tmp`, { recursive: true, force: true });
    jobs.push({ ...job, outputPath: `${dir}.tmp` });
    return false;
  };
  const rootDir = cached(`root-${hashOf([build.codeVersion, ROOT_RECORD])}`);
  toWrite(rootDir, { records: [bareRecord(ROOT_RECORD.url, ROOT_RECORD.content)] });
  const shardDirs: Record<string, string> = {};
  let reused = 0;
  // Each shard's tokens, for the word index (see WORD_INDEX): kept between builds in a file named by the
  // shard's articles, made from the records the shard is indexed from when they changed.
  const shardTokens: (readonly [string, string])[] = [];
  for (const shard of shards) {
    const articles = articlesOf.get(shard)!;
    // The same articles (digests), base path and code give the same index and tokens: reuse them.
    const key = hashOf([build.codeVersion, base, articles]);
    const dir = cached(`shard-${key}`);
    const tokensFile = cached(`tokens-${key}.txt`);
    shardDirs[shardId(shard)] = dir;
    const indexed = existsSync(path.join(dir, "pagefind-entry.json"));
    if (indexed) reused++;
    let tokens = indexed && existsSync(tokensFile) ? readFileSync(tokensFile, "utf8") : undefined;
    if (tokens === undefined) {
      const records = articles.map(([id, digest]) => searchRecord(articleForSearch(folder, id, digest), base));
      const set = new Set(records.flatMap(tokensOf));
      set.delete("");
      tokens = [...set].sort().join(" ");
      writeWhole(tokensFile, tokens);
      toWrite(dir, { records, keep: SHARD_FILES }); // (nothing to write when it is indexed)
    }
    shardTokens.push([shardId(shard), tokens]);
  }

  // The word index: a record per shard with the shard's tokens (see WORD_INDEX), rebuilt when they changed.
  // It is small next to the shards (each token once per shard).
  const wordsDir = cached(`words-${hashOf([build.codeVersion, shardTokens])}`);
  shardDirs[WORD_INDEX.folder] = wordsDir;
  const wordsReused = toWrite(wordsDir, {
    records: shardTokens.map(([id, tokens]) => bareRecord(`#${id}`, tokens, { [WORD_INDEX.filter]: [id] })),
    keep: WORD_INDEX_FILES,
  });

  const problems = await writeIndexes(jobs);
  if (problems.length === 0) {
    for (const job of jobs) renameSync(job.outputPath, job.outputPath.slice(0, -".tmp".length));
  }
  // What earlier builds cached and this one did not use.
  for (const name of readdirSync(cacheRoot)) {
    if (!used.has(name)) rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
  }
  return {
    manifest: {
      version: 2,
      shards: shards.map((shard) => ({ id: shardId(shard), ...shard })),
      rootResult: problems.length === 0 ? resultId(rootDir) : "",
      words: WORD_INDEX.folder,
    },
    rootDir,
    shardDirs,
    articles: manifest.length,
    reused,
    wordsReused,
    problems,
  };
}
