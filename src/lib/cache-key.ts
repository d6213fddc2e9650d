/**
 * Cache keys of pages (page-cache.ts): a page in dist/ is kept instead of
 * rendered again when its key is what it was when the page was written. A key
 * is a hash of everything the page shows (the code that shows it counts
 * separately, in page-cache.ts's version). Articles count by
 * their id and content digest (not their text), so a key costs a few bytes
 * per article however long the articles are; content/people.yaml, which
 * decides who is who on every page, counts too.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { peopleFileFor } from "../domain/people-file.ts";
import { site } from "../site.ts";

const peopleFile = peopleFileFor(site.contentDir);
const peopleVersion = existsSync(peopleFile) ? readFileSync(peopleFile, "utf8") : "";

const hash = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 22);

/** A place, person or unit with its articles (domain/archive.ts Group). */
const isGroup = (value: object): value is { slug: string; items: unknown[] } =>
  "slug" in value && typeof value.slug === "string" && "items" in value && Array.isArray(value.items);

/**
 * Groups by the hash of their content, made once: every page of a person or place shows the whole group
 * (its name, districts, timeline), and hashing it again for each of its pages made the keys of a group
 * with n articles cost n²/20 (a province of 5,000 articles: 250 pages × 5,000 articles).
 */
const groupDigests = new WeakMap<object, string>();

function replacer(key: string, value: unknown): unknown {
  if (value instanceof Map || value instanceof Set) return [...value];
  if (typeof value !== "object" || value === null) return value;
  if ("digest" in value && "id" in value && "collection" in value) return `${String(value.id)}@${String(value.digest)}`;
  if (key !== "" && isGroup(value)) {
    let digest = groupDigests.get(value);
    if (digest === undefined) {
      digest = hash(JSON.stringify(value, replacer));
      groupDigests.set(value, digest);
    }
    return digest;
  }
  return value;
}

/** The cache key of a page showing `parts` (props, entries, lists …). */
export function cacheKey(...parts: unknown[]): string {
  return hash(JSON.stringify([peopleVersion, parts], replacer));
}

/** Each of `paths` with the cache key of its props: the key of a page that shows only its props. */
export const keyedByProps = <Path extends { props: unknown }>(paths: readonly Path[]) =>
  paths.map((path) => ({ ...path, cacheKey: cacheKey(path.props) }));
