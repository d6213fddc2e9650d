import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";

/** Every file below `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

export interface Page {
  tree: Root;
  html: string;
  one(selector: string): Element | undefined;
  all(selector: string): Element[];
  text(selector: string): string;
}

/** A built page, parsed. */
export function readPage(file: string): Page {
  const html = readFileSync(file, "utf8");
  const tree = fromHtml(html);
  return {
    tree,
    html,
    one: (selector) => select(selector, tree),
    all: (selector) => selectAll(selector, tree),
    text: (selector) => {
      const node = select(selector, tree);
      return node ? toText(node).replace(/\s+/g, " ").trim() : "";
    },
  };
}
