/**
 * npm run bench -- --count 20000 [--runs 1] [--no-baseline] [--no-incremental] [--keep DIR]
 *
 * Builds a synthetic archive of N articles (npm run corpus; --count takes a comma list) and prints,
 * for Biên niên and for the baseline on the same articles (Hugo, Debian's `hugo`, with the minimal
 * layout in bench/hugo/, then the Pagefind CLI on its output):
 * site build time, search index time, total wall time, peak RSS of the whole process tree, dist/
 * size and file count, pages per second, and our figures as ratios to the baseline's. Then one
 * article is edited and the site rebuilt with the warm cache: the time to republish (then once more with a
 * word new to the whole archive, which also rebuilds the word index, and once with up to 20 older articles
 * imported: copies of articles of one month a third into the archive, with their dates).
 * Medians over --runs. Figures also go to bench-results/bench-<time>.json (not committed). The folders of
 * every run are kept until the end (see setAside): a 20k run takes ≈ 1.5 GB, a 100k run ≈ 6 GB.
 * Search in Chromium at the same N: npm run bench:search -- --counts N; `--keep DIR` keeps the corpus and
 * the built site in DIR (content-N, dist-N) so that `npm run bench:search -- --counts N --from DIR` measures
 * that site without building it again.
 */
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { readArticleText } from "../src/domain/frontmatter.ts";
import { folderSize, run } from "./bench-lib.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    runs: { type: "string", default: "1" },
    "no-baseline": { type: "boolean", default: false },
    "no-incremental": { type: "boolean", default: false },
    keep: { type: "string" },
  },
});
const counts = values.count.split(",").map(Number);
const runs = Number(values.runs);
const root = path.resolve(import.meta.dirname, "..");
const scratch = mkdtempSync(path.join(tmpdir(), "bien-nien-bench-"));
const hugo = spawnSync("hugo", ["version"], { encoding: "utf8" });
const withBaseline = !values["no-baseline"];
if (withBaseline && hugo.status !== 0) {
  console.error("The baseline needs Hugo: sudo apt-get install -y hugo (or pass --no-baseline).");
  process.exit(2);
}

/** The Node options `npm run build` gives the build (its heap limit), so that the benchmark builds the same way. */
const buildNodeOptions =
  /NODE_OPTIONS=(\S+)/u.exec(
    (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts
      .build!,
  )?.[1] ?? "";

/**
 * Folders of an earlier run are moved aside, into one folder removed at the end, not deleted before the next
 * build: ext4 skips the inodes freed in the last minutes when it creates files, and a build right after a
 * large deletion paid for it (20k: 152.9 s, 58.9 s of it system time, against 124.5 s, 35.2 s, once the
 * system had settled). A CI runner starts from fresh folders. Costs the disk space of every run until the end.
 */
const setAside = (dir: string) => {
  if (!existsSync(dir)) return;
  const trash = path.join(scratch, "set-aside");
  mkdirSync(trash, { recursive: true });
  renameSync(dir, path.join(trash, `${path.basename(dir)}-${readdirSync(trash).length}`));
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
/**
 * The time of the first "✓ Completed in …" Astro prints after `marker`. Found by indexOf, not a regular
 * expression across the log: a 100,000-article build logs ≈ 25 MB, and a lazy `[\s\S]*?` over it
 * overflowed the stack (measured).
 */
const seconds = (output: string, marker: string) => {
  const DONE = "✓ Completed in ";
  const from = output.indexOf(marker);
  const at = from < 0 ? -1 : output.indexOf(DONE, from);
  if (at < 0) return Number.NaN;
  const end = output.indexOf("\n", at);
  // Astro prints "1m 5s", "54.86s" or, under a second, "512ms".
  const [, minutes, secs, ms] =
    /(?:(?:(\d+)m\s*)?([\d.]+)s|(\d+)ms)/u.exec(output.slice(at + DONE.length, end < 0 ? undefined : end)) ?? [];
  return ms === undefined ? Number(minutes ?? 0) * 60 + Number(secs) : Number(ms) / 1000;
};
const htmlPages = (dir: string) =>
  readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".html")).length;

