/**
 * The search index is split by date of publication into shards of
 * consecutive days. Pagefind's cost for a query grows with the number of
 * pages that contain its words, and the commonest Vietnamese syllables ("hội",
 * "quân") are in nearly every article: one index over the whole archive makes
 * such a query take about a second at 10,000 articles. Shards keep each search
 * small, and the search page asks the newest shards first and shows results
 * as they arrive.
 *
 * Layout in dist/pagefind/: the Pagefind bundle (pagefind.js, worker, wasm)
 * with a one-record root index, a folder per shard with only its index data,
 * the word index (WORD_INDEX) in words/, and shards.json listing the shards
 * newest first. In the browser each shard (and the word index) is a Pagefind
 * instance whose primary index is the root (so the wasm is fetched once, from
 * one URL) with the shard merged into it.
 */

export interface ShardManifest {
  version: 2;
  /** Newest first; a shard holds the days `from`–`to` ("2024-07-15"), and its id is its folder. */
  shards: { id: string; from: string; to: string; count: number }[];
  /** The result id (fragment hash) of the root index's single record, to be left out of results. */
  rootResult: string;
  /** The word index's folder (see WORD_INDEX). */
  words: string;
}

export const MANIFEST_FILE = "shards.json";

/**
 * About how many articles a shard should hold. Each shard costs a Pagefind
 * instance in the browser (its index files, filter lists, set-up); each
 * article in a shard adds to the cost of a common-word query in it. Measured
 * here: ≈ 0.1 ms per matching article, ≈ 150 ms set-up per shard. At 100,000
 * articles, shards of ≈ 1,500 (68 of them) took a fresh page 8.5 s to search
 * them all for a common word, against 7.0 s for ≈ 2,000 (49; measured side by
 * side). A full shard holds at least this many, up to the end of its month (at
 * 100,000 articles 1,830–2,267); the newest shard is smaller (see planShards).
 */
export const SHARD_TARGET = 2000;

/** A day as "YYYY-MM-DD" (in Vietnam), the unit shards are made of. */
export type Day = string;

export interface PlannedShard {
  from: Day;
  to: Day;
  count: number;
}

/**
 * Groups days into shards (returned newest first). From the oldest day on, consecutive days are merged
 * until a shard reaches the target, and it ends with the month it reached it in; such a shard depends
 * only on its own and older days, so articles added at the top of the archive never move its bounds
 * (planned newest first, a growing newest month moved every shard's bounds once it filled, and the whole
 * index was rebuilt). Ending at a month's end keeps an import of older articles mostly to their own shard:
 * more articles in a shard make it reach the target sooner, but mostly in the same month, where a shard
 * ended at the target's article moved the end of every newer shard (the import re-indexed the archive
 * from its date on). Simulated, 20 articles imported into 40 places: 2 shards re-planned at the median
 * at 25 articles a day (13 of 51 before), 1 at 16 a day (4 of 33); but where months add up to about the
 * target, an import that tips one shard into the month before can move the shards after it as well (at
 * most 13 of 28 at 16 a day; 4 of 54 at 33 a day). The newest days, short of a full shard, are split
 * newest first: the newest shard aims at an eighth of the target, as it answers first and its size sets
 * how soon results appear (Pagefind's work for a common word grows with the articles that have it). A
 * small archive has one or two shards, a national one (≈ 700 articles a month) a shard every three months.
 */
export function planShards(countsByDay: ReadonlyMap<Day, number>, target = SHARD_TARGET): PlannedShard[] {
  /** `shard` with one more day: an older one (at its start) or a newer one (at its end). */
  const grow = (shard: PlannedShard | undefined, day: Day, older: boolean): PlannedShard => {
    const count = countsByDay.get(day)!;
    if (!shard) return { from: day, to: day, count };
    return { from: older ? day : shard.from, to: older ? shard.to : day, count: shard.count + count };
  };
  const days = [...countsByDay.keys()].sort();
  const full: PlannedShard[] = [];
  let open: PlannedShard | undefined;
  for (const [i, day] of days.entries()) {
    open = grow(open, day, false);
    const next = days[i + 1];
    // A run that has reached the target closes at the end of its month (at twice the target, at once).
    // The newest days stay open: they are split below, so the newest shard stays small; the run closes,
    // with the same bounds, once a day of a later month comes.
    const monthEnds = next?.slice(0, 7) !== day.slice(0, 7);
    if (next !== undefined && ((open.count >= target && monthEnds) || open.count >= 2 * target)) {
      full.unshift(open);
      open = undefined;
    }
  }
  let newest: PlannedShard | undefined;
  let rest: PlannedShard | undefined;
  for (const day of open ? days.filter((d) => d >= open.from).reverse() : []) {
    if (!newest || newest.count < Math.ceil(target / 8)) newest = grow(newest, day, true);
    else rest = grow(rest, day, true);
  }
  return [newest, rest, ...full].filter((shard) => shard !== undefined);
}

/** The folder name of a shard: "2024-07-15" or "2023-01-02_2024-06-30". */
export const shardId = (shard: { from: Day; to: Day }): string =>
  shard.from === shard.to ? shard.from : `${shard.from}_${shard.to}`;

/** True when a shard holds articles of `year`. */
export const shardHasYear = (shard: { from: Day; to: Day }, year: number): boolean =>
  shard.from <= `${year}-12-31` && shard.to >= `${year}-01-01`;

/** The one record of the root index: a word no one searches, and left out of results (its id is in the manifest). */
export const ROOT_RECORD = { url: "#pagefind-root", content: "pagefindrootrecord" } as const;

/**
 * The word index: one record per shard, holding the shard's tokens (text and meta values), with the
 * shard's id as a filter value. A shard indexes only its own articles, and Pagefind matches a query word
 * in each index by that index's words alone: the words that start with it, else the longest word it starts
 * with, else it drops the query word. A shard without "mù" would answer "mu cang chai" with the pages that
 * have "cang" and "chai". Asked first, the word index matches each query word against every word of the
 * archive, as a single index would, and says which shards hold a match for every query word; only those
 * are searched, and in them the query words match what they match in the whole archive (the shard has
 * some of those words, and no other word the query word starts with or that starts with it could win
 * over them). A new word changes its shard and the word index, not the other shards.
 *
 * One limit, Pagefind's own: an index is read in chunks of words, and a query word loads one chunk, the
 * one its place in the word order falls in. Words that start with a short query word ("ngh") and sort
 * into the next chunk are not matched, in a single index as here; as the chunks of the word index and of
 * the shards end at other words than a single index's do, such a query can differ at the edges.
 */
export const WORD_INDEX = { folder: "words", filter: "shard" } as const;
