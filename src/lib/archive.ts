/** The archive structure of src/domain/archive.ts over the article collection, built once per build. */
import { existsSync, readFileSync } from "node:fs";
import { buildArchive, type Archive } from "../domain/archive.ts";
import { NO_RULES, peopleFileFor, peopleRules } from "../domain/people-file.ts";
import { nameKey } from "../domain/text.ts";
import { site } from "../site.ts";
import { allArticles, type ArticleEntry } from "./articles.ts";

let cached: Promise<Archive<ArticleEntry>> | undefined;

/** content/people.yaml beside the articles folder, if there is one. */
function rules() {
  const file = peopleFileFor(site.contentDir);
  return existsSync(file) ? peopleRules(readFileSync(file, "utf8"), file) : NO_RULES;
}

export function archive(): Promise<Archive<ArticleEntry>> {
  cached ??= allArticles().then((articles) => buildArchive(articles, rules()));
  return cached;
}

/**
 * What an article page shows besides the article: the pages it links to (looked up by key, never by a
 * scan) and its neighbours. One place, for the page and for its cache key.
 */
export function articleLinks(site: Archive<ArticleEntry>, entry: ArticleEntry) {
  const { locality, officials, unit } = entry.data;
  return {
    province: site.provinceByKey.get(nameKey(locality.province)),
    district: locality.district
      ? site.districtByKey.get(`${nameKey(locality.province)}|${nameKey(locality.district)}`)
      : undefined,
    /** The page of each official, in the order of `officials`. */
    people: officials.map((o) => site.personByKey.get(nameKey(site.identify(entry, o.name)))),
    unit: unit ? site.unitByKey.get(nameKey(unit)) : undefined,
    related: site.related.get(entry.id) ?? [],
    previous: site.previous.get(entry.id),
    next: site.next.get(entry.id),
  };
}
