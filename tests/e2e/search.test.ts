/**
 * Search in Chromium against a real build: the bundled articles plus a few
 * fixtures (an article written "Uỷ ban", a second Hà Giang article, a Yên
 * Bái one), served like a CDN would.
 */
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.ts";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { astroBuild } from "../helpers/build.ts";
import { contentWith } from "../helpers/fixture-site.ts";
import { serveStatic, type StaticSite } from "../helpers/serve.ts";

let site: StaticSite;
let browser: Browser;
let page: Page;
const errors: string[] = [];

/** Fifteen short articles of one day (so of one shard) that share one rare word, to page through results. */
function addShortArticles(dir: string): void {
  mkdirSync(path.join(dir, "2021/05"), { recursive: true });
  for (let i = 1; i <= 15; i++) {
    writeFileSync(
      path.join(dir, `2021/05/tin-ngan-so-${i}.md`),
      `---\ntitle: Tin ngắn số ${i} về diễn tập thủy chiến\ndate: 2021-05-15\nlocality:\n  province: Cà Mau\n---\n\nBài số ${i} kể về buổi diễn tập thủy chiến của dân quân.\n`,
    );
  }
}

beforeAll(async () => {
  const content = contentWith("search-extra");
  addShortArticles(content);
  // Small shards (a few articles each) so that every search runs across several of them.
  const build = astroBuild({ contentDir: content, env: { SEARCH_SHARD_TARGET: "1" } });
  if (build.status !== 0) throw new Error(build.output);
  site = await serveStatic(build.outDir);
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Waits until the status line reports a finished search (not "Đang tìm…" with partial results). */
async function settled(): Promise<string> {
  await page.waitForFunction(
    () => /^(\d[\d.]* kết quả|Không tìm thấy)/u.test(document.getElementById("search-status")?.textContent ?? ""),
    null,
    { timeout: 15_000 },
  );
  return (await page.textContent("#search-status")) ?? "";
}

async function searchFor(query: string): Promise<string[]> {
  await page.goto(`${site.url}tim-kiem/?q=${encodeURIComponent(query)}`);
  await settled();
  return page.$$eval("#search-results h2", (headings) => headings.map((h) => h.textContent ?? ""));
}

describe("search", () => {
  it('finds the Lâm Bình article first for "lam binh"', async () => {
    const titles = await searchFor("lam binh");
    expect(titles[0]).toMatch(/^Hội nghị Ban chấp hành Đảng bộ quân sự huyện/u);
  });

  it('finds the Mù Cang Chải article for "mu cang chai"', async () => {
    const titles = await searchFor("mu cang chai");
    expect(titles[0]).toBe("UBND huyện Mù Cang Chải triển khai nhiệm vụ Quân sự, Quốc phòng và An ninh năm 2024");
  });

  it('matches "Đảng ủy Quân sự" for "dang uy quan su" (đ folds to d)', async () => {
    const titles = await searchFor("dang uy quan su");
    expect(titles).toContain("Sơ kết thực hiện Quy chế phối hợp giữa Đảng ủy Quân sự tỉnh với các Huyện ủy, Thành ủy");
    expect(titles).toContain(
      "Đảng ủy Quân sự thành phố sơ kết giữa nhiệm kỳ thực hiện nghị quyết Đại hội Đảng bộ Quân sự thành phố Bắc Kạn",
    );
    const marks = await page.$$eval("#search-results mark", (m) => m.map((x) => x.textContent ?? ""));
    expect(marks.some((m) => /^Quân/u.test(m))).toBe(true);
  });

  it('finds both tone-mark styles for "uy ban": "Ủy ban" and "Uỷ ban"', async () => {
    const titles = await searchFor("uy ban");
    expect(titles).toContain("Uỷ ban nhân dân tỉnh Hà Giang tổ chức lễ giao nhận quân năm 2024");
    expect(titles).toContain("UBND huyện Mù Cang Chải triển khai nhiệm vụ Quân sự, Quốc phòng và An ninh năm 2024");
  });

  it("narrows results with a province filter, and its count is right", async () => {
    await searchFor("hội nghị");
    const before = await page.$$eval("#search-results li", (items) => items.length);
    expect(await page.isHidden("#search-filters")).toBe(true);
    await page.click("#toggle-filters");
    expect(await page.getAttribute("#toggle-filters", "aria-expanded")).toBe("true");
    const label = page.locator('fieldset[data-filter="tinh"] label', { hasText: "Hà Giang" });
    const shown = Number((await label.textContent())!.match(/\((\d+)\)/u)![1]);
    await label.locator("input").check();
    await page.waitForURL(/tinh=H%C3%A0\+Giang|tinh=Hà\+Giang/u);
    const status = await settled();
    const after = await page.$$eval("#search-results .meta", (metas) => metas.map((m) => m.textContent ?? ""));
    expect(after.length).toBeLessThan(before);
    expect(after.length).toBe(shown);
    expect(status).toContain(`${shown} kết quả`);
    for (const meta of after) expect(meta).toContain("Hà Giang");
  });

  it("restores a search, its filters and sort from the URL on reload", async () => {
    await page.goto(
      `${site.url}tim-kiem/?q=${encodeURIComponent("hội nghị")}&tinh=${encodeURIComponent("Hà Giang")}&sap-xep=moi-nhat`,
    );
    await settled();
    await page.reload();
    const status = await settled();
    expect(await page.inputValue("#q")).toBe("hội nghị");
    expect(await page.isChecked('fieldset[data-filter="tinh"] input[value="Hà Giang"]')).toBe(true);
    expect(await page.inputValue("#sap-xep")).toBe("moi-nhat");
    expect(status).toMatch(/^\d+ kết quả cho “hội nghị”$/u);
  });

  it("sorts newest first on request", async () => {
    await page.goto(`${site.url}tim-kiem/?q=${encodeURIComponent("quân sự")}&sap-xep=moi-nhat`);
    await settled();
    const dates = await page.$$eval("#search-results .meta span:first-child", (spans) =>
      spans.map((s) => (s.textContent ?? "").split("/").reverse().join("-")),
    );
    expect(dates.length).toBeGreaterThan(2);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("searches as the reader types, keeps it in the URL, and the back button returns to the previous search", async () => {
    await page.goto(`${site.url}tim-kiem/`);
    await page.focus("#q");
    await page.keyboard.type("mu cang chai");
    await settled();
    await page.waitForURL(/q=mu\+cang\+chai/u);
    await page.fill("#q", "lam binh");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=lam\+binh/u);
    await settled();
    await page.goBack();
    await page.waitForURL(/q=mu\+cang\+chai/u);
    await page.waitForFunction(() => (document.getElementById("q") as HTMLInputElement).value === "mu cang chai");
    expect(await settled()).toContain("mu cang chai");
  });

  it("works from the keyboard alone and announces the result count", async () => {
    await page.goto(`${site.url}`);
    await page.keyboard.press("Tab"); // skip link
    await page.keyboard.press("Tab"); // site name
    await page.keyboard.press("Tab"); // header search box
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search");
    await page.keyboard.type("mu cang chai");
    await page.keyboard.press("Enter");
    await page.waitForURL(/tim-kiem\/\?q=mu\+cang\+chai/u);
    expect(await settled()).toBe("1 kết quả cho “mu cang chai”");
    expect(await page.getAttribute("#search-status", "aria-live")).toBe("polite");
    expect(await page.getAttribute("#search-status", "role")).toBe("status");
  });

  it("shows ten results, then more on demand", async () => {
    expect(await searchFor("thủy chiến")).toHaveLength(10);
    expect(await page.textContent("#search-status")).toBe("15 kết quả cho “thủy chiến”");
    await page.click("#search-more");
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 15);
    expect(await page.isHidden("#search-more")).toBe(true);
  });

  it("shows a search's first results as their excerpts arrive, without waiting for the whole page", async () => {
    const context = await browser.newContext();
    const reader = await context.newPage();
    // Every excerpt is held back until released: all but the last one asked for (the tenth result's) first.
    const held: Route[] = [];
    await context.route(/\/pagefind\/.*\.pf_fragment$/u, (route) => void held.push(route));
    await reader.goto(`${site.url}tim-kiem/?q=${encodeURIComponent("thủy chiến")}`);
    // Until the ten are asked for and no more come.
    let asked = 0;
    for (let wait = 0; held.length < 10 || held.length > asked; wait++) {
      expect(wait, `${held.length} excerpts asked for, not 10`).toBeLessThan(40);
      asked = held.length;
      await reader.waitForTimeout(500);
    }
    expect(await reader.locator("#search-results > li").count()).toBe(0);
    const last = held.pop()!;
    for (const route of held) await route.continue();
    await reader.waitForFunction(() => document.querySelectorAll("#search-results > li").length === 9);
    // The status line says the count is not final yet: a reader (or a test) waiting for it sees the whole page.
    expect(await reader.textContent("#search-status")).toMatch(/^Đang tìm… 15 kết quả/u);
    expect(await reader.isHidden("#search-more")).toBe(true);
    await last.continue();
    await reader.waitForFunction(() => document.querySelectorAll("#search-results > li").length === 10);
    expect(await reader.textContent("#search-status")).toBe("15 kết quả cho “thủy chiến”");
    expect(await reader.isHidden("#search-more")).toBe(false);
    await context.close();
  });

  it("says so when more results cannot be fetched, and shows them once the connection is back", async () => {
    const context = await browser.newContext();
    const reader = await context.newPage();
    await reader.goto(`${site.url}tim-kiem/?q=${encodeURIComponent("thủy chiến")}`);
    await reader.waitForFunction(() =>
      /^15 kết quả/u.test(document.getElementById("search-status")?.textContent ?? ""),
    );
    expect(await reader.locator("#search-results > li").count()).toBe(10);
    const excerpts = /\/pagefind\/.*\.pf_fragment$/u;
    await context.route(excerpts, (route) => route.abort());
    await reader.click("#search-more");
    await reader.waitForFunction(() =>
      /kết nối mạng/u.test(document.getElementById("search-status")?.textContent ?? ""),
    );
    expect(await reader.locator("#search-results > li").count()).toBe(10);
    await context.unroute(excerpts);
    await reader.click("#search-more");
    await reader.waitForFunction(() => document.querySelectorAll("#search-results > li").length === 15);
    expect(await reader.textContent("#search-status")).toBe("15 kết quả cho “thủy chiến”");
    expect(await reader.isHidden("#search-more")).toBe(true);
    await context.close();
  });

  it("searches across several shards of the index", async () => {
    const response = await page.request.get(`${site.url}pagefind/shards.json`);
    const manifest = (await response.json()) as { shards: unknown[] };
    expect(manifest.shards.length).toBeGreaterThan(2);
  });

  it("ran without a script error", () => {
    expect(errors).toEqual([]);
  });

  it("says so when the connection drops during a search, and searches again once it is back", async () => {
    const context = await browser.newContext();
    const offline = await context.newPage();
    await offline.goto(`${site.url}tim-kiem/`);
    await offline.waitForLoadState("networkidle");
    // The results' excerpts cannot be fetched any more.
    const excerpts = /\/pagefind\/.*\.pf_fragment$/u;
    await context.route(excerpts, (route) => route.abort());
    await offline.fill("#q", "lam binh");
    await offline.press("#q", "Enter");
    await offline.waitForFunction(() =>
      /kết nối mạng/u.test(document.getElementById("search-status")?.textContent ?? ""),
    );
    await context.unroute(excerpts);
    await offline.press("#q", "Enter");
    await offline.waitForFunction(() =>
      /^\d+ kết quả/u.test(document.getElementById("search-status")?.textContent ?? ""),
    );
    expect(await offline.locator("#search-results > li").count()).toBeGreaterThan(0);
    await context.close();
  });

  /**
   * Searches "thủy chiến" in a fresh page while the index files `lost` cannot be fetched (from the page's
   * load on, or from just before the search): the search must say the connection failed, not that nothing
   * was found; then, with them back, it finds the 15 articles.
   */
  async function failsThenFinds(lost: RegExp, fromLoad: boolean): Promise<void> {
    const context = await browser.newContext();
    const reader = await context.newPage();
    if (fromLoad) await context.route(lost, (route) => route.abort());
    await reader.goto(`${site.url}tim-kiem/`);
    await reader.waitForLoadState("networkidle");
    if (!fromLoad) await context.route(lost, (route) => route.abort());
    await reader.fill("#q", "thủy chiến");
    await reader.press("#q", "Enter");
    // Whatever the search ends with: results, none, or a failure.
    await reader.waitForFunction(() =>
      /^(\d[\d.]* kết quả|Không tìm thấy|Không tải được)/u.test(
        document.getElementById("search-status")?.textContent ?? "",
      ),
    );
    expect(await reader.textContent("#search-status")).toMatch(/kết nối mạng/u);
    await context.unroute(lost);
    await reader.press("#q", "Enter");
    await reader.waitForFunction(() =>
      /^15 kết quả/u.test(document.getElementById("search-status")?.textContent ?? ""),
    );
    expect(await reader.locator("#search-results > li").count()).toBe(10);
    await context.close();
  }

  it("says so when a part of the index cannot be fetched, rather than finding nothing, and finds once it is back", async () => {
    // The fifteen "thủy chiến" articles are of one day, so of one shard: its word lists cannot be fetched.
    const manifest = (await (await page.request.get(`${site.url}pagefind/shards.json`)).json()) as {
      shards: { id: string; from: string; to: string }[];
    };
    const shard = manifest.shards.find(({ from, to }) => from <= "2021-05-15" && "2021-05-15" <= to)!;
    await failsThenFinds(new RegExp(`/pagefind/${shard.id}/index/[^/]+\\.pf_index$`, "u"), false);
  });

  it("says so when the list of shards a word is in did not arrive with the page, and finds once it is back", async () => {
    // The word index's filter list (which shard holds which words) is fetched as the page sets search up.
    await failsThenFinds(/\/pagefind\/words\/filter\/[^/]+\.pf_filter$/u, true);
  });

  it("says search needs JavaScript when it is off, and links to the archive", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site.url}tim-kiem/?q=lam+binh`);
    expect(await noJs.textContent("noscript + *, .notice").catch(() => null)).not.toBeNull();
    expect(await noJs.content()).toContain("Tìm kiếm cần JavaScript");
    const links = await noJs.$$eval(".notice a", (a) => a.map((x) => x.getAttribute("href")));
    expect(links).toEqual(["/luu-tru/", "/dia-phuong/", "/nhan-vat/", "/don-vi/"]);
    await context.close();
  });
});
