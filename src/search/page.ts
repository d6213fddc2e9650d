/**
 * The search page (/tim-kiem/): results as the reader types, filters with
 * counts, sort, more results on demand, and all of it in the URL so a search
 * can be shared, reloaded and walked back with the back button. Runs over
 * Pagefind's JS API; every string comes from src/i18n/vi.ts.
 */
import { vi } from "../i18n/vi.ts";
import { FILTER_NAMES, type FilterName } from "./filters.ts";
import { normalizeQuery } from "./normalize.ts";

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface SearchResponse {
  results: { id: string; data: () => Promise<ResultData> }[];
  filters: Record<string, Record<string, number>>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string | null, options: Record<string, unknown>) => Promise<SearchResponse>;
  filters: () => Promise<FilterCounts>;
}

interface State {
  query: string;
  newest: boolean;
  filters: Partial<Record<FilterName, string[]>>;
}

const PAGE_SIZE = 10;
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

  // Listeners are attached before Pagefind has loaded, so nothing typed early is lost; searches wait for it.
  const ready = (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${form.dataset.base ?? "/"}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ excerptLength: 30 });
    await pagefind.init();
    return { pagefind, allValues: await pagefind.filters() };
  })();

  let state = readState();
  let run = 0;
  let pending: SearchResponse["results"] = [];

  const syncControls = () => {
    input.value = state.query;
    sort.value = state.newest ? NEWEST : "";
  };

  const renderFilters = (allValues: FilterCounts, counts: FilterCounts) => {
    filterPanel.hidden = false;
    for (const name of FILTER_NAMES) {
      const fieldset = filterPanel.querySelector<HTMLFieldSetElement>(`fieldset[data-filter="${name}"]`)!;
      const ul = fieldset.querySelector("ul")!;
      const selected = new Set(state.filters[name] ?? []);
      const values = Object.keys(allValues[name] ?? {})
        .filter((value) => (counts[name]?.[value] ?? 0) > 0 || selected.has(value))
        .sort((a, b) => (counts[name]?.[b] ?? 0) - (counts[name]?.[a] ?? 0) || a.localeCompare(b, "vi"));
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

  const showMore = async () => {
    const batch = pending.splice(0, PAGE_SIZE);
    const items = await Promise.all(batch.map(async (result) => resultItem(await result.data())));
    list.append(...items);
    more.hidden = pending.length === 0;
  };

  const search = async () => {
    const id = ++run;
    let loaded: Awaited<typeof ready>;
    try {
      loaded = await ready;
    } catch {
      status.textContent = vi.search.unavailable;
      return;
    }
    if (id !== run) return;
    const { pagefind, allValues } = loaded;
    const query = normalizeQuery(state.query);
    const filters = Object.fromEntries(Object.entries(state.filters).map(([name, values]) => [name, { any: values }]));
    if (!query && Object.keys(filters).length === 0) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = vi.search.prompt;
      renderFilters(allValues, allValues);
      return;
    }
    status.textContent = vi.search.loading;
    const response = await pagefind.search(query || null, { filters, ...(state.newest && { sort: { date: "desc" } }) });
    if (id !== run) return; // a newer search has started
    pending = [...response.results];
    list.replaceChildren();
    renderFilters(allValues, response.filters);
    await showMore();
    if (id !== run) return;
    const count = response.results.length;
    status.textContent = count ? vi.search.count(count, state.query) : vi.search.none(state.query);
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
  more.addEventListener("click", () => void showMore());
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