/** The corpus as Hugo content: the same articles, with the taxonomies as top-level lists. */
function hugoContent(source: string, target: string): void {
  for (const file of readdirSync(source, { recursive: true }).map(String)) {
    if (!file.endsWith(".md")) continue;
    const { data, body } = readArticleText(readFileSync(path.join(source, file), "utf8"));
    const locality = data.locality as { province: string; district?: string };
    const frontmatter = {
      title: data.title,
      date: data.date,
      nam: [String(data.date).slice(0, 4)],
      tinh: [locality.province],
      ...(locality.district && { huyen: [locality.district] }),
      nhan_vat: ((data.officials as { name: string }[] | undefined) ?? []).map((o) => o.name),
      ...(typeof data.unit === "string" && { don_vi: [data.unit] }),
    };
    const out = path.join(target, "bai-viet", file);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `---\n${stringify(frontmatter)}---\n${body}`);
  }
}

interface Figures {
  build: number;
  index: number;
  total: number;
  peak: number;
  bytes: number;
  files: number;
  pages: number;
}

/** One `astro build` as `npm run build` runs it, with the phases its log reports. */
async function astroBuild(content: string, dist: string, cache: string) {
  const build = await run(process.execPath, ["node_modules/astro/bin/astro.mjs", "build", "--outDir", dist], {
    CONTENT_DIR: content,
    CACHE_DIR: cache,
    ASTRO_TELEMETRY_DISABLED: "1",
    NO_COLOR: "1",
    NODE_OPTIONS: buildNodeOptions,
  });
  return {
    seconds: build.seconds,
    peak: build.peak,
    sync: seconds(build.output, "Collecting build info..."),
    render: seconds(build.output, "generating static routes"),
    // The search index is built while the pages are written: `index` is what it adds after them,
    // `indexWall` its whole time from the end of the content sync.
    index: Number(/([\d.]+) s after the pages/u.exec(build.output)?.[1] ?? Number.NaN),
    indexWall: Number(/articles indexed in \d+ shards in ([\d.]+) s/u.exec(build.output)?.[1] ?? Number.NaN),
    reused: /\((\d+ of \d+) search shards reused, word index (?:reused|rebuilt)\)/u.exec(build.output)?.[1] ?? "?",
    words: /word index (reused|rebuilt)\)/u.exec(build.output)?.[1] ?? "?",
  };
}

async function ours(
  content: string,
  dist: string,
  cache: string,
): Promise<Figures & { sync: number; render: number; indexWall: number }> {
  setAside(dist);
  setAside(cache);
  const build = await astroBuild(content, dist, cache);
  const size = folderSize(dist);
  return {
    sync: build.sync,
    render: build.render,
    indexWall: build.indexWall,
    build: build.seconds - build.index,
    index: build.index,
    total: build.seconds,
    peak: build.peak,
    bytes: size.bytes,
    files: size.files,
    pages: htmlPages(dist),
  };
}

async function baseline(content: string, work: string): Promise<Figures> {
  const site = path.join(work, "public");
  setAside(site);
  const built = await run(
    "hugo",
    ["--source", "bench/hugo", "--contentDir", content, "--destination", site, "--quiet"],
    {},
  );
  const indexed = await run(
    path.join(root, "node_modules/.bin/pagefind"),
    ["--site", site, "--force-language", "vi", "--silent"],
    {},
  );
  const size = folderSize(site);
  return {
    build: built.seconds,
    index: indexed.seconds,
    total: built.seconds + indexed.seconds,
    peak: Math.max(built.peak, indexed.peak),
    bytes: size.bytes,
    files: size.files,
    pages: htmlPages(site),
  };
}

/** The articles of `content`, as paths under it, in path order (and so by month). */
const articleFiles = (content: string) =>
  readdirSync(content, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".md"))
    .sort();

/**
 * Edits one article and rebuilds with the warm cache. `newWord` false: a sentence of another article
 * added to its body (words the archive already has, as most edits of a large archive are); true: a
 * word no article has (a new name or number), which also changes the word index (see WORD_INDEX).
 */
