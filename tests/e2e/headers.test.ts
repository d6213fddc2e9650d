/**
 * The site as a CDN serves it: public/_headers applied the way Cloudflare
 * Pages and Netlify apply it, the Content-Security-Policy enforced in
 * Chromium, and the whole site, search included, under a base path.
 */
import type { Browser, Page } from "playwright-core";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.ts";
import { astroBuild } from "../helpers/build.ts";
import { headersFor, parseHeadersFile, type HeaderRule } from "../helpers/headers.ts";
import { listFiles } from "../helpers/html.ts";
import { serveStatic, type StaticSite } from "../helpers/serve.ts";

const BASE = "/archive/";
let outDir: string;
let rules: HeaderRule[];
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  // Published under a path: every link, asset, feed and the search index must carry it.
  const build = astroBuild({ env: { SITE_URL: `https://example.org${BASE}` } });
  if (build.status !== 0) throw new Error(build.output);
  outDir = build.outDir;
  rules = parseHeadersFile(readFileSync(path.join(outDir, "_headers"), "utf8"));
  site = await serveStatic(outDir, BASE);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** URL path of a built file, as a reader requests it. */
const urlPath = (file: string) =>
  BASE +
  file
    .split(path.sep)
    .join("/")
    .replace(/(^|\/)index\.html$/, "$1");

describe("_headers", () => {
  it("gives every page the CSP, short caching and the security headers, each once", () => {
    // The editor (/admin/) has a policy of its own, tested in admin.test.ts.
    const pages = listFiles(outDir).filter((file) => file.endsWith(".html") && !file.startsWith("admin/"));
    expect(pages.length).toBeGreaterThan(20);
    const policies = new Set<string>();
    for (const page of pages) {
      const headers = headersFor(rules, urlPath(page));
      expect(headers["content-security-policy"], urlPath(page)).toMatch(/^default-src 'none'; script-src 'self'/);
      expect(headers["cache-control"], urlPath(page)).toBe("public, max-age=120, must-revalidate");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
      policies.add(headers["content-security-policy"]!);
    }
    // One policy for the whole public site, however many rules repeat it.
    expect(policies.size).toBe(1);
  });

  it("caches fingerprinted assets and index chunks for a year, and revalidates what a deploy changes", () => {
    const files = listFiles(outDir).map(urlPath);
    const immutable = (file: string) => headersFor(rules, file)["cache-control"]?.includes("immutable") ?? false;
    const assets = files.filter((f) => f.startsWith(`${BASE}_astro/`));
    const chunks = files.filter((f) => /\/pagefind\/(?:[^/]+\/)?(index|fragment|filter)\//.test(f));
    expect(assets.length).toBeGreaterThan(2);
    expect(chunks.length).toBeGreaterThan(3);
    for (const file of [...assets, ...chunks]) {
      expect(headersFor(rules, file)["cache-control"], file).toBe("public, max-age=31536000, immutable");
    }
    const changing = files.filter((f) => /pagefind-entry\.json$|shards\.json$|pagefind\.js$|\.pagefind$/.test(f));
    expect(changing.length).toBeGreaterThan(3);
    for (const file of changing) expect(immutable(file), file).toBe(false);
  });
});

describe("sitemap under the base path", () => {
  it("lists every public page by its full address, and neither the search page, 404 nor the editor", () => {
    const index = readFileSync(path.join(outDir, "sitemap-index.xml"), "utf8");
    expect(index).toContain(`<loc>https://example.org${BASE}sitemap-0.xml</loc>`);
    const listed = new Set(
      [...readFileSync(path.join(outDir, "sitemap-0.xml"), "utf8").matchAll(/<loc>([^<]*)<\/loc>/gu)].map((m) => m[1]!),
    );
    const pages = listFiles(outDir)
      .filter((file) => file.endsWith("index.html"))
      .map((file) => `https://example.org${urlPath(file)}`);
    const hidden = /\/archive\/(tim-kiem|admin)\/$/u;
    expect(pages.filter((page) => !hidden.test(page) && !listed.has(page))).toEqual([]);
    expect([...listed].filter((url) => hidden.test(url) || url.includes("404"))).toEqual([]);
    expect(listed.size).toBe(pages.filter((page) => !hidden.test(page)).length);
  });
});

describe("in Chromium, under the CSP and the base path", () => {
  let page: Page;
  const problems: string[] = [];
  const failed: string[] = [];

  beforeAll(async () => {
    page = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
  });

  it("serves the policy and enforces it: an injected inline script does not run", async () => {
    const response = await page.goto(site.url);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self' 'wasm-unsafe-eval'");
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    // The refusal is the one console error expected here.
    expect(problems.splice(0).every((p) => /Content Security Policy/.test(p))).toBe(true);
  });

  it("reads an article with its styles and reader tools, every link and asset under the base path", async () => {
    await page.goto(site.url);
    const first = page.locator(".article-list a").first();
    expect(await first.getAttribute("href")).toMatch(/^\/archive\/bai-viet\/\d{4}\/\d{2}\/[a-z0-9-]+\/$/);
    await first.click();
    await page.waitForLoadState("load");
    expect(page.url()).toContain("/archive/bai-viet/");
    // The stylesheet applied (the page is laid out, not unstyled), and the text-size script runs.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toBe("");
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    await page.click("button[data-text-step='1']");
    expect(await page.evaluate(() => document.documentElement.dataset.text)).toBe("1");
    const hrefs = await page.$$eval("a[href^='/'], link[href^='/'], script[src^='/']", (elements) =>
      elements.map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? ""),
    );
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect(href, href).toMatch(/^\/archive\//);
    expect(failed).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("searches (Pagefind's WebAssembly allowed) and links results under the base path", async () => {
    await page.goto(`${site.url}tim-kiem/?q=${encodeURIComponent("mu cang chai")}`);
    await page.waitForFunction(
      () => /kết quả/u.test(document.getElementById("search-status")?.textContent ?? ""),
      null,
      {
        timeout: 15_000,
      },
    );
    const links = await page.$$eval("#search-results a", (anchors) => anchors.map((a) => a.getAttribute("href")));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^\/archive\/bai-viet\//);
    await page.click("#search-results a");
    await page.waitForLoadState("load");
    expect(await page.textContent("h1")).toMatch(/Mù Cang Chải/u);
    expect(failed).toEqual([]);
    expect(problems).toEqual([]);
  });
});
