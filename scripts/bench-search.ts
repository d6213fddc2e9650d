/**
 * npm run bench:search -- [--counts 1000,10000] [--runs 15]
 *
 * For each size: a synthetic archive (npm run corpus), a real build, then
 * search in Chromium. Prints index time, peak memory of the build's process
 * tree, index size, bytes fetched to load search and by the first query, and
 * p50/p95 query times for rare words and for the commonest syllables.
 * Writes the figures as JSON to bench-results/ (git-ignored).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { serveStatic } from "../tests/helpers/serve.ts";

const { values } = parseArgs({
  options: { counts: { type: "string", default: "1000,10000" }, runs: { type: "string", default: "15" } },
});
const counts = values.counts.split(",").map(Number);
const runs = Number(values.runs);
const root = path.resolve(import.meta.dirname, "..");
const scratch = mkdtempSync(path.join(tmpdir(), "bien-nien-bench-search-"));

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  let rssOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      rssOf = rssOf.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rssOf.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

function run(command: string, args: string[], env: Record<string, string>): Promise<{ output: string; peak: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    let output = "";
    let peak = 0;
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 250);
    child.on("close", (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} failed:\n${output.slice(-2000)}`));
      else resolve({ output, peak, seconds: (performance.now() - start) / 1000 });
    });
  });
}

function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const results: Record<string, unknown>[] = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
for (const count of counts) {
  const content = path.join(scratch, `content-${count}`);
  const dist = path.join(scratch, `dist-${count}`);
  await run(process.execPath, ["scripts/corpus.ts", "--count", String(count), "--out", content], {});
  const build = await run(process.execPath, ["node_modules/astro/bin/astro.mjs", "build", "--outDir", dist], {
    CONTENT_DIR: content,
    CACHE_DIR: path.join(scratch, `cache-${count}`),
    ASTRO_TELEMETRY_DISABLED: "1",
    NO_COLOR: "1",
  });
  const indexSeconds = Number(/articles indexed in ([\d.]+) s/u.exec(build.output)?.[1] ?? Number.NaN);
  const index = folderSize(path.join(dist, "pagefind"));

  // Words to search: rare ones (a commune or person named in few articles) and the commonest syllables.
  const sample = readdirSync(content, { recursive: true }).filter((f) => String(f).endsWith(".md")).slice(0, 40);
  const rare = sample
    .map((f) => /communes:\n\s+- (.+)/u.exec(readFileSync(path.join(content, String(f)), "utf8"))?.[1])
    .filter((w): w is string => Boolean(w))
    .slice(0, 10);
  const common = ["hội nghị", "quân sự"];

  const site = await serveStatic(dist);
  const timings: Record<"rare" | "common", number[]> = { rare: [], common: [] };
  let loadBytes = 0;
  let firstQueryBytes = 0;
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let bytes = 0;
    page.on("response", async (response) => {
      if (!response.url().includes("/pagefind/")) return;
      bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.goto(`${site.url}tim-kiem/`);
    await page.evaluate(async () => {
      const w = window as unknown as { pf: { init: () => Promise<void>; filters: () => Promise<unknown> } };
      w.pf = await import("/pagefind/pagefind.js" as string);
      await w.pf.init();
      await w.pf.filters();
    });
    await page.waitForTimeout(200);
    const afterLoad = bytes;
    // Cold: the first query of a fresh page, then warm repeats.
    for (const [kind, words] of [["common", common], ["rare", rare]] as const) {
      for (const word of words) {
        const ms = await page.evaluate(async (q) => {
          const pf = (window as unknown as { pf: { search: (q: string) => Promise<{ results: { data: () => Promise<unknown> }[] }> } }).pf;
          const t = performance.now();
          const search = await pf.search(q);
          await Promise.all(search.results.slice(0, 10).map((x) => x.data()));
          return performance.now() - t;
        }, word);
        timings[kind].push(ms);
        if (r === 0 && kind === "common" && word === common[0]) {
          await page.waitForTimeout(200);
          loadBytes = afterLoad;
          firstQueryBytes = bytes - afterLoad;
        }
      }
    }
    await context.close();
  }
  await site.close();
  const figures = {
    articles: count,
    buildSeconds: Number(build.seconds.toFixed(1)),
    indexSeconds,
    peakRssBytes: build.peak,
    indexBytes: index.bytes,
    indexFiles: index.files,
    searchLoadBytes: loadBytes,
    firstQueryBytes,
    rareP50: Number(percentile(timings.rare, 50).toFixed(1)),
    rareP95: Number(percentile(timings.rare, 95).toFixed(1)),
    commonP50: Number(percentile(timings.common, 50).toFixed(1)),
    commonP95: Number(percentile(timings.common, 95).toFixed(1)),
  };
  results.push(figures);
  console.log(
    `${count} articles: build ${figures.buildSeconds} s (index ${indexSeconds} s), peak RSS ${mb(build.peak)}, ` +
      `index ${mb(index.bytes)} in ${index.files} files; search load ${kb(loadBytes)}, first query "${common[0]}" ${kb(firstQueryBytes)}; ` +
      `rare p50/p95 ${figures.rareP50}/${figures.rareP95} ms, common p50/p95 ${figures.commonP50}/${figures.commonP95} ms`,
  );
  rmSync(dist, { recursive: true, force: true });
  rmSync(content, { recursive: true, force: true });
}
await browser.close();
mkdirSync(path.join(root, "bench-results"), { recursive: true });
const file = path.join(root, "bench-results", `search-${new Date().toISOString().slice(0, 19).replace(/:/gu, "")}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`→ ${path.relative(root, file)}`);
rmSync(scratch, { recursive: true, force: true });
