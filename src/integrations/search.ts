/**
 * Astro integration: builds the Pagefind index at the end of every build, so
 * `npm run build` always leaves a fresh dist/pagefind/. Any indexing error
 * fails the build (a site with a broken search must not be published).
 */
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { readArticles, searchRecord } from "../search/records.ts";

export interface SearchOptions {
  /** Folder of Markdown articles. */
  contentDir: string;
}

export default function searchIndex(options: SearchOptions): AstroIntegration {
  let base = "/";
  return {
    name: "bien-nien/search",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
      },
      "astro:build:done": async ({ dir, logger }) => {
        const start = performance.now();
        const articles = readArticles(options.contentDir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: "vi" });
        if (!index) throw new Error(`Pagefind: ${errors.join("; ")}`);
        const problems = [...errors];
        // The index service takes records over a pipe: send them in batches rather than one round trip each.
        for (let i = 0; i < articles.length; i += 200) {
          const batch = articles.slice(i, i + 200).map((article) => index.addCustomRecord(searchRecord(article, base)));
          for (const response of await Promise.all(batch)) problems.push(...response.errors);
        }
        const written = await index.writeFiles({ outputPath: fileURLToPath(new URL("pagefind/", dir)) });
        problems.push(...written.errors);
        await pagefind.close();
        if (problems.length > 0) throw new Error(`Pagefind could not index the site:\n${problems.join("\n")}`);
        logger.info(`${articles.length} articles indexed in ${((performance.now() - start) / 1000).toFixed(1)} s`);
      },
    },
  };
}
