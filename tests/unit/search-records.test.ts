import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildShards } from "../../src/search/build.ts";
import { dFoldedWords, normalizeQuery } from "../../src/search/normalize.ts";
import { searchRecord } from "../../src/search/records.ts";
import { WORD_INDEX } from "../../src/search/shards.ts";
import { root } from "../helpers/paths.ts";
import { articlesForSearch, renderedFolderOf } from "../helpers/rendered.ts";
import { scratchDir } from "../helpers/scratch.ts";

describe("search normalisation", () => {
  it("folds đ to d for every word that has it, keeping the other marks", () => {
    expect(dFoldedWords("Đảng ủy Quân sự đã đến, Đảng")).toEqual(["Dảng", "dã", "dến"]);
    expect(dFoldedWords("Hội nghị")).toEqual([]);
    // A word with đ inside it and twice, after punctuation, at the end of the text.
    expect(dFoldedWords("Bộ đội (Đồng Tháp);xuânđđ")).toEqual(["dội", "Dồng", "xuândd"]);
    // Letters outside the BMP (mathematical bold, as in scraped social posts) belong to the word too.
    expect(dFoldedWords("𝐁𝐨̣̂ đ𝐨̣̂𝐢 𝐁đ")).toEqual(["d𝐨̣̂𝐢", "𝐁d"]);
  });

  it("makes queries NFC, without invisible characters or extra spaces", () => {
    expect(normalizeQuery("  lâm\u200b  bình ".normalize("NFD"))).toBe("lâm bình");
    expect(normalizeQuery("Uỷ\u202eban")).toBe("Uỷban");
  });
});

describe("search records", () => {
  // Read as the build reads them: the article loader, then the rendered-article cache.
  const articles = articlesForSearch(path.join(root, "content/articles"));
  const record = searchRecord(
    articles.find((a) => a.data.locality.district === "Bắc Mê")!,
    "/archive/",
  );

  it("links to the article under the base path", () => {
    expect(record.url).toBe(
      "/archive/bai-viet/2023/08/so-ket-thuc-hien-quy-che-phoi-hop-giua-dang-uy-quan-su-tinh-voi-cac-huyen-uy/",
    );
  });

  it("indexes title, body, officials, unit and place, with đ-words folded, and nothing of the page chrome", () => {
    expect(record.content.startsWith("Sơ kết thực hiện Quy chế phối hợp")).toBe(true);
    for (const text of [
      "Lại Tiến Giang",
      "Chỉ huy trưởng Bộ CHQS tỉnh",
      "Đảng ủy Quân sự tỉnh Hà Giang",
      "Bắc Mê, Hà Giang",
      "Dảng",
    ]) {
      expect(record.content).toContain(text);
    }
    for (const chrome of ["Trang chủ", "Bỏ qua", "Biên niên", "Tìm kiếm"]) expect(record.content).not.toContain(chrome);
    expect(record.content).toBe(record.content.normalize("NFC"));
  });

  it("has the meta, filters and sort key the search page uses", () => {
    expect(record.meta).toEqual({
      title: articles.find((a) => a.data.locality.district === "Bắc Mê")!.data.title,
      date: "24/08/2023",
      place: "Bắc Mê, Hà Giang",
      unit: "Đảng ủy Quân sự tỉnh Hà Giang",
    });
    expect(record.filters).toEqual({
      tinh: ["Hà Giang"],
      tinh_nay: ["Tuyên Quang"],
      huyen: ["Bắc Mê"],
      don_vi: ["Đảng ủy Quân sự tỉnh Hà Giang"],
      nam: ["2023"],
      nhan_vat: ["Nguyễn Mạnh Dũng", "Lại Tiến Giang", "Trần Quang Minh", "Hầu Minh Lợi"],
    });
    expect(record.sort).toEqual({ date: "2023-08-24T00:00:00+07:00" });
  });

  it("files names under one canonical spelling, whichever tone style the article used", () => {
    const lamBinh = searchRecord(
      articles.find((a) => a.data.locality.district === "Lâm Bình")!,
      "/",
    );
    // The article writes "Đảng ủy" in the unit; a "Đảng uỷ" spelling would file under the same value.
    expect(lamBinh.filters.don_vi).toEqual(["Đảng ủy Quân sự huyện Lâm Bình"]);
  });
});

