/**
 * npm run bench:search -- [--counts 1000,10000] [--runs 15] [--from DIR] [--http2]
 * (--from: measure the sites `npm run bench -- --keep DIR` left in DIR instead of building them)
 *
 * The site is served over plain HTTP/1.1 by a local Node server, where Chromium fetches at most 6 files at a
 * time from it; --http2 serves it over HTTP/2 (TLS, a certificate made for the run), as a CDN does. On this
 * 2-core machine the server's TLS work competes with the browser for the cores: it is no faster here.
 *
 * For each size: a synthetic archive (npm run corpus), a real build, then
 * search in Chromium. Prints index time, peak memory of the build's process
 * tree, index size, bytes fetched to load search and by the first query, and
 * p50/p95 query times for rare words and for the commonest syllables.
 * Writes the figures as JSON to bench-results/ (git-ignored).
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { folderSize, run } from "./bench-lib.ts";
import { launchChromium } from "../tests/helpers/browser.ts";
import { serveStatic } from "../tests/helpers/serve.ts";

const { values } = parseArgs({
  options: {
    counts: { type: "string", default: "1000,10000" },
    runs: { type: "string", default: "15" },
    from: { type: "string" },
    http2: { type: "boolean", default: false },
  },
});
const counts = values.counts.split(",").map(Number);
const runs = Number(values.runs);
const root = path.resolve(import.meta.dirname, "..");
const scratch = mkdtempSync(path.join(tmpdir(), "bien-nien-bench-search-"));

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const results: Record<string, unknown>[] = [];
const browser = await launchChromium();
for (const count of counts) {
  const from = values.from ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.from) : undefined;
  const content = path.join(from ?? scratch, `content-${count}`);
  const dist = path.join(from ?? scratch, `dist-${count}`);
  const build = from
    ? { output: "", seconds: Number.NaN, peak: Number.NaN }
    : await (async () => {
        await run(process.execPath, ["scripts/corpus.ts", "--count", String(count), "--out", content], {});
        return run(process.execPath, ["node_modules/astro/bin/astro.mjs", "build", "--outDir", dist], {
          CONTENT_DIR: content,
          CACHE_DIR: path.join(scratch, `cache-${count}`),
          ASTRO_TELEMETRY_DISABLED: "1",
          NO_COLOR: "1",
        });
      })();
  const indexed = /articles indexed in (\d+) shards in ([\d.]+) s/u.exec(build.output);
  const indexSeconds = Number(indexed?.[2] ?? Number.NaN);
  const shardCount = Number(indexed?.[1] ?? Number.NaN);
  const index = folderSize(path.join(dist, "pagefind"));
  const site = folderSize(dist);
  const htmlPages = readdirSync(dist, { recursive: true }).filter((f) => String(f).endsWith(".html")).length;

  // Words to search: rare ones (a commune or person named in few articles) and the commonest syllables.
  const sample = readdirSync(content, { recursive: true })
    .filter((f) => String(f).endsWith(".md"))
    .slice(0, 40);
  const rare = sample
    .sort()
    .map((f) => /communes:\n\s+- (.+)/u.exec(readFileSync(path.join(content, String(f)), "utf8"))?.[1])
    .filter((w): w is string => Boolean(w))
    .slice(0, 10);
  const common = ["hội nghị", "quân sự"];

  const server = await serveStatic(dist, "/", { http2: values.http2 });
  // Per query kind: first result shown (search-first), the first page of results shown (search-page), all
  // shards answered (search-done), each from the search's start.
  const phases = ["First", "Page", "Done"] as const;
  const timings = Object.fromEntries(
    ["cold", "rare", "common"].flatMap((kind) => phases.map((phase) => [`${kind}${phase}`, [] as number[]])),
  );
  let loadBytes = 0;
  let firstQueryBytes = 0;
  let firstResultsBytes = 0;
  let heapAfterCommon = 0;
  for (let r = 0; r < runs; r++) {
    // A fresh browser profile each run: every first query is cold, as for a new reader.
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    // Bytes that crossed the network: a response served from the browser cache counts 0. Each request's
    // size comes later (a round trip to the browser): count the requests at each point, add their sizes at
    // the end (a running sum read at once missed the sizes still on their way: "11 KB" to load search).
    const finished: Promise<number>[] = [];
    page.on("requestfinished", (request) => {
      if (request.url().includes("/pagefind/")) finished.push(request.sizes().then((s) => s.responseBodySize));
    });
    const bytesOf = async (requests: number) =>
      (await Promise.all(finished.slice(0, requests))).reduce((sum, size) => sum + size, 0);
    await page.goto(`${server.url}tim-kiem/`);
    await page.waitForLoadState("networkidle");
    const afterLoad = finished.length;
    // The first query of a fresh page pays for setting up search (Pagefind, wasm, the first shard): "cold".
    for (const [kind, words] of [
      ["cold", [common[0]!]],
      ["common", common],
      ["rare", rare],
    ] as const) {
      for (const word of words) {
        // Type the query into the real search page; wait for its first page of results, then for all shards.
        await page.evaluate(async (q) => {
          performance.clearMarks();
          const input = document.getElementById("q") as HTMLInputElement;
          input.value = q;
          (document.getElementById("search") as HTMLFormElement).requestSubmit();
          const started = performance.now();
          while (performance.getEntriesByName("search-page").length === 0) {
            if (performance.now() - started > 60_000) throw new Error(`no result for ${q}`);
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
        }, word);
        const atFirst = finished.length;
        const marks = await page.evaluate(async () => {
          const started = performance.now();
          while (performance.getEntriesByName("search-done").length === 0) {
            if (performance.now() - started > 60_000) throw new Error("search did not finish");
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          const at = (name: string) => performance.getEntriesByName(name)[0]!.startTime;
          return ["search-first", "search-page", "search-done"].map((name) => at(name) - at("search-start"));
        });
        for (const [i, phase] of phases.entries()) timings[`${kind}${phase}`]!.push(marks[i]!);
        if (r === 0 && kind === "cold") {
          await page.waitForLoadState("networkidle");
          loadBytes = await bytesOf(afterLoad);
          firstResultsBytes = (await bytesOf(atFirst)) - loadBytes;
          firstQueryBytes = (await bytesOf(finished.length)) - loadBytes;
        }
      }
    }
    if (r === runs - 1) {
      // What the page keeps alive after a common query (a big heap makes the next query wait on GC),
      // measured last so that the forced collection changes none of the timings.
      await page.goto(`${server.url}tim-kiem/?q=${encodeURIComponent(common[0]!)}`);
      await page.waitForFunction(() => performance.getEntriesByName("search-done").length > 0, null, {
        timeout: 60_000,
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send("HeapProfiler.collectGarbage");
      heapAfterCommon = (await cdp.send("Runtime.getHeapUsage")).usedSize;
    }
    await context.close();
  }
  await server.close();
  const figures = {
    articles: count,
    http: values.http2 ? 2 : 1.1,
    buildSeconds: Number(build.seconds.toFixed(1)),
    htmlPages,
    pagesPerSecond: Number((htmlPages / build.seconds).toFixed(0)),
    distBytes: site.bytes,
    distFiles: site.files,
    indexSeconds,
    shards: shardCount,
    peakRssBytes: build.peak,
    indexBytes: index.bytes,
    indexFiles: index.files,
    searchLoadBytes: loadBytes,
    firstResultsBytes,
    firstQueryBytes,
    heapAfterCommonBytes: heapAfterCommon,
    ...Object.fromEntries(
      Object.entries(timings).flatMap(([key, values]) => [
        [`${key}P50`, Number(percentile(values, 50).toFixed(1))],
        [`${key}P95`, Number(percentile(values, 95).toFixed(1))],
      ]),
    ),
  } as Record<string, number>;
  results.push(figures);
  console.log(
    `${count} articles (HTTP/${figures.http}): build ${figures.buildSeconds} s for ${htmlPages} pages (${figures.pagesPerSecond} pages/s; index ${indexSeconds} s, ${shardCount} shards), dist ${mb(site.bytes)} in ${site.files} files, peak RSS ${mb(build.peak)}, ` +
      `index ${mb(index.bytes)} in ${index.files} files; search load ${kb(loadBytes)}, first query "${common[0]}" ${kb(firstResultsBytes)} to its first page of results, ${kb(firstQueryBytes)} all shards, page heap after it ${mb(heapAfterCommon)}; ` +
      `cold first query p50/p95 ${figures.coldFirstP50}/${figures.coldFirstP95} ms (first page ${figures.coldPageP50}/${figures.coldPageP95}, all shards ${figures.coldDoneP50}/${figures.coldDoneP95}); ` +
      `then first result shown p50/p95: rare ${figures.rareFirstP50}/${figures.rareFirstP95} ms, common ${figures.commonFirstP50}/${figures.commonFirstP95} ms; ` +
      `first page of 10 shown p50/p95: rare ${figures.rarePageP50}/${figures.rarePageP95} ms, common ${figures.commonPageP50}/${figures.commonPageP95} ms; ` +
      `all shards p50/p95: rare ${figures.rareDoneP50}/${figures.rareDoneP95} ms, common ${figures.commonDoneP50}/${figures.commonDoneP95} ms`,
  );
  // A site from --from stays: it took a build benchmark to make.
  if (!from) {
    rmSync(dist, { recursive: true, force: true });
    rmSync(content, { recursive: true, force: true });
  }
}
await browser.close();
mkdirSync(path.join(root, "bench-results"), { recursive: true });
const file = path.join(
  root,
  "bench-results",
  `search-${new Date().toISOString().slice(0, 19).replace(/:/gu, "")}.json`,
);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`→ ${path.relative(root, file)}`);
rmSync(scratch, { recursive: true, force: true });