async function republish(
  content: string,
  dist: string,
  cache: string,
  newWord: boolean,
): ReturnType<typeof astroBuild> {
  const files = articleFiles(content);
  const sentence = newWord
    ? "Đồng chí Xzqwvạch phát biểu."
    : readFileSync(path.join(content, files[1]!), "utf8").trimEnd().split("\n").at(-1)!;
  appendFileSync(path.join(content, files[0]!), `\n${sentence}\n`);
  return astroBuild(content, dist, cache);
}

/**
 * Imports 20 articles dated among older ones, as an import of a portal's old pages does: copies (new
 * slugs, same dates) of the articles of one month a third into the archive. Rebuilds with the warm cache.
 */
async function importOlder(
  content: string,
  dist: string,
  cache: string,
): Promise<Awaited<ReturnType<typeof astroBuild>> & { copied: number }> {
  const files = articleFiles(content);
  const month = path.dirname(files[Math.floor(files.length / 3)]!);
  // (A small archive has fewer than 20 articles a month: as many as the month has.)
  const copies = files.filter((f) => path.dirname(f) === month).slice(0, 20);
  for (const file of copies) {
    copyFileSync(path.join(content, file), path.join(content, file.replace(/\.md$/u, "-nhap.md")));
  }
  return { ...(await astroBuild(content, dist, cache)), copied: copies.length };
}

