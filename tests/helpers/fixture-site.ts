import { cpSync } from "node:fs";
import path from "node:path";
import { root } from "./paths.ts";
import { scratchDir } from "./scratch.ts";

/** Copies the bundled articles and the named fixture folders into one content folder. */
export function contentWith(...fixtures: string[]): string {
  const dir = scratchDir("content");
  cpSync(path.join(root, "content/articles"), dir, { recursive: true });
  for (const fixture of fixtures) cpSync(path.join(root, "tests/fixtures/content", fixture), dir, { recursive: true });
  return dir;
}
