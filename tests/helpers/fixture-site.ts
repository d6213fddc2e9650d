import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { astroBuild, type BuildResult } from "./build.ts";
import { root } from "./paths.ts";

/** Copies the bundled articles and the named fixture folders into one content folder. */
export function contentWith(...fixtures: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "bien-nien-content-"));
  cpSync(path.join(root, "content/articles"), dir, { recursive: true });
  for (const fixture of fixtures) cpSync(path.join(root, "tests/fixtures/content", fixture), dir, { recursive: true });
  return dir;
}

/** A real build of the bundled articles plus fixtures; throws with Astro's output when it fails. */
export function buildFixtureSite(fixtures: string[], env: Record<string, string> = {}): BuildResult {
  const build = astroBuild({ contentDir: contentWith(...fixtures), env });
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  return build;
}
