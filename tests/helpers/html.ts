import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { expect } from "vitest";

/** Every file below `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Every file below `dir` with its bytes, by relative path. */
export function readTree(dir: string): Map<string, Buffer> {
  return new Map(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file))]));
}

/** Asserts two folders hold the same files, byte for byte (naming the first that differs). */
export function expectSameTree(dir: string, expected: Map<string, Buffer>): void {
  const actual = readTree(dir);
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [file, bytes] of actual) expect(bytes.equals(expected.get(file)!), file).toBe(true);
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
