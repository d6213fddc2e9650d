/**
 * npm run bench:ingest -- [--count 5000] [--runs 3]
 *
 * Imports N raw pages made from the seed scrapes (dates, titles and numbers
 * varied so every page is a distinct article) into a scratch folder, and
 * prints articles per second (median of the runs) with the figures of each run.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { runIngest } from "../src/ingest/index.ts";

const { values } = parseArgs({
  options: { count: { type: "string", default: "5000" }, runs: { type: "string", default: "3" } },
});
const count = Number(values.count);
const runs = Number(values.runs);
const seedsDir = path.resolve(import.meta.dirname, "../../shared/seeds");
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(path.join(seedsDir, f), "utf8"));

/** A deterministic page: seed i mod 5 with its dates moved to another day and year and a numbered title. */
function page(i: number): string {
  const year = 2015 + (i % 11);
  const day = 1 + (i % 28);
  const lines = seeds[i % seeds.length]!.split("\n");
  const titleIndex = lines.findIndex((l) => l.trim() && !/^A- A A\+/u.test(l));
  lines[titleIndex] = `Số ${i + 1}: ${lines[titleIndex]!.trim()}`;
  return lines
    .join("\n")
    .replace(/\b(20\d\d)\b/gu, (y) => String(Number(y) - 2023 + year))
    .replace(/(\d{1,2})(\/\d{1,2}\/20\d\d)/u, (_m, _d, rest: string) => `${String(day).padStart(2, "0")}${rest}`);
}

const scratch = mkdtempSync(path.join(tmpdir(), "bien-nien-bench-ingest-"));
const inputDir = path.join(scratch, "in");
mkdirSync(inputDir);
for (let i = 0; i < count; i++) writeFileSync(path.join(inputDir, `${String(i).padStart(6, "0")}.txt`), page(i));

/** Imports everything once; returns articles per second. */
async function once(label: string, run: number, workers: number | undefined, dryRun = false): Promise<number> {
  const outDir = path.join(scratch, `out-${label}-${run}`);
  const start = performance.now();
  const results = await runIngest({ paths: [inputDir], outDir, dryRun, ...(workers !== undefined && { workers }) });
  const seconds = (performance.now() - start) / 1000;
  const imported = results.filter((r) => r.status === "created").length;
  // The output folder of a run is removed only at the end, so that deleting files does not load the disk mid-run.
  const failed = results.filter((r) => r.status === "failed").length;
  console.log(
    `${label} run ${run}: ${imported} imported, ${failed} failed, ${results.length - imported - failed} skipped in ${seconds.toFixed(2)} s → ${(imported / seconds).toFixed(0)} articles/s`,
  );
  return imported / seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
// Runs alternate between the default (worker threads) and a single-threaded baseline, so both see the same noise.
const parallel: number[] = [];
const single: number[] = [];
const dry: number[] = [];
for (let run = 1; run <= runs; run++) {
  parallel.push(await once("default", run, undefined));
  single.push(await once("single-thread", run, 0));
  dry.push(await once("default --dry-run", run, undefined, true));
}
console.log(
  `median over ${count} pages, ${runs} runs: ${median(parallel).toFixed(0)} articles/s written ` +
    `(single-thread baseline ${median(single).toFixed(0)} articles/s, ×${(median(parallel) / median(single)).toFixed(2)}; ` +
    `without writing (--dry-run) ${median(dry).toFixed(0)} articles/s); target ≥ 500`,
);
rmSync(scratch, { recursive: true, force: true });
