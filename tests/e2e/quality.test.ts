/**
 * Quality budgets over every page type of a real build: no axe-core
 * violation in Chromium, no html-validate error, and an article page that
 * costs at most 30 KB compressed.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { HtmlValidate } from "html-validate";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { astroBuild, type BuildResult } from "../helpers/build.ts";
import { launchChromium } from "../helpers/browser.ts";
import { listFiles, readPage } from "../helpers/html.ts";
import { serveStatic, type StaticSite } from "../helpers/serve.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let build: BuildResult;
let site: StaticSite;
let browser: Browser;

const ARTICLE = "bai-viet/2023/08/so-ket-thuc-hien-quy-che-phoi-hop-giua-dang-uy-quan-su-tinh-voi-cac-huyen-uy/";
/** One page of each type. */
const PAGES = [
  "",
  ARTICLE,
  "404.html",
  "tim-kiem/?q=hội+nghị",
  "luu-tru/",
  "luu-tru/2023/",
  "luu-tru/2023/11/",
  "dia-phuong/",
  "dia-phuong/ha-giang/",
  "dia-phuong/ha-giang/bac-me/",
  "nhan-vat/",
  "nhan-vat/to-tuan-anh/",
  "don-vi/",
  "don-vi/dang-uy-quan-su-tinh-ha-giang/",
];

beforeAll(async () => {
  build = astroBuild();
  if (build.status !== 0) throw new Error(build.output);
  site = await serveStatic(build.outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("accessibility (axe-core in Chromium)", () => {
  for (const scheme of ["light", "dark"] as const) {
    it(`finds no violation on any page type, ${scheme} mode`, async () => {
      // axe-core is injected as an inline script, which the site's CSP (tests/e2e/headers.test.ts) refuses.
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const url of PAGES) {
        await page.goto(`${site.url}${url}`);
        if (url.startsWith("tim-kiem")) {
          await page.waitForFunction(() => /^\d/u.test(document.getElementById("search-status")?.textContent ?? ""));
        }
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
            }
          ).axe;
          const result = await axe.run();
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        });
        problems.push(...violations.map((v) => `${url || "/"} — ${v}`));
      }
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});

describe("valid HTML (html-validate)", () => {
  it("reports no error on any page of the site", async () => {
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: {
        // Astro writes boolean attributes and void elements its own way; both are valid HTML.
        "void-style": "off",
        "no-trailing-whitespace": "off",
        // Long Vietnamese titles are content, not markup problems.
        "long-title": "off",
      },
    });
    const problems: string[] = [];
    for (const file of listFiles(build.outDir).filter((f) => f.endsWith(".html"))) {
      const report = await validator.validateString(readFileSync(path.join(build.outDir, file), "utf8"), file);
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${file}:${message.line}: ${message.ruleId} ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("page weight", () => {
  it("serves an article page in at most 30 KB compressed (HTML, CSS and JS, no images)", () => {
    const html = readFileSync(path.join(build.outDir, ARTICLE, "index.html"));
    const page = readPage(path.join(build.outDir, ARTICLE, "index.html"));
    const assets = page
      .all('link[rel="stylesheet"], script[src]')
      .map((el) => String(el.properties.href ?? el.properties.src))
      .map((href) => readFileSync(path.join(build.outDir, href)));
    const total = [html, ...assets].reduce((n, content) => n + gzipSync(content).length, 0);
    expect(total).toBeLessThanOrEqual(30 * 1024);
  });
});
