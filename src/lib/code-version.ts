/**
 * A version of some of the project's own files, for the keys of what a build keeps between runs (rendered
 * articles, search shards, pages): a change to one of those files must reach everything made with it.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The files of `entry` (a file or a folder, recursively), sorted; none when it does not exist. */
const filesOf = (entry: string): string[] =>
  !existsSync(entry)
    ? []
    : statSync(entry).isDirectory()
      ? readdirSync(entry, { recursive: true, withFileTypes: true })
          .filter((dirent) => dirent.isFile())
          .map((dirent) => path.join(dirent.parentPath, dirent.name))
          .sort()
      : [entry];

/** A hash of the path (from `root`) and content of every file of `entries` (files, or folders for all their files). */
export function codeVersion(root: string, entries: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of entries.flatMap((entry) => filesOf(path.join(root, entry)))) {
    hash
      .update(`${path.relative(root, file)}\0`)
      .update(readFileSync(file))
      .update("\0");
  }
  return hash.digest("hex").slice(0, 32);
}
