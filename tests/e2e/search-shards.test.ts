/**
 * Sharding does not change what readers find: the same synthetic archive,
 * built once with its search index split into many shards and once as a
 * single index, answers the same queries with the same results, the same
 * counts, the same filter counts and the same newest-first order, in Chromium
 * through the real search page.
 */
import type { Browser, Page } from "playwright-core";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.ts";
import { astroBuild } from "../helpers/build.ts";
import { root } from "../helpers/paths.ts";
import { serveStatic, type StaticSite } from "../helpers/serve.ts";
import { scratchDir } from "../helpers/scratch.ts";

let sharded: StaticSite;
let single: StaticSite;
let shardCount = 0;
let browser: Browser;
let page: Page;

/** A date as the results show it ("05/03/2024", meta only: the text writes "5/3/2024"), of a day with articles. */
let metaOnlyDate = "";

beforeAll(async () => {
  const content = scratchDir("content");
  const corpus = spawnSync(process.execPath, ["scripts/corpus.ts", "--count", "200", "--out", content], { cwd: root });
  if (corpus.status !== 0) throw new Error(String(corpus.stderr));
  const dates = readdirSync(content, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(".md"))
    .map((file) => /^date: (\d{4})-(\d\d)-(\d\d)/mu.exec(readFileSync(path.join(content, file), "utf8")))
    .filter((match) => match !== null && (match[2]!.startsWith("0") || match[3]!.startsWith("0")));
  const [, year, month, day] = dates[0]!;
  metaOnlyDate = `${day}/${month}/${year}`;
  const many = astroBuild({ contentDir: content, env: { SEARCH_SHARD_TARGET: "15" } });
  const one = astroBuild({ contentDir: content, env: { SEARCH_SHARD_TARGET: "1000000" } });
  if (many.status !== 0 || one.status !== 0) throw new Error(many.output + one.output);
  const manifest = (dir: string) =>
    JSON.parse(readFileSync(path.join(dir, "pagefind/shards.json"), "utf8")) as { shards: unknown[] };
  shardCount = manifest(many.outDir).shards.length;
  expect(manifest(one.outDir).shards).toHaveLength(1);
  sharded = await serveStatic(many.outDir);
  single = await serveStatic(one.outDir);
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await sharded?.close();
  await single?.close();
});

interface Answer {
  status: string;
  /** Result links in the order shown, every page of results. */
  links: string[];
  /** Result dates in the order shown. */
  dates: string[];
  /** Filter name → value → count, as the filter panel shows them. */
  facets: Record<string, string>;
}

/** Searches on a site's search page and reads everything it shows, "Xem thêm" pressed until the end. */
async function answer(site: StaticSite, query: string): Promise<Answer> {
  await page.goto(`${site.url}tim-kiem/?${query}`);
  // Every shard has answered (the page's own mark), and the status line says so.
  await page.waitForFunction(
    () =>
      performance.getEntriesByName("search-done").length > 0 &&
      /^(\d[\d.]* kết quả|Không tìm thấy)/u.test(document.getElementById("search-status")?.textContent ?? ""),
    null,
    { timeout: 30_000 },
  );
  // Open the filter panel (unless a filter in the URL opened it) so that every shard's filter counts load;
  // that searches again, so wait until it has settled before paging through the results.
  // (No results: no filter to show.)
  const found = !(await page.textContent("#search-status"))?.startsWith("Không tìm thấy");
  if ((await page.getAttribute("#toggle-filters", "aria-expanded")) !== "true") await page.click("#toggle-filters");
  if (found) await page.waitForSelector("#search-filters input[type=checkbox]");
  await page.waitForLoadState("networkidle");
  const settled = () => page.evaluate(() => performance.getEntriesByName("search-done").length);
  for (let marks = await settled(); ;) {
    await page.waitForTimeout(300);
    const now = await settled();
    if (now === marks) break;
    marks = now;
  }
  while (await page.isVisible("#search-more")) {
    const before = await page.locator("#search-results > li").count();
    await page.click("#search-more");
    await page.waitForFunction((n) => document.querySelectorAll("#search-results > li").length > n, before);
  }
  return page.evaluate(() => ({
    status: document.getElementById("search-status")?.textContent ?? "",
    links: [...document.querySelectorAll("#search-results h2 a")].map((a) => a.getAttribute("href") ?? ""),
    dates: [...document.querySelectorAll("#search-results time")].map((t) => t.getAttribute("datetime") ?? ""),
    facets: Object.fromEntries(
      [...document.querySelectorAll("fieldset input[type=checkbox]")].map((box) => [
        `${(box as HTMLInputElement).name}=${(box as HTMLInputElement).value}`,
        box.closest("label")?.textContent?.replace(/\s+/g, " ").trim() ?? "",
      ]),
    ),
  }));
}

