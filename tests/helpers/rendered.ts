/** Articles of a content folder read the way the build reads them (the article loader), for unit tests. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readArticles } from "../../src/markdown/article-loader.ts";
import { MANIFEST } from "../../src/markdown/rendered.ts";
import { renderedForSearch } from "../../src/search/records.ts";
import { scratchDir } from "./scratch.ts";

/** Reads and renders every article under `contentDir` into a scratch cache; returns that folder. */
export function renderedFolderOf(contentDir: string): string {
  const folder = scratchDir("rendered");
  const sources = readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      const bytes = readFileSync(file);
      const id = path.relative(contentDir, file).replace(/\.md$/u, "").split(path.sep).join("/");
      return { id, file, bytes, digest: createHash("sha256").update(bytes).digest("hex").slice(0, 16) };
    });
  const read = readArticles(sources, folder, (file) => file);
  const broken = read.filter((r) => "problems" in r);
  if (broken.length > 0) throw new Error(JSON.stringify(broken));
  const manifest = Object.fromEntries(
    read.map((r) => ("day" in r ? [r.id, { digest: r.digest, day: r.day }] : [r.id, undefined])),
  );
  writeFileSync(path.join(folder, MANIFEST), JSON.stringify(manifest));
  return folder;
}

/** Every article under `contentDir` as the search index gets them (see renderedFolderOf). */
export const articlesForSearch = (contentDir: string) => renderedForSearch(renderedFolderOf(contentDir));