describe("shard plan", () => {
  it("merges consecutive days, oldest first, until a shard is big enough, and splits the newest days", async () => {
    const { planShards, shardHasYear, shardId } = await import("../../src/search/shards.ts");
    const counts = new Map([
      ["2015-03-02", 100],
      ["2015-11-30", 200],
      ["2016-01-01", 900],
      ["2016-02-10", 1600],
      ["2016-05-31", 50],
      ["2016-06-01", 30],
      ["2016-07-04", 40],
      ["2016-07-05", 100],
    ]);
    // The days short of a full shard at the top are split: the newest shard aims at an eighth of the
    // target (it answers first and sets how soon results show).
    const plan = planShards(counts, 1000);
    expect(plan).toEqual([
      { from: "2016-07-04", to: "2016-07-05", count: 140 },
      { from: "2016-05-31", to: "2016-06-01", count: 80 },
      { from: "2016-02-10", to: "2016-02-10", count: 1600 },
      { from: "2015-03-02", to: "2016-01-01", count: 1200 },
    ]);
    expect(plan.map(shardId)).toEqual([
      "2016-07-04_2016-07-05",
      "2016-05-31_2016-06-01",
      "2016-02-10",
      "2015-03-02_2016-01-01",
    ]);
    expect(plan.map((shard) => shardHasYear(shard, 2015))).toEqual([false, false, false, true]);
    expect(plan.map((shard) => shardHasYear(shard, 2016))).toEqual([true, true, true, true]);
    expect(
      planShards(
        new Map([
          ["2023-11-11", 4],
          ["2024-06-02", 1],
        ]),
      ),
    ).toEqual([{ from: "2023-11-11", to: "2024-06-02", count: 5 }]);
  });

  it("keeps every full shard as it was while articles are added at the top of the archive", async () => {
    const { planShards } = await import("../../src/search/shards.ts");
    // An archive as it grows, day by day, 10 articles at a time: each step may re-plan (and so re-index)
    // the two newest shards only, and the newest stays small. Planned newest first, a filling month
    // re-planned them all.
    for (const perDay of [1, 15, 25, 80]) {
      const counts = new Map<string, number>();
      let before = planShards(counts, 1500);
      for (let day = 0; day < 300; day++) {
        const key = new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);
        for (let added = 10; added < perDay + 10; added += 10) {
          counts.set(key, Math.min(added, perDay));
          const after = planShards(counts, 1500);
          const kept = (shard: { from: string; to: string; count: number }) =>
            before.some((old) => old.from === shard.from && old.to === shard.to && old.count === shard.count);
          expect(after.slice(2).filter((shard) => !kept(shard))).toEqual([]);
          const gone = before
            .slice(2)
            .filter((old) => !after.some((shard) => shard.from === old.from && shard.to === old.to));
          expect(gone).toEqual([]);
          expect(after[0]!.count).toBeLessThan(Math.ceil(1500 / 8) + perDay);
          // A full shard ends with the month it reached the target in, or at twice the target.
          for (const shard of after) expect(shard.count).toBeLessThan(2 * 1500 + perDay);
          expect(after.reduce((sum, shard) => sum + shard.count, 0)).toBe([...counts.values()].reduce((a, b) => a + b));
          before = after;
        }
      }
      expect(before.length).toBeGreaterThanOrEqual(Math.max(2, Math.floor((perDay * 300) / (2 * 1500))));
    }
  });

  it("re-plans the shard of an import of older articles and seldom another, not every newer one", async () => {
    const { planShards } = await import("../../src/search/shards.ts");
    // A national archive (≈ 25 articles a day, four years) takes in 20 scraped articles of some weeks long
    // past: their shard changes, and at most one more. Ended at the target's article, every shard after
    // them moved (13 of 51 at the median, up to 37, simulated).
    const dayOf = (i: number) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
    const archive = new Map(Array.from({ length: 1500 }, (_, i) => [dayOf(i), 20 + ((i * 7) % 11)] as const));
    const before = planShards(archive);
    expect(before.length).toBeGreaterThan(10);
    for (let start = 30; start < 1200; start += 97) {
      const imported = new Map(archive);
      for (let j = 0; j < 20; j++) imported.set(dayOf(start + j * 3), imported.get(dayOf(start + j * 3))! + 1);
      const after = planShards(imported);
      const replanned = after.filter(
        (shard) => !before.some((old) => old.from === shard.from && old.to === shard.to && old.count === shard.count),
      );
      expect(replanned.length).toBeGreaterThanOrEqual(1);
      expect(replanned.length).toBeLessThanOrEqual(2);
    }
  });
});

