/**
 * The page cache (src/lib/page-cache.ts): which pages a route leaves out because dist/ already holds them
 * as they would be rendered. The build tests (tests/build/incremental.test.ts) check whole rebuilds.
 */
import { afterEach, describe, expect, it } from "vitest";
import { fileOf, pageCache, pathOf, startPageCache, toRender } from "../../src/lib/page-cache.ts";

afterEach(() => startPageCache(undefined));

describe("the page cache", () => {
  it("names a page's path and file as Astro writes them (trailing slash, folder index)", () => {
    const article = pathOf("/bai-viet/[year]/[month]/[slug]", { year: "2024", month: "05", slug: "hoi-nghi" });
    expect(article).toBe("/bai-viet/2024/05/hoi-nghi/");
    expect(fileOf(article)).toBe("bai-viet/2024/05/hoi-nghi/index.html");
    // A rest parameter: missing (the route's index) or several segments.
    expect(pathOf("/dia-phuong/[...path]", { path: undefined })).toBe("/dia-phuong/");
    expect(pathOf("/dia-phuong/[...path]", { path: "ha-noi/trang-2" })).toBe("/dia-phuong/ha-noi/trang-2/");
    // A file route (a feed): its own name, no folder.
    const feed = pathOf("/dia-phuong/[province]/rss.xml", { province: "ha-noi" });
    expect(feed).toBe("/dia-phuong/ha-noi/rss.xml");
    expect(fileOf(feed)).toBe("dia-phuong/ha-noi/rss.xml");
  });

  it("renders every page outside a build (astro dev)", async () => {
    const paths = [{ params: { slug: "a" }, props: { n: 1 }, cacheKey: "k" }];
    expect(await toRender("/x/[slug]", paths)).toEqual([{ params: { slug: "a" }, props: { n: 1 } }]);
  });

  it("leaves out a page only when dist/ has its file and its key is unchanged, and records every key", async () => {
    startPageCache({
      previous: { "/x/same/": "k1", "/x/changed/": "k1", "/x/gone/": "k1" },
      inDist: Promise.resolve(new Set(["x/same/index.html", "x/changed/index.html"])),
      next: {},
      kept: new Set(),
    });
    const paths = ["same", "changed", "gone", "new"].map((slug) => ({
      params: { slug },
      cacheKey: slug === "changed" ? "k2" : "k1",
    }));
    const rendered = await toRender("/x/[slug]", paths);
    expect(rendered.map((p) => p.params.slug)).toEqual(["changed", "gone", "new"]);
    expect([...pageCache()!.kept]).toEqual(["/x/same/"]);
    expect(pageCache()!.next).toEqual({ "/x/same/": "k1", "/x/changed/": "k2", "/x/gone/": "k1", "/x/new/": "k1" });
  });
});
