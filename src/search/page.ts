/**
 * The search page (/tim-kiem/): results as the reader types, filters with
 * counts, sort, more results on demand, and all of it in the URL so a search
 * can be shared, reloaded and walked back with the back button. Runs over
 * Pagefind's JS API; every string comes from src/i18n/vi.ts.
 */
import { vi } from "../i18n/vi.ts";
import { DATA_KEPT, ShardedSearch, type FilterCounts, type Result, type ResultData } from "./client.ts";
import { FILTER_NAMES, FILTERS, type FilterName } from "./filters.ts";
import { normalizeQuery } from "./normalize.ts";
import { ROOT_RECORD } from "./shards.ts";

interface State {
  query: string;
  newest: boolean;
  filters: Partial<Record<FilterName, string[]>>;
}

/** Results shown at first and added by "Xem thêm": as many as the client keeps the data of, per shard. */
const PAGE_SIZE = DATA_KEPT;
/** Values shown per filter: the most frequent, plus any selected (a national archive has thousands of names). */
const FACET_SIZE = 12;
const SORT_PARAM = "sap-xep";
const NEWEST = "moi-nhat";

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function readState(): State {
  const params = new URLSearchParams(location.search);
  const filters: State["filters"] = {};
  for (const name of FILTER_NAMES) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values.map((v) => v.normalize("NFC"));
  }
  return { query: (params.get("q") ?? "").normalize("NFC"), newest: params.get(SORT_PARAM) === NEWEST, filters };
}