describe("the search index", () => {
  it("holds two articles with the same text each under its own address", async () => {
    // An article copied to a second file (an editor's duplicate): one content, two pages.
    const content = scratchDir("content");
    const source = path.join(root, "content/articles/2023/08");
    const name = readdirSync(source).find((f) => f.endsWith(".md"))!;
    mkdirSync(path.join(content, "2023/08"), { recursive: true });
    copyFileSync(path.join(source, name), path.join(content, "2023/08", name));
    copyFileSync(path.join(source, name), path.join(content, "2023/08", `ban-sao-${name}`));
    const built = await buildShards({
      folder: renderedFolderOf(content),
      cacheRoot: scratchDir("search"),
      base: "/",
      codeVersion: "test",
    });
    expect(built.problems).toEqual([]);
    const shardDirs = Object.entries(built.shardDirs).filter(([name]) => name !== WORD_INDEX.folder);
    const fragments = shardDirs.flatMap(([, dir]) =>
      readdirSync(path.join(dir, "fragment")).map((f) =>
        gunzipSync(readFileSync(path.join(dir, "fragment", f))).toString("utf8"),
      ),
    );
    const slug = name.replace(/\.md$/u, "");
    for (const url of [`/bai-viet/2023/08/${slug}/`, `/bai-viet/2023/08/ban-sao-${slug}/`]) {
      expect(fragments.filter((text) => text.includes(`"url":"${url}"`))).toHaveLength(1);
    }
  });
  it("keeps every shard and the word index when nothing changed, and has no texts in the word index", async () => {
    const content = scratchDir("content");
    const source = path.join(root, "content/articles");
    for (const file of readdirSync(source, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".md"))) {
      mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
      copyFileSync(path.join(source, file), path.join(content, file));
    }
    const build = { folder: renderedFolderOf(content), cacheRoot: scratchDir("search"), base: "/", codeVersion: "t" };
    const first = await buildShards({ ...build, shardTarget: 2 });
    const again = await buildShards({ ...build, shardTarget: 2 });
    expect(first.manifest.shards.length).toBeGreaterThan(1);
    expect([first.reused, first.wordsReused]).toEqual([0, false]);
    expect([again.reused, again.wordsReused]).toEqual([again.manifest.shards.length, true]);
    expect(again.shardDirs).toEqual(first.shardDirs);
    // The word index's records are never shown: no fragment files (each would hold a shard's every word).
    expect(readdirSync(first.shardDirs[WORD_INDEX.folder]!).sort()).toEqual(
      expect.arrayContaining(["filter", "index", "pagefind-entry.json"]),
    );
    expect(readdirSync(first.shardDirs[WORD_INDEX.folder]!)).not.toContain("fragment");
    expect(first.manifest.rootResult).toMatch(/^\w+$/u);
  });
});
