import type { APIRoute, GetStaticPaths } from "astro";
import type { PlaceGroup } from "../../../domain/archive.ts";
import { vi } from "../../../i18n/vi.ts";
import { archive } from "../../../lib/archive.ts";
import type { ArticleEntry } from "../../../lib/articles.ts";
import { cacheKey } from "../../../lib/cache-key.ts";
import { toRender } from "../../../lib/page-cache.ts";
import { FEED_SIZE, feed } from "../../../lib/feed.ts";
import { site } from "../../../site.ts";

/** A feed per province as published: /dia-phuong/<province>/rss.xml */
export const getStaticPaths = (async ({ routePattern }) => {
  const { provinces } = await archive();
  return toRender(
    routePattern,
    provinces.map((province) => ({
      params: { province: province.slug },
      props: { province },
      cacheKey: cacheKey(province.slug, province.items.slice(0, FEED_SIZE)),
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = (context) => {
  const { province } = context.props as { province: PlaceGroup<ArticleEntry> };
  return feed(`${site.name} — ${vi.places.provinceTitle(province.name)}`, province.items, context.site);
};
