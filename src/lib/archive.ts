/** The archive structure of src/domain/archive.ts over the article collection, built once per build. */
import { buildArchive, type Archive } from "../domain/archive.ts";
import { allArticles, type ArticleEntry } from "./articles.ts";

let cached: Promise<Archive<ArticleEntry>> | undefined;

export function archive(): Promise<Archive<ArticleEntry>> {
  cached ??= allArticles().then((articles) => buildArchive(articles));
  return cached;
}
