/** Reader comfort on an article page, in Chromium: text size remembered, high contrast, sharing. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { astroBuild } from "../helpers/build.ts";
import { launchChromium } from "../helpers/browser.ts";
import { serveStatic, type StaticSite } from "../helpers/serve.ts";

let site: StaticSite;
let browser: Browser;
let page: Page;
const article = "bai-viet/2023/08/so-ket-thuc-hien-quy-che-phoi-hop-giua-dang-uy-quan-su-tinh-voi-cac-huyen-uy/";
const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

beforeAll(async () => {
  const build = astroBuild();
  if (build.status !== 0) throw new Error(build.output);
  site = await serveStatic(build.outDir);
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("reader comfort", () => {
  it("enlarges the text with A+, remembers it on the next page, and resets with A", async () => {
    await page.goto(`${site.url}${article}`);
    const normal = await fontSize();
    await page.click('button[data-text-step="1"]');
    await page.click('button[data-text-step="1"]');
    expect(await fontSize()).toBeGreaterThan(normal * 1.2);
    await page.goto(`${site.url}`);
    expect(await fontSize()).toBeGreaterThan(normal * 1.2);
    await page.goto(`${site.url}${article}`);
    await page.click('button[data-text-step="0"]');
    expect(await fontSize()).toBe(normal);
  });

  it("switches to high contrast and says so to assistive technology", async () => {
    await page.goto(`${site.url}${article}`);
    await page.click("button[data-contrast]");
    expect(await page.getAttribute("button[data-contrast]", "aria-pressed")).toBe("true");
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toMatch(/rgb\((0, 0, 0|255, 255, 255)\)/u);
  });

  it("prints the article alone: no header, navigation, tools, related links or footer", async () => {
    await page.goto(`${site.url}${article}`);
    await page.emulateMedia({ media: "print" });
    for (const chrome of [".site-header", ".site-footer", ".breadcrumbs", ".reader-tools", ".related", ".prev-next"]) {
      expect(await page.isHidden(chrome), chrome).toBe(true);
    }
    expect(await page.isVisible(".article h1")).toBe(true);
    expect(await page.isVisible(".article .source")).toBe(true);
    await page.emulateMedia({ media: "screen" });
  });

  it("shares with plain links, and without JavaScript shows no dead buttons", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site.url}${article}`);
    expect(await noJs.isHidden(".reader-prefs")).toBe(true);
    const links = await noJs.$$eval(".share a", (a) => a.map((x) => x.getAttribute("href") ?? ""));
    expect(links).toEqual([
      expect.stringContaining(article),
      expect.stringMatching(/^mailto:\?subject=/u),
      expect.stringMatching(/^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=/u),
    ]);
    await context.close();
  });
});