function stateUrl(state: State): string {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  if (state.newest) params.set(SORT_PARAM, NEWEST);
  for (const [name, values] of Object.entries(state.filters)) for (const value of values) params.append(name, value);
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ""}`;
}

/** The excerpt as text nodes and <mark> elements only: nothing from an article can become markup. */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const nodes: Node[] = [];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) nodes.push(document.createTextNode(child.textContent ?? ""));
      else if (child.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = child.textContent;
        nodes.push(mark);
      } else walk(child);
    }
  };
  walk(parsed.body);
  return nodes;
}

function resultItem(data: ResultData): HTMLLIElement {
  const item = document.createElement("li");
  const article = item.appendChild(document.createElement("article"));
  const heading = article.appendChild(document.createElement("h2"));
  const link = heading.appendChild(document.createElement("a"));
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const meta = article.appendChild(document.createElement("p"));
  meta.className = "meta";
  for (const text of [data.meta.date, data.meta.place, data.meta.unit]) {
    if (!text) continue;
    meta.appendChild(document.createElement("span")).textContent = text;
  }
  const excerpt = article.appendChild(document.createElement("p"));
  excerpt.className = "lead";
  excerpt.append(...excerptNodes(data.excerpt));
  return item;
}

export async function startSearchPage(): Promise<void> {
  const form = byId<HTMLFormElement>("search");
  const input = byId<HTMLInputElement>("q");
  const sort = byId<HTMLSelectElement>(SORT_PARAM);
  const status = byId<HTMLParagraphElement>("search-status");
  const list = byId<HTMLOListElement>("search-results");
  const more = byId<HTMLButtonElement>("search-more");
  const filterPanel = byId<HTMLElement>("search-filters");
  const clear = byId<HTMLButtonElement>("clear-filters");
  const toggle = byId<HTMLButtonElement>("toggle-filters");
  /** Filters are shown (and their lists loaded) once asked for, or when the URL already filters. */
  let filtersOpen = false;

  // Listeners are attached before Pagefind has loaded, so nothing typed early is lost; searches wait for it.
  const ready = ShardedSearch.load(`${form.dataset.base ?? "/"}pagefind/`);
  // This page is for searching: set up the newest shard right away rather than on the first keystroke.
  void ready.then((engine) => engine.prepare()).catch(() => undefined);

  let state = readState();
  let run = 0;
  let results: Result[] = [];
  /** Whether every shard has answered the current search. */
  let complete = false;
  let shown = 0;
  /** Renders started; only the latest applies (an older one may end later, its excerpts fetched more slowly). */
  let renders = 0;
  /** The marks of the current search made so far (see show()). */
  let marked = { first: false, page: false, done: false };
  const items = new Map<string, Promise<HTMLLIElement | undefined>>();

  const syncControls = () => {
    input.value = state.query;
    sort.value = state.newest ? NEWEST : "";
  };

  const renderFilters = (counts: FilterCounts) => {
    toggle.hidden = false;
    toggle.setAttribute("aria-expanded", String(filtersOpen));
    filterPanel.hidden = !filtersOpen;
    if (!filtersOpen) return;
    for (const name of FILTER_NAMES) {
      const fieldset = filterPanel.querySelector<HTMLFieldSetElement>(`fieldset[data-filter="${name}"]`)!;
      const ul = fieldset.querySelector("ul")!;
      const selected = new Set(state.filters[name] ?? []);
      const byCount = (a: string, b: string) =>
        (counts[name]?.[b] ?? 0) - (counts[name]?.[a] ?? 0) || a.localeCompare(b, "vi");
      const top = Object.entries(counts[name] ?? {})
        .filter(([value, count]) => count > 0 && !selected.has(value))
        .map(([value]) => value)
        .sort(byCount)
        .slice(0, Math.max(0, FACET_SIZE - selected.size));
      const values = [...selected, ...top].sort(byCount);
      ul.replaceChildren(
        ...values.map((value) => {
          const li = document.createElement("li");
          const label = li.appendChild(document.createElement("label"));
          const box = label.appendChild(document.createElement("input"));
          box.type = "checkbox";
          box.name = name;
          box.value = value;
          box.checked = selected.has(value);
          label.append(` ${value} `);
          label.appendChild(document.createElement("span")).textContent = `(${counts[name]?.[value] ?? 0})`;
          return li;
        }),
      );
      fieldset.hidden = values.length === 0;
    }
    clear.hidden = Object.keys(state.filters).length === 0;
  };

  /** The list item of a result, made once; undefined for the root index's placeholder record. */
  const itemFor = (result: Result) => {
    let item = items.get(result.id);
    if (!item) {
      const loading = result
        .data()
        .then((data: ResultData) => (data.url === ROOT_RECORD.url ? undefined : resultItem(data)));
      items.set(result.id, loading);
      // An excerpt that could not be fetched is fetched again by the next search.
      loading.catch(() => items.delete(result.id));
      item = loading;
    }
    return item;
  };

  /** A shard or an excerpt that could not be fetched (the network): say so, keep what is shown. */
  const failed = (id: number) => () => {
    if (id === run) status.textContent = vi.search.failed;
  };

  /** Puts `shownItems` in the list (only if that changes it), and the status line; `whole`: all the page's. */
  const show = (shownItems: (HTMLLIElement | undefined)[], whole: boolean) => {
    const nodes = shownItems.filter((node): node is HTMLLIElement => node !== undefined);
    if (nodes.length !== list.children.length || nodes.some((node, i) => list.children[i] !== node))
      list.replaceChildren(...nodes);
    // Marks for benchmarks and real-user timing (search-start is in search()): first results shown, the
    // first page of them, all shards answered.
    if (!marked.first) performance.mark("search-first");
    if (whole && !marked.page) performance.mark("search-page");
    if (whole && complete && !marked.done) performance.mark("search-done");
    marked = { first: true, page: marked.page || whole, done: marked.done || (whole && complete) };
    if (whole) more.hidden = results.length <= shown;
    const count = results.length;
    // The count is final only once the page's results are all shown (and every shard has answered).
    if (!whole || !complete) status.textContent = `${vi.search.loading} ${vi.search.count(count, state.query)}`;
    else status.textContent = count ? vi.search.count(count, state.query) : vi.search.none(state.query);
  };

  /**
   * Shows the first `shown` results of the current search, in order, and the status line. A newer search or
   * a newer render (more results, another shard) supersedes it. A search's first results are shown as their
   * excerpts arrive, each after those before it: over HTTP/1.1 a browser fetches 6 files at a time from a
   * host, and the first six need not wait for the other four. Later renders replace the list once all of
   * theirs are in, so that nothing shown goes away meanwhile.
   */
  const renderResults = async () => {
    const id = run;
    const mine = ++renders;
    const current = () => id === run && mine === renders;
    const pending = results.slice(0, shown).map((r) => itemFor(r));
    if (!marked.first) {
      for (let i = 1; i < pending.length; i++) {
        const head = await Promise.all(pending.slice(0, i));
        if (!current()) return;
        show(head, false);
      }
    }
    const all = await Promise.all(pending);
    if (current()) show(all, true);
  };

  const showMore = () => {
    shown += PAGE_SIZE;
    renderResults().catch(failed(run));
  };

  const search = async () => {
    const id = ++run;
    let engine: ShardedSearch;
    try {
      engine = await ready;
    } catch {
      status.textContent = vi.search.unavailable;
      return;
    }
    if (id !== run) return;
    const query = normalizeQuery(state.query);
    const filters = Object.fromEntries(Object.entries(state.filters).map(([name, values]) => [name, { any: values }]));
    if (Object.keys(filters).length > 0 && !filtersOpen) {
      filtersOpen = true;
      await engine.enableFilters();
      if (id !== run) return;
    }
    if (!query && Object.keys(filters).length === 0) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      filterPanel.hidden = true;
      toggle.hidden = true;
      status.textContent = vi.search.prompt;
      return;
    }
    status.textContent = vi.search.loading;
    shown = PAGE_SIZE;
    complete = false;
    // Until this search's first results: "Xem thêm" would page through the previous search's.
    more.hidden = true;
    marked = { first: false, page: false, done: false };
    // Marks for benchmarks and real-user timing: start (then see show()).
    performance.mark("search-start");
    try {
      await engine.search(
        { query: query || null, filters, newest: state.newest, years: state.filters[FILTERS.year] ?? [] },
        (progress) => {
          results = progress.results;
          complete = progress.complete;
          renderFilters(progress.filters);
          return renderResults().catch(failed(id));
        },
        () => id !== run,
      );
    } catch {
      failed(id)();
    }
  };

  /** Records the state in the URL: a new history entry for a deliberate change, a replacement while typing. */
  const commit = (push: boolean) => {
    const url = stateUrl(state);
    if (url === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state = { ...state, query: input.value };
      commit(false);
      void search();
    }, 250);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    state = { ...state, query: input.value };
    commit(true);
    void search();
  });
  sort.addEventListener("change", () => {
    state = { ...state, newest: sort.value === NEWEST };
    commit(true);
    void search();
  });
  filterPanel.addEventListener("change", (event) => {
    const box = event.target as HTMLInputElement;
    const name = box.name as FilterName;
    const values = new Set(state.filters[name] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    const others = Object.entries(state.filters).filter(([key]) => key !== name);
    state = { ...state, filters: Object.fromEntries(values.size ? [...others, [name, [...values]]] : others) };
    commit(true);
    void search();
  });
  clear.addEventListener("click", () => {
    state = { ...state, filters: {} };
    commit(true);
    void search();
    input.focus();
  });
  more.addEventListener("click", showMore);
  toggle.addEventListener("click", () => {
    filtersOpen = !filtersOpen;
    toggle.setAttribute("aria-expanded", String(filtersOpen));
    filterPanel.hidden = !filtersOpen;
    if (filtersOpen) void ready.then((engine) => engine.enableFilters()).then(() => search());
  });
  window.addEventListener("popstate", () => {
    state = readState();
    syncControls();
    void search();
  });

  // Whatever was typed before this script ran counts too.
  if (input.value && !state.query) state = { ...state, query: input.value };
  syncControls();
  await search();
}
