/** The archive structure of src/domain/archive.ts over the article collection, built once per build. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildArchive, type Archive } from "../domain/archive.ts";
import { NO_RULES, peopleRules } from "../domain/people-file.ts";
import { site } from "../site.ts";
import { allArticles, type ArticleEntry } from "./articles.ts";

let cached: Promise<Archive<ArticleEntry>> | undefined;

/** content/people.yaml beside the articles folder, if there is one. */
function rules() {
  const file = path.join(path.dirname(path.resolve(site.contentDir)), "people.yaml");
  return existsSync(file) ? peopleRules(readFileSync(file, "utf8"), file) : NO_RULES;
}

export function archive(): Promise<Archive<ArticleEntry>> {
  cached ??= allArticles().then((articles) => buildArchive(articles, rules()));
  return cached;
}
