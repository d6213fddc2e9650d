import { describe, expect, it } from "vitest";
import { sitemapFiles } from "../../src/integrations/sitemap.ts";

const root = "https://bien-nien.example.org/luu-tru/";
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/gu)].map((m) => m[1]!);

describe("sitemap", () => {
  it("splits a large archive into files search engines accept (at most 45,000 addresses), listed by the index", () => {
    const urls = Array.from({ length: 45_001 }, (_, i) => `${root}bai-viet/2024/01/bai-${String(i).padStart(5, "0")}/`);
    const files = sitemapFiles([...urls].reverse(), root);
    expect([...files.keys()].sort()).toEqual(["sitemap-0.xml", "sitemap-1.xml", "sitemap-index.xml"]);
    expect(locs(files.get("sitemap-index.xml")!)).toEqual([`${root}sitemap-0.xml`, `${root}sitemap-1.xml`]);
    expect(locs(files.get("sitemap-0.xml")!)).toHaveLength(45_000);
    // Every address once, in order, whatever order the pages were built in.
    expect([...locs(files.get("sitemap-0.xml")!), ...locs(files.get("sitemap-1.xml")!)]).toEqual(urls);
  });

  it("escapes what XML does not allow in an address", () => {
    const xml = sitemapFiles([`${root}tim?a=1&b='2'`], root).get("sitemap-0.xml")!;
    expect(xml).toContain(`<loc>${root}tim?a=1&amp;b=&apos;2&apos;</loc>`);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><urlset')).toBe(true);
  });
});
