// @ts-check
import { defineConfig } from "astro/config";
import headers from "./src/integrations/headers.ts";
import output from "./src/integrations/output.ts";
import searchIndex from "./src/integrations/search.ts";
import sitemap from "./src/integrations/sitemap.ts";
import { site } from "./src/site.ts";

const siteUrl = new URL(site.url);

export default defineConfig({
  site: siteUrl.origin,
  // A site published under a path (https://example.org/archive/) gets that base.
  base: siteUrl.pathname,
  trailingSlash: "always",
  integrations: [
    headers(),
    // The search page, 404 and the editor are not content to list.
    sitemap({ exclude: /^\/(tim-kiem|404|admin)\/?$/u }),
    searchIndex({
      // Tests split a small archive into many shards to exercise the search across them.
      ...(process.env.SEARCH_SHARD_TARGET ? { shardTarget: Number(process.env.SEARCH_SHARD_TARGET) } : {}),
    }),
    // Last: keeps dist/ between builds, marks it incomplete until every integration above has finished.
    output(),
  ],
  // No inline scripts or styles: the Content-Security-Policy in public/_headers allows files from the site only.
  // Four pages rendered at a time. Since pages are written directly (src/integrations/page-writes.ts), writing no
  // longer overlaps rendering, and 1 measured the same as 4 (20,000 articles: 36.6 / 37.4 s against 36.5 / 37.4 s).
  build: { format: "directory", inlineStylesheets: "never", concurrency: 4 },
  vite: { build: { assetsInlineLimit: 0 } },
  cacheDir: site.cacheDir,
  // Astro's log without its two lines per page: a count instead (src/integrations/build-log.ts).
  logger: { entrypoint: "./src/integrations/build-log.ts" },
  // Writes .astro/collections/articles.schema.json (the article schema as JSON Schema) for frontmatter completion
  // in VS Code (the Astro extension, with "astro.content-intellisense" on in .vscode/settings.json).
  experimental: {
    contentIntellisense: true,
    // No incrementalBuild: pages whose cache key is unchanged are kept in dist/ (src/lib/page-cache.ts).
  },
});
