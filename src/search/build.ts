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
import { writeIndexes, type IndexJob } from "./indexer.ts";
import { articleForSearch, searchRecord, type ArticleForSearch, type SearchRecord } from "./records.ts";
import { planShards, ROOT_RECORD, shardId, VOCABULARY_RECORD, type Month, type ShardManifest } from "./shards.ts";

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
  /** The folder of each shard (by shard id), to go in dist/pagefind/<id>/. */
  shardDirs: Record<string, string>;
  articles: number;
  reused: number;
  problems: string[];
}

/** The words of an indexed text, as the vocabulary record lists them. */
const wordsOf = (content: string) => content.toLowerCase().split(/[^\p{L}\p{M}\d]+/u);

export const hashOf = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);

/** A record with no page behind it, for the root index and the vocabulary. */
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
  // The articles by month, each as [id, digest of its rendered form].
  const byMonth = new Map<Month, [string, string][]>();
  const manifest = Object.entries(readManifest(folder, { strict: true }));
  for (const [id, { digest, month }] of manifest) {
    const articles = byMonth.get(month);
    if (articles) articles.push([id, digest]);
    else byMonth.set(month, [[id, digest]]);
  }
  // The archive's vocabulary, in every shard (see VOCABULARY_RECORD), from the words of each month:
  // a month's words are read from its articles only when one of them changed. The articles read for it
  // are kept for their shard's records (whose shard then changed too): each rendered file is read once.
  const words = new Set<string>();
  const read = new Map<string, ArticleForSearch>(); // by id: two articles can have the same content
  const article = (id: string, digest: string) => {
    const found = read.get(id) ?? articleForSearch(folder, id, digest);
    read.delete(id);
    return found;
  };
  for (const articles of byMonth.values()) {
    const file = cached(`words-${hashOf([build.codeVersion, articles])}.txt`);
    let monthWords: string[];
    if (existsSync(file)) monthWords = readFileSync(file, "utf8").split("\n");
    else {
      const set = new Set<string>();
      for (const [id, digest] of articles) {
        const found = articleForSearch(folder, id, digest);
        read.set(id, found);
        for (const word of wordsOf(found.content)) set.add(word);
      }
      monthWords = [...set];
      writeWhole(file, monthWords.join("\n"));
    }
    for (const word of monthWords) words.add(word);
  }
  words.delete("");
  const vocabulary = bareRecord(VOCABULARY_RECORD.url, [...words].sort().join(" "), {
    [VOCABULARY_RECORD.filter]: [VOCABULARY_RECORD.value],
  });
  const vocabularyHash = hashOf(vocabulary.content);

  const jobs: IndexJob[] = [];
  /** Indexes are written beside their cache folder and moved in once complete: a killed build leaves no half index. */
  const toWrite = (dir: string, job: Omit<IndexJob, "outputPath">) => {
    if (existsSync(path.join(dir, "pagefind-entry.json"))) return true;
    rmSync(`${dir}.tmp`, { recursive: true, force: true });
    jobs.push({ ...job, outputPath: `${dir}.tmp` });
    return false;
  };
  const rootDir = cached(`root-${hashOf([build.codeVersion, ROOT_RECORD])}`);
  toWrite(rootDir, { records: [bareRecord(ROOT_RECORD.url, ROOT_RECORD.content)], dataOnly: false });
  const shards = planShards(
    new Map([...byMonth].map(([month, articles]) => [month, articles.length])),
    build.shardTarget,
  );
  const shardDirs: Record<string, string> = {};
  let reused = 0;
  for (const shard of shards) {
    const articles = [...byMonth]
      .filter(([month]) => month >= shard.from && month <= shard.to)
      .flatMap(([, monthArticles]) => monthArticles);
    // The same articles (digests), vocabulary, base path and code give the same index: reuse it.
    const dir = cached(`shard-${hashOf([build.codeVersion, base, vocabularyHash, articles])}`);
    shardDirs[shardId(shard)] = dir;
    if (existsSync(path.join(dir, "pagefind-entry.json"))) {
      reused++;
      continue;
    }
    const records = articles.map(([id, digest]) => searchRecord(article(id, digest), base));
    toWrite(dir, { records: [...records, vocabulary], dataOnly: true });
  }
  read.clear(); // what was read for the words of a shard that is kept
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
      version: 1,
      shards: shards.map((shard) => ({ id: shardId(shard), ...shard })),
      rootRecord: ROOT_RECORD.url,
    },
    rootDir,
    shardDirs,
    articles: manifest.length,
    reused,
    problems,
  };
}
