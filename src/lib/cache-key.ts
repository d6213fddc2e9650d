/**
 * Cache keys for Astro's incremental builds (experimental.incrementalBuild): a
 * page is copied from the previous build instead of rendered when its key is
 * unchanged. A key is a hash of everything the page shows. Articles count by
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

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map || value instanceof Set) return [...value];
  if (typeof value === "object" && value !== null && "digest" in value && "id" in value && "collection" in value) {
    return `${String(value.id)}@${String(value.digest)}`;
  }
  return value;
}

/** The cache key of a page showing `parts` (props, entries, lists …). */
export function cacheKey(...parts: unknown[]): string {
  return createHash("sha256")
    .update(JSON.stringify([peopleVersion, parts], replacer))
    .digest("base64url")
    .slice(0, 22);
}
