/** RSS feeds: the newest articles of the archive, or of one province. */
import rss from "@astrojs/rss";
import { truncate } from "../domain/summary.ts";
import { vi } from "../i18n/vi.ts";
import { site } from "../site.ts";
import { articleLead, articleUrl, type ArticleEntry } from "./articles.ts";

/** How many articles a feed carries. */
export const FEED_SIZE = 50;

export function feed(title: string, items: readonly ArticleEntry[], siteUrl: URL | undefined) {
  return rss({
    title,
    description: vi.siteTagline,
    site: siteUrl ?? site.url,
    customData: `<language>${site.locale}</language>`,
    items: items.slice(0, FEED_SIZE).map((entry) => ({
      title: entry.data.title,
      link: articleUrl(entry.id),
      pubDate: entry.data.date,
      description: truncate(articleLead(entry), 300),
      ...(entry.data.byline.length > 0 && { author: entry.data.byline.join(", ") }),
      categories: [entry.data.locality.province, ...(entry.data.unit ? [entry.data.unit] : [])],
    })),
  });
}
