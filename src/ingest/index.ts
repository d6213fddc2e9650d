/**
 * The importer: read → clean → extract → write, for every input, each
 * failure reported in one line without stopping the others. Large imports are
 * prepared in worker threads (one per core); decisions and writes happen here,
 * in input order, so the outcome never depends on timing.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ImportedArticle } from "./extract.ts";
import { prepareFile, type Prepared } from "./prepare.ts";
import { listInputs } from "./read.ts";
import { ArchiveIndex, writeArticle } from "./write.ts";

export interface IngestOptions {
  paths: readonly string[];
  outDir: string;
  dryRun?: boolean;
  force?: boolean;
  /** Worker threads; default: one per core for 200 files or more, none below. */
  workers?: number;
}

export type IngestResult =
  | {
      input: string;
      status: "created" | "updated" | "unchanged" | "edited" | "duplicate";
      file: string;
      /** For duplicates: the article it duplicates. */
      of?: string;
      article: ImportedArticle;
      body: string;
    }
  | { input: string; status: "failed"; problem: string };

/** Prepares files in a pool of workers, yielding results in file order. */
async function* preparedInWorkers(files: readonly string[], outDir: string, count: number): AsyncGenerator<Prepared[]> {
  const workers = Array.from({ length: count }, () => new Worker(new URL("./worker.ts", import.meta.url)));
  const done = new Map<number, Prepared[]>();
  let wake: (() => void) | undefined;
  let next = 0;
  let failure: unknown;
  const feed = (worker: Worker) => {
    if (next < files.length) {
      const id = next++;
      worker.postMessage({ id, file: files[id], outDir });
    }
  };
  for (const worker of workers) {
    worker.on("message", ({ id, prepared }: { id: number; prepared: Prepared[] }) => {
      done.set(id, prepared);
      feed(worker);
      wake?.();
    });
    worker.on("error", (error) => {
      failure = error;
      wake?.();
    });
    // Several files in flight per worker keep it busy while the main thread writes.
    for (let i = 0; i < 8; i++) feed(worker);
  }
  try {
    for (let id = 0; id < files.length; id++) {
      while (!done.has(id)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      yield done.get(id)!;
      done.delete(id);
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

async function* preparedInline(files: readonly string[], outDir: string): AsyncGenerator<Prepared[]> {
  for (const file of files) yield prepareFile(file, outDir);
}

export async function runIngest(options: IngestOptions): Promise<IngestResult[]> {
  const { files, problems } = listInputs(options.paths);
  const results: IngestResult[] = problems.map((p) => ({ input: p.input, status: "failed", problem: p.problem }));
  const index = ArchiveIndex.load(options.outDir);
  const workers = options.workers ?? (files.length >= 200 ? availableParallelism() : 0);
  const batches =
    workers > 0 ? preparedInWorkers(files, options.outDir, workers) : preparedInline(files, options.outDir);
  const relative = (file: string) => path.relative(process.cwd(), file);
  // Writes run in the background, a bounded number at a time, while the next files are prepared.
  const pending = new Set<Promise<void>>();
  for await (const prepared of batches) {
    for (const item of prepared) {
      if (!item.ok) {
        results.push({ input: item.input, status: "failed", problem: item.problem });
        continue;
      }
      const outcome = writeArticle(item.target, item.text, item.inputHash, item.article, index, {
        dryRun: options.dryRun ?? false,
        force: options.force ?? false,
      });
      if ("written" in outcome) {
        const write = outcome.written.finally(() => pending.delete(write));
        pending.add(write);
        if (pending.size >= 32) await Promise.race(pending);
      }
      results.push({
        input: item.input,
        status: outcome.status,
        file: relative(outcome.file),
        ...("of" in outcome && { of: relative(outcome.of) }),
        article: item.article,
        body: item.markdown,
      });
    }
  }
  await Promise.all(pending);
  return results;
}
