/** RSS feeds: the newest articles of the archive, or of one province. */
import rss from "@astrojs/rss";
import { leadParagraph, truncate } from "../domain/summary.ts";
import { vi } from "../i18n/vi.ts";
import { site } from "../site.ts";
import { articleUrl, type ArticleEntry } from "./articles.ts";

/** How many articles a feed carries. */
export const FEED_SIZE = 50;

export function feed(title: string, items: readonly ArticleEntry[], siteUrl: URL | undefined) {
  return rss({
    title,
    description: vi.siteTagline,
    site: siteUrl ?? site.url,
    customData: `<language>${site.locale}</language>`,
    items: items.slice(0, FEED_SIZE).map(({ id, data, body }) => ({
      title: data.title,
      link: articleUrl(id),
      pubDate: data.date,
      description: truncate(data.summary ?? leadParagraph(body ?? ""), 300),
      ...(data.byline.length > 0 && { author: data.byline.join(", ") }),
      categories: [data.locality.province, ...(data.unit ? [data.unit] : [])],
    })),
  });
}
