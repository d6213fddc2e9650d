/**
 * The search index is split by year of publication. Pagefind's cost for a
 * query grows with the number of pages that contain its words, and the
 * commonest Vietnamese syllables ("hội", "quân") are in nearly every article:
 * one index over the whole archive makes such a query take about a second at
 * 10,000 articles. Per-year shards keep each search small, and the search
 * page asks the newest shards first and shows results as they arrive.
 *
 * Layout in dist/pagefind/: the Pagefind bundle (pagefind.js, worker, wasm)
 * with a one-record root index, a folder per shard with only its index data,
 * and shards.json listing the shards newest first. In the browser each shard
 * is a Pagefind instance whose primary index is the root (so the wasm is
 * fetched once, from one URL) with the shard merged into it.
 */

export interface ShardManifest {
  version: 1;
  /** Newest first; a shard holds the years `from`–`to` (a shard id is its folder). */
  shards: { id: string; from: number; to: number; count: number }[];
  /** URL of the root index's single record, to be ignored in results. */
  rootRecord: string;
}

export const MANIFEST_FILE = "shards.json";

/**
 * About how many articles a shard should hold. Each shard costs a Pagefind
 * instance in the browser (its index files, filter lists, set-up); each
 * article in a shard adds to the cost of a common-word query in it. Measured
 * here: ≈ 0.1 ms per matching article, ≈ 150 ms set-up per shard.
 */
export const SHARD_TARGET = 1500;

/**
 * Groups years into shards, newest first: consecutive years are merged until
 * a shard reaches the target, so a small archive has one shard and a national
 * one a shard per year. The newest shard aims at a third of the target: it
 * answers first, and its size sets how soon the first results appear.
 */
export function planShards(
  countsByYear: ReadonlyMap<number, number>,
  target = SHARD_TARGET,
): { from: number; to: number; count: number }[] {
  const years = [...countsByYear.keys()].sort((a, b) => b - a);
  const shards: { from: number; to: number; count: number }[] = [];
  for (const year of years) {
    const count = countsByYear.get(year)!;
    const current = shards.at(-1);
    const goal = shards.length === 1 ? Math.ceil(target / 3) : target;
    if (current && current.count < goal) {
      current.from = year;
      current.count += count;
    } else shards.push({ from: year, to: year, count });
  }
  return shards;
}

/** The folder name of a shard: "2024" or "2015-2017". */
export const shardId = (shard: { from: number; to: number }): string =>
  shard.from === shard.to ? String(shard.from) : `${shard.from}-${shard.to}`;

/** The one record of the root index: a word no one searches, never shown. */
export const ROOT_RECORD = { url: "#pagefind-root", content: "pagefindrootrecord" } as const;

/**
 * Every shard also holds one record with the vocabulary of the whole archive.
 * Pagefind ignores query words that its index does not contain at all, so a
 * small shard without "mù" would answer "mu cang chai" with pages that only
 * have "cang" and "chai"; with the vocabulary in every shard, a query means
 * "all these words" everywhere. The record carries a filter value that every
 * search excludes, so it is never a result.
 */
export const VOCABULARY_RECORD = { url: "#vocabulary", filter: "_vocabulary", value: "1" } as const;

/** The filter every search adds, to leave out the vocabulary records. */
export const WITHOUT_VOCABULARY = { [VOCABULARY_RECORD.filter]: { none: [VOCABULARY_RECORD.value] } } as const;
