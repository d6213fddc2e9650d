/** schema.org structured data for article pages. */
import type { Article } from "../domain/article.ts";
import { toMachineDate } from "../domain/dates.ts";
import { site } from "../site.ts";
import { placeLabel } from "./format.ts";

/** A schema.org NewsArticle for `article` published at `url`. */
export function newsArticleJsonLd(article: Article, url: string, description: string): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description,
    datePublished: toMachineDate(article.date),
    inLanguage: site.locale,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    ...(article.byline.length > 0 && {
      author: article.byline.map((name) => ({ "@type": "Person", name })),
    }),
    ...(article.source?.name && { publisher: { "@type": "Organization", name: article.source.name } }),
    ...(article.source?.url && { isBasedOn: article.source.url }),
    contentLocation: { "@type": "Place", name: placeLabel(article.locality) },
    ...(article.officials.length > 0 && {
      mentions: article.officials.map((official) => ({ "@type": "Person", name: official.name })),
    }),
    ...(article.tags.length > 0 && { keywords: article.tags.join(", ") }),
  };
}

/**
 * JSON for a <script type="application/ld+json"> element. "<" is escaped so a
 * title containing "</script>" cannot end the element early.
 */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
