/**
 * Pages kept from the previous build. dist/ is kept between builds (src/integrations/output.ts), and a
 * page whose cache key (cache-key.ts: a hash of everything it shows) is what it was when the page in
 * dist/ was written is left there: its route's getStaticPaths leaves it out (`toRender`), so Astro
 * neither renders nor sees it. Every other page, and every page when there is no previous build, is
 * rendered.
 *
 * In place of Astro's experimental.incrementalBuild, which keeps a second copy of every page in its
 * cache and records what each page read: at 20,000 articles (36,555 pages) that took the pages of a
 * clean build from 19 s to 25 s (measured side by side).
 *
 * The output integration starts the cache when a build starts and ends it when the build has finished;
 * the pages run in the same process, from another bundle, so the state lives on globalThis. Outside a
 * build (astro dev) there is none, and every page is rendered.
 */

/** The state of one build. */
export interface PageCacheState {
  /** Cache key by path ("/bai-viet/2024/05/x/") of the pages in dist/ when the build started. */
  previous: Readonly<Record<string, string>>;
  /** The files in dist/ (paths under it, "/"-separated) when the build started. */
  inDist: Promise<ReadonlySet<string>>;
  /** Cache key by path of every page this build has (rendered or kept). */
  next: Record<string, string>;
  /** The paths of the pages kept. */
  kept: Set<string>;
}

const STATE = Symbol.for("bien-nien.page-cache");
type Holder = { [STATE]?: PageCacheState | undefined };

/** Starts (a state) or ends (undefined) this process's page cache. */
export function startPageCache(state: PageCacheState | undefined): void {
  (globalThis as Holder)[STATE] = state;
}

/** This build's page cache; undefined outside a build. */
export const pageCache = (): PageCacheState | undefined => (globalThis as Holder)[STATE];

/**
 * The path of a page of the route `pattern` (getStaticPaths' routePattern: "/dia-phuong/[...path]",
 * "/dia-phuong/[province]/rss.xml"), as Astro writes it with `trailingSlash: "always"`: each [name] and
 * [...name] replaced by its parameter (a missing rest parameter by nothing), and a page's path ending
 * with a slash ("/dia-phuong/ha-noi/"), a file's with its name ("/dia-phuong/ha-noi/rss.xml").
 */
export function pathOf(pattern: string, params: Readonly<Record<string, string | undefined>>): string {
  const filled = pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/gu, (_, name: string) => params[name] ?? "");
  const isFile = /\.[a-z\d]+$/iu.test(pattern);
  return `${filled}${isFile ? "" : "/"}`.replace(/\/{2,}/gu, "/");
}

/** The file in dist/ of the page at `pagePath`: a folder's index.html, or a file (rss.xml) as named. */
export const fileOf = (pagePath: string) => (pagePath.endsWith("/") ? `${pagePath}index.html` : pagePath).slice(1);

/**
 * The paths of the route `pattern` (getStaticPaths' routePattern) that this build renders: those
 * without a page in dist/ written under the same cache key. Records every key for the next build.
 */
export async function toRender<Params extends Record<string, string | undefined>, Props>(
  pattern: string,
  paths: readonly { params: Params; props?: Props; cacheKey: string }[],
): Promise<{ params: Params; props?: Props }[]> {
  const state = pageCache();
  const render = paths.map(({ params, props }) => ({ params, ...(props !== undefined && { props }) }));
  if (!state) return render;
  const inDist = await state.inDist;
  return render.filter((_, i) => {
    const { params, cacheKey } = paths[i]!;
    const pagePath = pathOf(pattern, params);
    state.next[pagePath] = cacheKey;
    const keep = state.previous[pagePath] === cacheKey && inDist.has(fileOf(pagePath));
    if (keep) state.kept.add(pagePath);
    return !keep;
  });
}
