/**
 * Incremental rebuilds (pages kept in dist/ by their cache keys, src/lib/page-cache.ts and
 * cache-key.ts, and the search shards reused by the search integration): after editors change an
 * archive, a rebuild that reuses the previous build's dist/ and cache gives byte for byte the site a
 * clean build gives, while leaving alone the pages the change did not touch.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { astroBuild, type BuildResult } from "../helpers/build.ts";
import { listFiles } from "../helpers/html.ts";
import { root } from "../helpers/paths.ts";
import { scratchDir } from "../helpers/scratch.ts";

let content: string;
/** After edits that bring new words into the archive, and after edits that use words it already has. */
const rounds: {
  rebuilt: BuildResult;
  clean: BuildResult;
  files: [Record<string, string>, Record<string, string>];
  folders: [string[], string[]];
}[] = [];
/** Rebuilds without edits: after pages were deleted from dist/ by hand, and for another address. */
let gone: { unchanged: string; output: string; files: Record<string, string>; deleted: string[] };
let moved: { output: string; files: [Record<string, string>, Record<string, string>] };
/** A rebuild after dist/ was rewritten by a build that did not save its pages' keys (older code). */
let foreign: { files: [Record<string, string>, Record<string, string>] };

const articles = () =>
  readdirSync(content, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".md"))
    .sort();
const hashes = (dir: string) =>
  Object.fromEntries(
    listFiles(dir).map((f) => [
      f,
      createHash("sha256")
        .update(readFileSync(path.join(dir, f)))
        .digest("hex"),
    ]),
  );
const folders = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
const read = (file: string) => readFileSync(path.join(content, file), "utf8");
const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(path.join(content, file), change(read(file)));
const titleOf = (file: string) => /^title: (.*)$/m.exec(read(file))![1]!;
const lastParagraph = (file: string) => read(file).trimEnd().split("\n").at(-1)!;

beforeAll(() => {
  content = scratchDir("content");
  const corpus = spawnSync(process.execPath, ["scripts/corpus.ts", "--count", "120", "--out", content], { cwd: root });
  if (corpus.status !== 0) throw new Error(String(corpus.stderr));
  // A file whose modification time round 2 can give again exactly (whole seconds, a minute ago). Its
  // change time is now: the first build does not trust its times yet, round 1 (seconds later) does.
  const sameSize = articles()[20]!;
  const settled = Math.floor(Date.now() / 1000) - 60;
  utimesSync(path.join(content, sameSize), settled, settled);
  // Several search shards, so that an edit leaves most of them as they were.
  const env = { SEARCH_SHARD_TARGET: "20" };
  const first = astroBuild({ contentDir: content, env });
  if (first.status !== 0) throw new Error(first.output);
  const rebuild = () => {
    const rebuilt = astroBuild({ contentDir: content, env, work: first.work });
    const clean = astroBuild({ contentDir: content, env });
    if (rebuilt.status !== 0 || clean.status !== 0) throw new Error(rebuilt.output + clean.output);
    // The rebuild's folder is rebuilt again in the next round: take its files now.
    rounds.push({
      rebuilt,
      clean,
      files: [hashes(rebuilt.outDir), hashes(clean.outDir)],
      folders: [folders(rebuilt.outDir), folders(clean.outDir)],
    });
  };

  // Round 1: what editors do between two publications, new words included.
  let files = articles();
  edit(files[3]!, (text) => `${text}\nMột câu biên tập viên bổ sung.\n`);
  edit(files[40]!, (text) => text.replace(/^title: .*$/m, "title: Tiêu đề đã được biên tập viên sửa lại"));
  rmSync(path.join(content, files[80]!));
  writeFileSync(
    path.join(content, files[100]!.replace(/\.md$/, "-bo-sung.md")),
    read(files[100]!).replace(/^title: .*$/m, "title: Bài bổ sung về hội nghị"),
  );
  rebuild();

  // Round 2: the same kinds of edits in words the archive already has (the common case in a large archive).
  files = articles();
  edit(files[10]!, (text) => `${text}\n${lastParagraph(files[11]!)}\n`);
  edit(files[50]!, (text) => text.replace(/^title: .*$/m, `title: ${titleOf(files[51]!)}`));
  writeFileSync(path.join(content, files[90]!.replace(/\.md$/, "-2.md")), read(files[90]!));
  rmSync(path.join(content, files[90]!));
  // An edit that keeps the file's size, words and modification time (the first two words of the title
  // swapped, the time set back): the loader must not take the file for unchanged. The build waits until
  // the change is older than the loader's 2 s guard, so that only the file's change time tells.
  edit(sameSize, (text) => text.replace(/^title: (\S+) (\S+)/m, "title: $2 $1"));
  utimesSync(path.join(content, sameSize), settled, settled);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2500);
  rebuild();

  // Round 3: nothing edited; then an article's page and a province's feed deleted from dist/ by hand.
  const unchanged = astroBuild({ contentDir: content, env, work: first.work });
  const pages = Object.keys(hashes(first.outDir));
  const lost = [
    pages.find((f) => /^bai-viet\/.+\/index\.html$/u.test(f))!,
    pages.find((f) => /^dia-phuong\/[^/]+\/rss\.xml$/u.test(f))!,
  ];
  for (const file of lost) rmSync(path.join(first.outDir, file));
  const again = astroBuild({ contentDir: content, env, work: first.work });
  if (unchanged.status !== 0 || again.status !== 0) throw new Error(unchanged.output + again.output);
  gone = { unchanged: unchanged.output, output: again.output, files: hashes(first.outDir), deleted: lost };

  // Round 4: the site moves to another address (a base path): every page links differently.
  const elsewhere = { ...env, SITE_URL: "https://example.org/luu-tru-so/" };
  const rebuilt = astroBuild({ contentDir: content, env: elsewhere, work: first.work });
  const clean = astroBuild({ contentDir: content, env: elsewhere });
  if (rebuilt.status !== 0 || clean.status !== 0) throw new Error(rebuilt.output + clean.output);
  moved = { output: rebuilt.output, files: [hashes(rebuilt.outDir), hashes(clean.outDir)] };

  // Round 5: the keys file of one build left beside the dist/ of a later one (as when a checkout of older
  // code, which keeps no keys, builds into the same folders), then the edit between them undone.
  const keysFile = path.join(first.work, "cache", "bien-nien-pages.json");
  const earlier = readFileSync(keysFile);
  const file = articles()[30]!;
  const before = read(file);
  edit(file, (text) => text.replace(/^title: .*$/m, "title: Tiêu đề chỉ có trong lần dựng sau"));
  const later = astroBuild({ contentDir: content, env: elsewhere, work: first.work });
  writeFileSync(keysFile, earlier);
  writeFileSync(path.join(content, file), before);
  const after = astroBuild({ contentDir: content, env: elsewhere, work: first.work });
  if (later.status !== 0 || after.status !== 0) throw new Error(later.output + after.output);
  foreign = { files: [hashes(after.outDir), moved.files[1]] };
});

