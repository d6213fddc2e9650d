/**
 * Browser side of the sharded index (see shards.ts): one Pagefind instance per
 * shard (a run of days), created when first needed; a query with words asks
 * the word index which shards can answer, then those are searched newest
 * first, with the merged results reported after each shard so the page can
 * show them at once.
 */
import { MANIFEST_FILE, shardHasYear, WORD_INDEX, type ShardManifest } from "./shards.ts";

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
export interface Result {
  id: string;
  score: number;
  data: () => Promise<ResultData>;
}
export type FilterCounts = Record<string, Record<string, number>>;

interface SearchResponse {
  results: Result[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
interface Instance {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (query: string | null, options: Record<string, unknown>) => Promise<SearchResponse>;
}
interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => Instance;
}

export interface Progress {
  results: Result[];
  filters: FilterCounts;
  /** True once every shard has answered. */
  complete: boolean;
}

export interface SearchRequest {
  query: string | null;
  filters: Record<string, { any: string[] }>;
  newest: boolean;
  /** Years to search (from a year filter); all when empty. */
  years: readonly string[];
}

/**
 * Results per shard whose data (excerpt, title, URL) stays at hand; beyond them only id and score are kept,
 * and the shard is searched again if the reader pages that far. Pagefind's results hold every word
 * location of their page: for a common syllable at 100,000 articles, keeping them all kept 124–197 MB
 * alive after the search, and marking it (a major GC) delayed the next query's first results by up to
 * 200 ms (measured). One page of the search page's results.
 */
export const DATA_KEPT = 10;

/**
 * Index files (word and filter lists, metadata) whose download failed since the page loaded. Pagefind 1.6
 * goes on without such a file and without a word (its loadChunk catches the failure): a reader whose
 * connection drops would get fewer results than there are, or "nothing found", as if that were the answer.
 * The page's fetches of them are watched (watchIndexFetches): a search during which one failed fails, and
 * the next fetches the file again (Pagefind forgets a word list that failed); an index set up while one
 * failed is set up afresh (instance()).
 */
let indexFetchFailures = 0;
const INDEX_FILE = /\.pf_(index|filter|meta)(\?|$)/u;

/** Whether an index file failed to download since this was called (see indexFetchFailures). */
function failuresFromNow(): () => boolean {
  const before = indexFetchFailures;
  return () => indexFetchFailures !== before;
}

/** Counts the failed fetches of index files (indexFetchFailures), once per page. */
function watchIndexFetches(): void {
  const original = globalThis.fetch as typeof fetch & { watched?: true };
  if (original.watched) return;
  const watched = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!INDEX_FILE.test(url)) return original.call(globalThis, input, init);
    try {
      const response = await original.call(globalThis, input, init);
      if (!response.ok) {
        indexFetchFailures++;
        return response;
      }
      // The body too: a connection that drops while it arrives fails Pagefind's read of it, unseen.
      const body = await response.arrayBuffer();
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      indexFetchFailures++;
      throw error;
    }
  };
  globalThis.fetch = Object.assign(watched, { watched: true as const });
}

/** Resolves in a new task of the page's event loop, after what waits there (drawing, input, timers). */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });

function addCounts(into: FilterCounts, from: FilterCounts): void {
  for (const [name, values] of Object.entries(from)) {
    const target = (into[name] ??= {});
    for (const [value, count] of Object.entries(values)) target[value] = (target[value] ?? 0) + count;
  }
}

export class ShardedSearch {
  private instances = new Map<string, Promise<Instance>>();
  /** Whether filter lists are loaded: they are most of a shard's bytes, so only once a reader wants filters. */
  private withFilters = false;

  private constructor(
    private readonly root: string,
    private readonly pagefind: PagefindModule,
    readonly manifest: ShardManifest,
  ) {}

  /** Loads Pagefind and the shard list from `root` ("/pagefind/"). */
  static async load(root: string): Promise<ShardedSearch> {
    watchIndexFetches();
    const [pagefind, manifest] = await Promise.all([
      import(/* @vite-ignore */ `${root}pagefind.js`) as Promise<PagefindModule>,
      fetch(`${root}${MANIFEST_FILE}`).then((response) => {
        if (!response.ok) throw new Error(`${root}${MANIFEST_FILE}: ${response.status}`);
        return response.json() as Promise<ShardManifest>;
      }),
    ]);
    return new ShardedSearch(root, pagefind, manifest);
  }

