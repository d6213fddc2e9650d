/**
 * Site configuration, in one place. astro.config.mjs, layouts and scripts read it.
 * `SITE_URL`, `CONTENT_DIR` and `CACHE_DIR` may be overridden from the environment (deploy
 * previews, test fixtures); everything else is edited here.
 */

const env = typeof process === "undefined" ? {} : process.env;

export const site = {
  /** Shown in the header, titles and feeds. */
  name: "Biên niên",
  /** Absolute address the site is published at, with its base path; canonical URLs start with it. */
  url: env.SITE_URL ?? "https://bien-nien.example.org/",
  /** BCP 47 language tag of every page. */
  locale: "vi",
  /** Open Graph locale. */
  ogLocale: "vi_VN",
  /** Articles per list page. */
  pageSize: 20,
  /** Folder of Markdown articles, relative to the project root. */
  contentDir: env.CONTENT_DIR ?? "content/articles",
  /**
   * The build's cache (content store, rendered articles, search shards and page keys of the last build), relative
   * to the project root. `CACHE_DIR` gives concurrent builds (tests, benchmarks) their own.
   */
  cacheDir: env.CACHE_DIR ?? "node_modules/.astro",
  /**
   * The browser editor (/admin/) commits to this GitHub repository; GitHub Actions' own
   * GITHUB_REPOSITORY is used when building there.
   */
  cms: {
    repo: env.CMS_REPO ?? env.GITHUB_REPOSITORY ?? "your-org/bien-nien",
    branch: env.CMS_BRANCH ?? "main",
  },
} as const;
