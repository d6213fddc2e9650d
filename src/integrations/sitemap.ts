/**
 * Astro integration: the sitemap (sitemaps.org protocol): `sitemap-index.xml`, and `sitemap-0.xml`, … with
 * at most 45,000 addresses each, every page but those `exclude` matches (by path, without the base).
 * Written in place of @astrojs/sitemap, which sorts its list with `localeCompare(…, "en", { numeric: true })`,
 * setting up a collator for every comparison: 1.6 s of every publish at 20,000 articles (36,555 pages),
 * more than anything else after the pages. Here the addresses (ASCII) are sorted by code unit, once.
 * Rewritten on every build: src/integrations/output.ts tells a dist/ this cache built by its time.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { pageCache } from "../lib/page-cache.ts";

/** Addresses per sitemap file (the protocol allows 50,000). */
const PER_FILE = 45_000;

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const NAMESPACE = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/gu, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/** The sitemap files of `urls` (sorted, split), by file name. */
export function sitemapFiles(urls: readonly string[], siteRoot: string): Map<string, string> {
  const sorted = [...new Set(urls)].sort();
  const files = new Map<string, string>();
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i += PER_FILE) {
    const name = `sitemap-${parts.length}.xml`;
    parts.push(name);
    const entries = sorted.slice(i, i + PER_FILE).map((url) => `<url><loc>${escapeXml(url)}</loc></url>`);
    files.set(name, `${XML}<urlset ${NAMESPACE}>${entries.join("")}</urlset>`);
  }
  const index = parts.map((name) => `<sitemap><loc>${escapeXml(new URL(name, siteRoot).href)}</loc></sitemap>`);
  files.set("sitemap-index.xml", `${XML}<sitemapindex ${NAMESPACE}>${index.join("")}</sitemapindex>`);
  return files;
}

export default function sitemap({ exclude }: { exclude: RegExp }): AstroIntegration {
  let siteRoot = "";
  return {
    name: "bien-nien-sitemap",
    hooks: {
      "astro:config:done": ({ config }) => {
        if (!config.site) throw new Error("astro.config.mjs: `site` is needed for the sitemap");
        siteRoot = new URL(config.base.replace(/\/?$/u, "/"), config.site).href;
      },
      "astro:build:done": ({ dir, pages }) => {
        // The pages rendered, and those kept from the previous build (src/lib/page-cache.ts); Astro's list,
        // like this one, has no feeds (rss.xml) and other files, only pages (folders, "/…/").
        const kept = [...(pageCache()?.kept ?? [])].filter((pathname) => pathname.endsWith("/"));
        const urls = [...pages.map(({ pathname }) => pathname), ...kept]
          .map((pathname) => pathname.replace(/^\//u, ""))
          .filter((pathname) => !exclude.test(`/${pathname}`))
          .map((pathname) => new URL(pathname, siteRoot).href);
        for (const [name, xml] of sitemapFiles(urls, siteRoot)) writeFileSync(fileURLToPath(new URL(name, dir)), xml);
      },
    },
  };
}