  /** The Pagefind instance of a shard, or of the word index (`manifest.words`, its filter counts always loaded). */
  private instance(shard: string): Promise<Instance> {
    let instance = this.instances.get(shard);
    if (!instance) {
      instance = (async () => {
        const failed = failuresFromNow();
        // The root is every instance's primary index: its wasm is fetched once, from one URL.
        // Records carry their full path, base path included: Pagefind must not prefix it again (baseUrl).
        // On the main thread, not in Pagefind's web worker: the worker frees each result's data with a
        // message once the result is garbage, and a common word has a result in nearly every article —
        // at 100,000 articles the next query waited behind ≈ 100,000 such messages (0.4–1.5 s, measured).
        const created = this.pagefind.createInstance({
          basePath: this.root,
          baseUrl: "/",
          excerptLength: 30,
          noWorker: true,
        });
        await created.mergeIndex(`${this.root}${shard}/`, { baseUrl: "/" });
        // A merged index reports filter counts only once its filter lists are loaded.
        if (this.withFilters || shard === this.manifest.words) await created.filters();
        // Pagefind keeps an index whose metadata or filter lists did not arrive, without them (the word
        // index would then name no shard, for good): it is set up afresh by the next search.
        if (failed()) throw new Error(`search index ${shard}: a file could not be fetched`);
        return created;
      })();
      this.instances.set(shard, instance);
      // A shard that failed to load (a network error) is loaded afresh by the next search.
      const loading = instance;
      loading.catch(() => {
        if (this.instances.get(shard) === loading) this.instances.delete(shard);
      });
    }
    return instance;
  }

  /** Sets up the word index and the newest shard ahead of the first query, so that query pays only for searching. */
  prepare(): void {
    const newest = this.manifest.shards[0];
    // A search with no words runs Pagefind's code and loads the index's filter data once, ahead of the reader.
    for (const index of newest ? [this.manifest.words, newest.id] : []) {
      this.instance(index)
        .then((instance) => instance.search(null, {}))
        .catch(() => undefined); // the reader's own search will say what went wrong
    }
  }

  /** The shards that hold, for every word of `query`, a word it matches in the whole archive (see WORD_INDEX). */
  private async shardsMatching(query: string): Promise<Set<string>> {
    const words = await this.instance(this.manifest.words);
    // The counts of the records that have every query word, before anything else narrows them: for a phrase
    // in quotes, Pagefind then keeps only the records with the words in that order, which the word index,
    // a list of words, does not have.
    const counts = (await words.search(query, {})).totalFilters[WORD_INDEX.filter] ?? {};
    return new Set(Object.keys(counts).filter((id) => (counts[id] ?? 0) > 0));
  }

  /** Loads the filter lists of every shard (now and from now on), so searches report filter counts. */
  async enableFilters(): Promise<void> {
    if (this.withFilters) return;
    this.withFilters = true;
    const failed = failuresFromNow();
    const loaded = [...this.instances];
    // (An index that failed to set up is dropped by instance(), and set up with its filter lists next time.)
    await Promise.all(loaded.map(([, instance]) => instance.then((index) => index.filters()).catch(() => undefined)));
    // Filter lists that did not arrive stay missing in their index: those indexes are set up afresh.
    if (failed()) {
      for (const [shard, instance] of loaded) if (this.instances.get(shard) === instance) this.instances.delete(shard);
    }
  }