const results: Record<string, unknown>[] = [];
for (const count of counts) {
  const content = path.join(scratch, `content-${count}`);
  await run(process.execPath, ["scripts/corpus.ts", "--count", String(count), "--out", content], {});
  const hugoSource = path.join(scratch, `hugo-${count}`);
  if (withBaseline) hugoContent(content, path.join(hugoSource, "content"));
  const mine: Awaited<ReturnType<typeof ours>>[] = [];
  const theirs: Figures[] = [];
  let incremental: Awaited<ReturnType<typeof republish>> | undefined;
  let withNewWord: Awaited<ReturnType<typeof republish>> | undefined;
  let imported: Awaited<ReturnType<typeof importOlder>> | undefined;
  const dist = path.join(scratch, `dist-${count}`);
  const cache = path.join(scratch, `cache-${count}`);
  // Alternate ours and the baseline so that both see the same noise.
  for (let r = 1; r <= runs; r++) {
    const m = await ours(content, dist, cache);
    mine.push(m);
    console.log(
      `${count} run ${r}: Biên niên ${m.total.toFixed(1)} s (content sync ${m.sync.toFixed(1)} s, pages ${m.render.toFixed(1)} s, search ${m.indexWall.toFixed(1)} s beside the pages, ${m.index.toFixed(1)} s after them), ${m.pages} pages, peak ${mb(m.peak)}`,
    );
    if (withBaseline) {
      const b = await baseline(path.join(hugoSource, "content"), hugoSource);
      theirs.push(b);
      console.log(
        `${count} run ${r}: Hugo + Pagefind ${b.total.toFixed(1)} s (hugo ${b.build.toFixed(1)} s, pagefind ${b.index.toFixed(1)} s), ${b.pages} pages, peak ${mb(b.peak)}`,
      );
    }
  }
  if (!values["no-incremental"]) {
    const describe = (r: Awaited<ReturnType<typeof republish>>) =>
      `${r.seconds.toFixed(1)} s (content sync ${r.sync.toFixed(1)} s, pages ${r.render.toFixed(1)} s, search ${r.indexWall.toFixed(1)} s beside the pages, ${r.index.toFixed(1)} s after them, ${r.reused} shards reused, the word index ${r.words})`;
    incremental = await republish(content, dist, cache, false);
    console.log(`${count}: one article edited, rebuilt with a warm cache in ${describe(incremental)}`);
    withNewWord = await republish(content, dist, cache, true);
    console.log(`${count}: a word new to the archive added, rebuilt in ${describe(withNewWord)}`);
    imported = await importOlder(content, dist, cache);
    console.log(`${count}: ${imported.copied} older articles imported, rebuilt in ${describe(imported)}`);
  }
  const summary = (list: Figures[]) => ({
    buildSeconds: Number(median(list.map((f) => f.build)).toFixed(1)),
    indexSeconds: Number(median(list.map((f) => f.index)).toFixed(1)),
    totalSeconds: Number(median(list.map((f) => f.total)).toFixed(1)),
    peakRssBytes: median(list.map((f) => f.peak)),
    distBytes: list[0]!.bytes,
    distFiles: list[0]!.files,
    htmlPages: list[0]!.pages,
    pagesPerSecond: Number((list[0]!.pages / median(list.map((f) => f.total))).toFixed(0)),
  });
  const ourFigures = {
    ...summary(mine),
    contentSyncSeconds: Number(median(mine.map((f) => f.sync)).toFixed(1)),
    renderSeconds: Number(median(mine.map((f) => f.render)).toFixed(1)),
    indexWallSeconds: Number(median(mine.map((f) => f.indexWall)).toFixed(1)),
    ...(incremental && { republishSeconds: Number(incremental.seconds.toFixed(1)) }),
    ...(withNewWord && { republishNewWordSeconds: Number(withNewWord.seconds.toFixed(1)) }),
    ...(imported && {
      importOlderSeconds: Number(imported.seconds.toFixed(1)),
      importOlderShardsReused: imported.reused,
      importOlderArticles: imported.copied,
    }),
  };
  const baseFigures = withBaseline ? summary(theirs) : undefined;
  results.push({ articles: count, runs, bienNien: ourFigures, ...(baseFigures && { hugoPagefind: baseFigures }) });
  const ratio = (a: number, b: number) => `×${(a / b).toFixed(2)}`;
  console.log(
    `\n${count} articles (median of ${runs}):\n` +
      `  Biên niên       total ${ourFigures.totalSeconds} s = site ${ourFigures.buildSeconds} s + search ${ourFigures.indexSeconds} s after the pages (${ourFigures.indexWallSeconds} s in all); ` +
      `peak RSS ${mb(ourFigures.peakRssBytes)}; dist ${mb(ourFigures.distBytes)} in ${ourFigures.distFiles} files; ` +
      `${ourFigures.htmlPages} pages, ${ourFigures.pagesPerSecond} pages/s` +
      (incremental
        ? `; republish after one edit ${ourFigures.republishSeconds} s (${ourFigures.republishNewWordSeconds} s when it adds a word new to the archive, ${ourFigures.importOlderSeconds} s for ${ourFigures.importOlderArticles} older articles imported)`
        : ""),
  );
  if (baseFigures) {
    console.log(
      `  Hugo + Pagefind total ${baseFigures.totalSeconds} s = site ${baseFigures.buildSeconds} s + search ${baseFigures.indexSeconds} s; ` +
        `peak RSS ${mb(baseFigures.peakRssBytes)}; dist ${mb(baseFigures.distBytes)} in ${baseFigures.distFiles} files; ` +
        `${baseFigures.htmlPages} pages, ${baseFigures.pagesPerSecond} pages/s\n` +
        `  ratio (ours / baseline): total ${ratio(ourFigures.totalSeconds, baseFigures.totalSeconds)}, ` +
        `site ${ratio(ourFigures.buildSeconds, baseFigures.buildSeconds)}, search in all ${ratio(ourFigures.indexWallSeconds, baseFigures.indexSeconds)}, ` +
        `peak RSS ${ratio(ourFigures.peakRssBytes, baseFigures.peakRssBytes)}`,
    );
  }
  if (values.keep) {
    const keep = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.keep);
    mkdirSync(keep, { recursive: true });
    for (const name of [`dist-${count}`, `content-${count}`]) {
      rmSync(path.join(keep, name), { recursive: true, force: true });
      try {
        renameSync(path.join(scratch, name), path.join(keep, name));
      } catch {
        // Another file system: copy instead.
        cpSync(path.join(scratch, name), path.join(keep, name), { recursive: true });
      }
    }
  }
  setAside(dist);
  setAside(hugoSource);
}
mkdirSync(path.join(root, "bench-results"), { recursive: true });
const out = path.join(root, "bench-results", `bench-${new Date().toISOString().slice(0, 19).replace(/:/gu, "")}.json`);
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`→ ${path.relative(root, out)}`);
rmSync(scratch, { recursive: true, force: true });
// See setAside: the deletion just made slows the next minutes' file creation, another benchmark's included.
console.log(
  "(scratch folder deleted: wait 5 minutes, 15 after 100,000 articles, before the next benchmark, or its builds run slow)",
);
