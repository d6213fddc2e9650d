/**
 * npm run build [-- astro build options]
 *
 * Runs `astro build`, passing its output through, and when it fails says why in words an editor can act
 * on: the disk is full, memory ran out, or something else (its message above). A failed build leaves
 * dist/BUILDING (src/integrations/output.ts): the folder must not be published, and the next build starts
 * from an empty one.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { INCOMPLETE_MARKER } from "../src/integrations/output.ts";
import { vi } from "../src/i18n/vi.ts";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const { values } = parseArgs({ args, options: { outDir: { type: "string" } }, strict: false });
const outDir = path.resolve(root, typeof values.outDir === "string" ? values.outDir : "dist");

const child = spawn(process.execPath, [path.join(root, "node_modules/astro/bin/astro.mjs"), "build", ...args], {
  cwd: root,
  env: { ASTRO_TELEMETRY_DISABLED: "1", ...process.env },
  stdio: ["inherit", "pipe", "pipe"],
});

/** The end of the output (its last 200,000 characters or a little more), where the reason for a failure is. */
const tail: string[] = [];
let tailLength = 0;
const keep = (text: string) => {
  tail.push(text);
  tailLength += text.length;
  // Whole chunks are dropped: cutting the joined text for each chunk copied 200,000 characters each time.
  while (tailLength - tail[0]!.length >= 200_000) tailLength -= tail.shift()!.length;
};
// Decoded as a stream: a Vietnamese letter split between two chunks stays one letter.
child.stdout.setEncoding("utf8");
child.stderr.setEncoding("utf8");
child.stdout.on("data", (chunk: string) => {
  process.stdout.write(chunk);
  keep(chunk);
});
child.stderr.on("data", (chunk: string) => {
  process.stderr.write(chunk);
  keep(chunk);
});

const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
  child.on("close", (c, s) => resolve([c, s])),
);
if (code !== 0) {
  const m = vi.build;
  const end = tail.join("");
  const reason = /ENOSPC|no space left on device/iu.test(end)
    ? m.diskFull
    : /heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY|Allocation failed|ENOMEM/iu.test(end) ||
        signal === "SIGKILL"
      ? m.outOfMemory
      : m.failed;
  const incomplete = existsSync(path.join(outDir, INCOMPLETE_MARKER));
  console.error(`\n${reason}${incomplete ? `\n${m.notPublishable(path.relative(process.cwd(), outDir) || ".")}` : ""}`);
  process.exit(code ?? 1);
}