/** [what, URL query, fewest results the single index must give (0: none at all)] */
const queries: [string, string, number][] = [
  ["common syllables", `q=${encodeURIComponent("hội nghị")}&sap-xep=moi-nhat`, 11],
  ["without diacritics", `q=${encodeURIComponent("quan su")}&sap-xep=moi-nhat`, 11],
  ["a rare place", `q=${encodeURIComponent("dien tap khu vuc")}&sap-xep=moi-nhat`, 11],
  [
    "with a province filter",
    `q=${encodeURIComponent("tổng kết")}&tinh=${encodeURIComponent("Hà Giang")}&sap-xep=moi-nhat`,
    2,
  ],
  ["by relevance", `q=${encodeURIComponent("huấn luyện dân quân")}`, 11],
  // Words only a few shards have: the other shards must not answer with what the rest of the query matches.
  ["a word of few articles", `q=${encodeURIComponent("cheo")}&sap-xep=moi-nhat`, 1],
  ["a rare word beside common ones", `q=${encodeURIComponent("hội nghị cheo")}&sap-xep=moi-nhat`, 1],
  ["a date in the text", `q=${encodeURIComponent("15/10/2023")}&sap-xep=moi-nhat`, 1],
  // Pagefind also matches the meta fields (here the date as shown, which the text writes unpadded).
  ["a date only in the meta fields", "", 1],
  // "p" starts the root index's placeholder word too, in every shard's instance: it must not be counted.
  ["a single letter", "q=p&sap-xep=moi-nhat", 11],
  ["the older tone-mark style", `q=${encodeURIComponent("hoà bình")}&sap-xep=moi-nhat`, 1],
  ["the start of a word", `q=${encodeURIComponent("huấn luy")}&sap-xep=moi-nhat`, 11],
  // No word starts with it: the longest word it starts with stands for it ("huấn"), in every shard alike.
  ["a word past any indexed one", `q=${encodeURIComponent("huấnluyện dân quân")}&sap-xep=moi-nhat`, 1],
  // Pagefind takes a query in quotes as a phrase: the words in this order.
  ["a phrase in quotes", `q=${encodeURIComponent('"tổng kết"')}&sap-xep=moi-nhat`, 11],
  ["a word past a rare one", `q=cheoxyz&sap-xep=moi-nhat`, 1],
  // A word no article has is left out of the query, as by a single index.
  ["a word nowhere beside common ones", `q=${encodeURIComponent("hội nghị xyzqwv")}&sap-xep=moi-nhat`, 11],
  ["only a word nowhere", `q=xyzqwv&sap-xep=moi-nhat`, 0],
];

describe(`search over many shards, against one index`, () => {
  it("is built into several shards", () => {
    expect(shardCount).toBeGreaterThan(5);
  });

  for (const [label, given, fewest] of queries) {
    it(`finds the same articles, counts and filter counts: ${label}`, async () => {
      const query = given || `q=${encodeURIComponent(metaOnlyDate)}&sap-xep=moi-nhat`;
      const many = await answer(sharded, query);
      const one = await answer(single, query);
      if (fewest === 0) expect(one.links, one.status).toEqual([]);
      else expect(one.links.length, one.status).toBeGreaterThanOrEqual(fewest);
      expect(many.status).toBe(one.status);
      expect(new Set(many.links)).toEqual(new Set(one.links));
      expect(many.links).toHaveLength(one.links.length);
      expect(many.facets).toEqual(one.facets);
      if (query.includes("sap-xep=moi-nhat")) {
        // Newest first, both ways (articles of one day may come in either order).
        expect(many.dates).toEqual(one.dates);
        expect([...many.dates].sort().reverse()).toEqual(many.dates);
      } else {
        // By relevance, each shard scores with its own word statistics: the first page may differ a little.
        const top = new Set(one.links.slice(0, 10));
        const shared = many.links.slice(0, 10).filter((link) => top.has(link)).length;
        expect(shared, `top 10 in common: ${shared}`).toBeGreaterThanOrEqual(7);
      }
    });
  }
});

describe("search over many shards, one query after another", () => {
  it("runs Pagefind on the page, not in its web worker", async () => {
    // In the worker, every result of a query is freed with its own message once it is garbage: at
    // 100,000 articles a common word left ≈ 100,000 of them queued before the reader's next query.
    await answer(sharded, `q=${encodeURIComponent("hội nghị")}`);
    await answer(sharded, `q=${encodeURIComponent("quân sự")}`);
    const requested = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name));
    expect(requested.some((url) => url.includes("/pagefind/") && url.endsWith(".pf_fragment"))).toBe(true);
    expect(requested.filter((url) => url.includes("pagefind-worker"))).toEqual([]);
  });
  it("lets the page draw and take input between shards, even with every shard's data already fetched", async () => {
    await answer(sharded, `q=${encodeURIComponent("hội nghị")}`);
    // The same query again: nothing to fetch, so only the search itself can hand the page back its turn.
    const order = await page.evaluate(async () => {
      performance.clearMarks();
      const events: string[] = [];
      (document.getElementById("search") as HTMLFormElement).requestSubmit();
      setTimeout(() => events.push(performance.getEntriesByName("search-done").length ? "after" : "before"), 0);
      while (performance.getEntriesByName("search-done").length === 0) await new Promise((r) => setTimeout(r, 5));
      return events;
    });
    // A timer set when the search started ran before the last shard answered.
    expect(order).toEqual(["before"]);
  });
});