  /**
   * Searches the shards newest first, calling `onProgress` with the merged
   * results after each one. Relevance merges by score; newest-first keeps the
   * shards' order, which is already by date. Stops early when `isStale()`.
   * A query with words searches only the shards the word index names.
   *
   * The first shard's results are shown (`onProgress` settled) before the next shard is searched:
   * Pagefind runs on the page's thread (see instance()), and their excerpts would otherwise wait behind
   * the older shards' searches. Later progress is shown while the search goes on. `onProgress` handles
   * its own errors. Throws when an index file could not be fetched during the search (see
   * indexFetchFailures): its results would be incomplete.
   */
  async search(
    request: SearchRequest,
    onProgress: (progress: Progress) => void | Promise<void>,
    isStale: () => boolean,
  ): Promise<void> {
    const failed = failuresFromNow();
    const allFetched = () => {
      if (failed()) throw new Error("search index: a file could not be fetched");
    };
    const years = request.years.map(Number);
    let shards = this.manifest.shards.filter((s) => years.length === 0 || years.some((y) => shardHasYear(s, y)));
    const options = {
      filters: request.filters,
      ...(request.newest && { sort: { date: "desc" } }),
    };
    /** The newest shard's search, made while the word index answers (below). */
    let early: { shard: string; response: Promise<SearchResponse> } | undefined;
    /** The shards the word index names, once it has answered. */
    let named: Set<string> | undefined;
    // (A shards.json from before the word index, still in a cache, names none: search every shard, not fail.)
    if (request.query !== null && this.manifest.words) {
      // The word index names the newest shard for most queries, and the search of a shard the word index names
      // does not depend on its answer: search the newest shard meanwhile, and fetch the excerpts of its first
      // results, so that they are on their way when the word index answers. Used only if it names the shard.
      const newest = shards[0];
      if (newest) {
        const query = request.query;
        const response = this.instance(newest.id).then((instance) => instance.search(query, options));
        early = { shard: newest.id, response };
        response
          .then(({ results }) => {
            if (isStale() || (named && !named.has(newest.id))) return;
            for (const result of results.slice(0, DATA_KEPT))
              if (result.id !== this.manifest.rootResult) result.data().catch(() => undefined);
          })
          .catch(() => undefined); // if the shard is named, its search below reports the failure
      }
      const matching = await this.shardsMatching(request.query);
      named = matching;
      if (isStale()) return;
      allFetched();
      shards = shards.filter((shard) => matching.has(shard.id));
    }
    // A shard's results searched again for their data (see DATA_KEPT): once for the results asked for
    // together (a page of them), then let go — they hold every word location of the shard's results.
    const again = new Map<string, Promise<Map<string, Result["data"]>>>();
    const dataAgain = (instance: Instance, shard: string, id: string) => async () => {
      let loading = again.get(shard);
      if (!loading) {
        loading = instance
          .search(request.query, options)
          .then((response) => new Map(response.results.map((result) => [result.id, result.data])));
        again.set(shard, loading);
        // After every request waiting on it has taken its result (or its failure): a later page searches again.
        const forget = () => setTimeout(() => again.delete(shard));
        loading.then(forget, forget);
      }
      const data = (await loading).get(id);
      if (!data) throw new Error(`search shard ${shard}: result ${id} not found when searched again`);
      return data();
    };
    const results: Result[] = [];
    const filters: FilterCounts = {};
    for (const [i, shard] of shards.entries()) {
      const instance = await this.instance(shard.id);
      if (isStale()) return;
      // The early search, if it is this shard's (searched again if it failed: the shard may have failed to
      // load, and `instance` is then a new one); then let go, as it holds all of the shard's results.
      const response = await (early?.shard === shard.id
        ? early.response.catch(() => instance.search(request.query, options))
        : instance.search(request.query, options));
      early = undefined;
      if (isStale()) return;
      allFetched();
      // Every instance holds the root index's placeholder record (see ROOT_RECORD): never a result.
      const found = response.results
        .filter((result) => result.id !== this.manifest.rootResult)
        .map((result, rank) =>
          rank < DATA_KEPT
            ? result
            : { id: result.id, score: result.score, data: dataAgain(instance, shard.id, result.id) },
        );
      // One array, grown in place: a new one per shard was garbage of every size up to all the results
      // (100,000 at 100,000 articles), which the next query's first results then waited to collect.
      for (const result of found) results.push(result);
      if (!request.newest) results.sort((a, b) => b.score - a.score); // two sorted runs: merged in one pass
      addCounts(filters, response.filters);
      const shown = onProgress({ results, filters, complete: i === shards.length - 1 });
      if (i === 0) await shown;
      // Let the page draw and take input between shards: with every chunk already fetched (a query asked
      // again, the sort changed) nothing else would, and the page froze until the last shard (2.7 s at
      // 100,000 articles for "hội nghị", measured).
      await nextTask();
    }
    if (shards.length === 0) await onProgress({ results, filters, complete: true });
  }
}
