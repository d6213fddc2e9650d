import { spawnSync } from "node:child_process";
import path from "node:path";
import { root } from "./paths.ts";
import { scratchDir } from "./scratch.ts";

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/**
 * Runs a real `astro build` of the project into a fresh temporary folder,
 * with its own content cache so that builds never share state; or, given
 * `work`, into that folder again (its dist/ and cache/), as a rebuild does.
 */
export function astroBuild(
  options: { contentDir?: string; env?: Record<string, string>; work?: string } = {},
): BuildResult & { work: string } {
  const work = options.work ?? scratchDir("build");
  const outDir = path.join(work, "dist");
  const result = spawnSync(
    process.execPath,
    // What `npm run build` runs.
    [path.join(root, "scripts/build.ts"), "--outDir", outDir],
    {
      cwd: root,
      encoding: "utf8",
      env: {
        // Not Vitest's own variables (NODE_ENV=test, BASE_URL, MODE …): a build sees what `npm run build` sees.
        ...Object.fromEntries(
          Object.entries(process.env).filter(([key]) => !/^(NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR|VITEST.*)$/.test(key)),
        ),
        ASTRO_TELEMETRY_DISABLED: "1",
        NO_COLOR: "1",
        CACHE_DIR: path.join(work, "cache"),
        ...(options.contentDir ? { CONTENT_DIR: options.contentDir } : {}),
        ...options.env,
      },
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir, work };
}