/** The build log's count (src/integrations/build-log.ts): "N tệp (trang, RSS …): R dựng mới, K giữ nguyên …". */
const pageCount = (output: string) => {
  const match = /(\d+) tệp \(trang, RSS …\): (\d+) dựng mới, (\d+) giữ nguyên/u.exec(output);
  expect(match, output.slice(-2000)).not.toBeNull();
  return { pages: Number(match![1]), rendered: Number(match![2]), kept: Number(match![3]) };
};

describe("an incremental rebuild", () => {
  it("gives exactly the site a clean build of the same content gives, after each round of edits", () => {
    expect(rounds).toHaveLength(2);
    for (const {
      files: [incremental, full],
      folders: [incrementalFolders, fullFolders],
    } of rounds) {
      expect(Object.keys(incremental)).toEqual(Object.keys(full));
      // No folder left behind by a deleted or renamed article.
      expect(incrementalFolders).toEqual(fullFolders);
      expect(Object.keys(full).filter((f) => incremental[f] !== full[f])).toEqual([]);
    }
  });

  it("opens only the files that changed since the last build", () => {
    const opened = rounds.map(({ rebuilt }) => Number(/\((\d+) tệp đã mở để so sánh\)/.exec(rebuilt.output)?.[1]));
    // Round 2 edits four files of 120 (round 1's, edited just before it, may be opened again).
    expect(opened[1]).toBeGreaterThanOrEqual(4);
    expect(opened[1]).toBeLessThan(15);
  });

  it("keeps the pages the edits did not touch instead of rendering them", () => {
    for (const { rebuilt, clean } of rounds) {
      const [before, after] = [pageCount(clean.output), pageCount(rebuilt.output)];
      expect(before.pages).toBeGreaterThan(300);
      expect(before.kept).toBe(0);
      expect(after.pages).toBe(before.pages);
      // Most pages are untouched by four edits among 120 articles; the edited ones are rendered.
      expect(after.kept).toBeGreaterThan(before.pages / 2);
      expect(after.rendered).toBeGreaterThan(0);
    }
  });

  it("re-indexes only the search shards whose articles changed, new words or not", () => {
    const reused = rounds.map(({ rebuilt }) => {
      const match = /(\d+) of (\d+) search shards reused/.exec(rebuilt.output);
      expect(match, rebuilt.output.slice(-2000)).not.toBeNull();
      return [Number(match![1]), Number(match![2])] as const;
    });
    // Both rounds edit a few articles (the first with words new to the archive): the other shards are kept.
    for (const [kept, total] of reused) {
      expect(total).toBeGreaterThan(3);
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThan(total);
    }
  });

  it("writes again a page deleted from dist/ by hand, though its article did not change", () => {
    const clean = rounds[1]!.files[1]; // the same content, built clean
    for (const file of gone.deleted) expect(gone.files[file], file).toBe(clean[file]);
    expect(Object.keys(gone.files).filter((f) => gone.files[f] !== clean[f])).toEqual([]);
    // Without edits, only the pages without a cache key (home, search page …) are rendered; with the two
    // files gone, those two as well.
    const [before, after] = [pageCount(gone.unchanged), pageCount(gone.output)];
    expect(before.rendered).toBeLessThan(before.pages / 10);
    expect(after.rendered).toBe(before.rendered + 2);
    expect(after.pages).toBe(before.pages);
  });

  it("trusts no saved key that was not saved with the dist/ it is beside", () => {
    const [incremental, full] = foreign.files;
    expect(Object.keys(full).filter((f) => incremental[f] !== full[f])).toEqual([]);
  });

  it("renders every page again when the site's address changes", () => {
    const [incremental, full] = moved.files;
    expect(Object.keys(incremental)).toEqual(Object.keys(full));
    expect(Object.keys(full).filter((f) => incremental[f] !== full[f])).toEqual([]);
    expect(pageCount(moved.output).kept).toBe(0);
  });
});
