/**
 * Writing Pagefind indexes. One Pagefind service handles one index at a time
 * (measured: two indexes sent to one service together take as long as one
 * after the other), so shards are indexed by worker threads, each with its own
 * service: 10,000 articles in two shards took 33 s in one service, 20 s in two.
 */
import { readdirSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import * as pagefind from "pagefind";
import type { SearchRecord } from "./records.ts";

/** What a shard folder keeps: its index data. The bundle (JS, wasm, UI) lives once, in the root. */
export const SHARD_FILES = /^(pagefind-entry\.json|.*\.pf_meta|index|filter|fragment)$/u;
/** What the word index keeps: no fragments (the texts shown with results; its records are never shown). */
export const WORD_INDEX_FILES = /^(pagefind-entry\.json|.*\.pf_meta|index|filter)$/u;

export interface IndexJob {
  records: SearchRecord[];
  outputPath: string;
  /** The files to keep (a shard: only its index data, not Pagefind's scripts and wasm); all when not set. */
  keep?: RegExp;
}

/** Indexes `records` into `outputPath` with this thread's Pagefind service; returns Pagefind's error messages. */
export async function writeIndex(job: IndexJob): Promise<string[]> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "vi" });
  if (!index) return errors;
  const problems = [...errors];
  // The index service takes records over a pipe: send them in batches rather than one round trip each.
  for (let i = 0; i < job.records.length; i += 200) {
    const responses = await Promise.all(job.records.slice(i, i + 200).map((record) => index.addCustomRecord(record)));
    for (const response of responses) problems.push(...response.errors);
  }
  problems.push(...(await index.writeFiles({ outputPath: job.outputPath })).errors);
  await index.deleteIndex();
  if (job.keep) {
    for (const name of readdirSync(job.outputPath)) {
      if (!job.keep.test(name)) rmSync(path.join(job.outputPath, name), { recursive: true, force: true });
    }
  }
  return problems;
}

/** Runs the jobs on up to one worker thread per core (biggest first); returns every error message. */
export async function writeIndexes(jobs: readonly IndexJob[]): Promise<string[]> {
  if (jobs.length === 0) return [];
  const queue = [...jobs].sort((a, b) => b.records.length - a.records.length);
  const threads = Math.min(availableParallelism(), queue.length);
  const problems: string[] = [];
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL("./index-worker.ts", import.meta.url));
          const next = () => {
            const job = queue.shift();
            if (job) worker.postMessage(job);
            else void worker.terminate().then(() => resolve());
          };
          worker.on("message", (errors: string[]) => {
            problems.push(...errors);
            next();
          });
          worker.once("error", reject);
          next();
        }),
    ),
  );
  return problems;
}
