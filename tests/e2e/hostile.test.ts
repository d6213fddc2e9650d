/**
 * Hostile articles (tests/fixtures/content/hostile/: scripts, event handlers, javascript: and data: URLs,
 * frames, forms, styles, markup in every frontmatter field, invisible characters in names) are built
 * with the bundled ones and every page of the site is opened in Chromium **without** the
 * Content-Security-Policy (GitHub Pages ignores _headers): what keeps readers safe is the sanitising
 * and escaping alone. Every payload would set window.__pwned or open a dialog if it ran.
 */
import type { Browser, Page } from "playwright-core";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.ts";
import { astroBuild } from "../helpers/build.ts";
import { contentWith } from "../helpers/fixture-site.ts";
import { listFiles } from "../helpers/html.ts";
import { serveStatic, type StaticSite } from "../helpers/serve.ts";

let outDir: string;
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  const build = astroBuild({ contentDir: contentWith("hostile") });
  if (build.status !== 0) throw new Error(build.output);
  outDir = build.outDir;
  site = await serveStatic(outDir, "/", { headers: false });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens `url`, pokes at it the way a reader might, and reports what ran and what went wrong. */
async function visit(page: Page, url: string) {
  const problems: string[] = [];
  page.removeAllListeners();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: "load" });
  // Hover, focus and click what is there: handlers that need a reader's move get their chance.
  for (const selector of [".prose a", ".prose img", ".prose details", ".prose div", ".prose b"]) {
    const element = page.locator(selector).first();
    if ((await element.count()) > 0) {
      await element.hover({ timeout: 2000 }).catch(() => undefined);
      await element.focus({ timeout: 2000 }).catch(() => undefined);
    }
  }
  await page.waitForTimeout(50);
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned);
  return { problems, pwned };
}

describe("hostile content, served without the CSP", () => {
  it("runs no script from any article and logs no error, on every page of the site", async () => {
    const pages = listFiles(outDir)
      .filter((file) => file.endsWith(".html") && !file.startsWith("admin/"))
      .map(
        (file) =>
          "/" +
          file
            .split(path.sep)
            .join("/")
            .replace(/(^|\/)index\.html$/, "$1"),
      );
    expect(pages.length).toBeGreaterThan(40);
    const page = await browser.newPage();
    for (const url of pages) {
      const { problems, pwned } = await visit(page, new URL(url.slice(1), site.url).href);
      expect(pwned, url).toBeUndefined();
      expect(problems, url).toEqual([]);
    }
    await page.close();
  }, 240_000);

  it("keeps no handler, script, frame, form, style or unsafe URL in article bodies", async () => {
    const page = await browser.newPage();
    for (const slug of ["the-script-trong-bai", "thuoc-tinh-su-kien", "duong-dan-nguy-hiem", "khung-bieu-mau-kieu"]) {
      await page.goto(new URL(`bai-viet/2024/05/${slug}/`, site.url).href);
      const found = await page.evaluate(() => {
        const prose = document.querySelector(".prose")!;
        const all = [...prose.querySelectorAll("*")];
        return {
          handlers: all.flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith("on"))),
          styles: all.filter((el) => el.hasAttribute("style")).length,
          elements: [
            ...prose.querySelectorAll(
              "script, style, iframe, object, embed, form, input, button, meta, base, link, svg, math, template",
            ),
          ].map((el) => el.tagName),
          urls: all
            .flatMap((el) => ["href", "src"].map((a) => el.getAttribute(a) ?? ""))
            .filter((url) => url && !/^(https?:|\/)/.test(url)),
          ids: all.map((el) => el.id).filter((id) => id && !id.startsWith("user-content-")),
          text: prose.textContent ?? "",
        };
      });
      expect(found.handlers, slug).toEqual([]);
      expect(found.styles, slug).toBe(0);
      expect(found.elements, slug).toEqual([]);
      expect(found.urls, slug).toEqual([]);
      // An id from an article cannot take over the page's own (#main is the skip link's target).
      expect(found.ids, slug).toEqual([]);
      expect(found.text.length, slug).toBeGreaterThan(10);
    }
    // What articles need stays: links, tables, figures with captions, and code shown as text.
    await page.goto(new URL("bai-viet/2024/05/khung-bieu-mau-kieu/", site.url).href);
    expect(await page.locator(".prose table td").count()).toBe(2);
    expect(await page.locator(".prose figure figcaption").textContent()).toBe("Chú thích ảnh vẫn giữ");
    await page.goto(new URL("bai-viet/2024/05/duong-dan-nguy-hiem/", site.url).href);
    expect(await page.locator('.prose a[href="https://example.org/tin"]').textContent()).toBe("Liên kết thường");
    await page.goto(new URL("bai-viet/2024/05/the-script-trong-bai/", site.url).href);
    expect(await page.locator(".prose code").textContent()).toBe("<img src=x onerror=alert(1)>");
    await page.close();
  });

  it("shows frontmatter markup as text: title, summary, names without invisible characters", async () => {
    const page = await browser.newPage();
    await page.goto(new URL("bai-viet/2024/05/the-script-trong-bai/", site.url).href);
    expect(await page.locator("h1").textContent()).toContain("</script><script>window.__pwned = 'title'</script>");
    expect(await page.title()).toContain("</script><script>");
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as {
      headline: string;
    };
    expect(jsonLd.headline).toContain("</script>");
    // The zero-width space and the right-to-left override are gone from the official's name.
    expect(await page.locator("body").textContent()).toContain("Nguyễn Văn Hùng");
    expect(await page.locator("body").textContent()).not.toMatch(/[\u200b\u202e]/u);
    await page.close();
  });

  it("renders search results from a crafted article as text with highlights only", async () => {
    const page = await browser.newPage();
    const { problems } = await visit(page, new URL("tim-kiem/?q=pwned", site.url).href);
    const results = page.locator("#search-results article");
    await results.first().waitFor({ timeout: 15_000 });
    expect(await results.count()).toBeGreaterThan(0);
    const inResults = await page.evaluate(() => {
      const articles = [...document.querySelectorAll("#search-results article")];
      return {
        text: articles.map((a) => a.textContent).join("\n"),
        tags: [...new Set(articles.flatMap((a) => [...a.querySelectorAll("*")].map((el) => el.tagName.toLowerCase())))],
        pwned: (window as unknown as { __pwned?: string }).__pwned,
      };
    });
    expect(inResults.pwned).toBeUndefined();
    // The crafted title is found, and shown as the text it is.
    expect(inResults.text).toContain("<script>window.__pwned");
    expect(
      inResults.tags.filter(
        (tag) => !["li", "article", "h2", "h3", "a", "p", "mark", "time", "span", "ol", "ul", "div"].includes(tag),
      ),
    ).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
