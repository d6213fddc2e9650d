/**
 * npm run bench:check -- [--count 10000] [--runs 5]
 *
 * Times `npm run check` (the whole command, Node start included) on a
 * synthetic archive of N articles, against a baseline that only reads every
 * file and parses its frontmatter (the floor any check pays), run alternately
 * so both see the same noise. Prints each run and the medians.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { count: { type: "string", default: "10000" }, runs: { type: "string", default: "5" } },
});
const count = Number(values.count);
const runs = Number(values.runs);
const root = path.resolve(import.meta.dirname, "..");
const scratch = mkdtempSync(path.join(tmpdir(), "bien-nien-bench-check-"));
const dir = path.join(scratch, "articles");

const node = (args: string[]) => {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  if (result.status !== 0 && result.status !== 1) throw new Error(result.stderr);
  return { seconds: (performance.now() - start) / 1000, output: result.stdout };
};

node(["scripts/corpus.ts", "--count", String(count), "--out", dir]);
if (!existsSync(dir)) throw new Error("corpus not written");
// The floor: read every article and parse its YAML, as check does, and nothing else.
const baseline = `
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readArticleText } from "./src/domain/frontmatter.ts";
let n = 0;
for (const f of readdirSync(${JSON.stringify(dir)}, { recursive: true }).map(String)) {
  if (f.endsWith(".md")) { readArticleText(readFileSync(path.join(${JSON.stringify(dir)}, f), "utf8")); n++; }
}
console.log(n);`;

const checks: number[] = [];
const floors: number[] = [];
for (let run = 1; run <= runs; run++) {
  const check = node(["scripts/check.ts", "--dir", dir]);
  const floor = node(["--input-type=module", "-e", baseline]);
  checks.push(check.seconds);
  floors.push(floor.seconds);
  console.log(
    `run ${run}: check ${check.seconds.toFixed(2)} s (${check.output.trim().split("\n").at(-1)}), read + parse ${floor.seconds.toFixed(2)} s`,
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `\n${count} articles, median of ${runs}: npm run check ${median(checks).toFixed(2)} s; read + parse only ${median(floors).toFixed(2)} s (×${(median(checks) / median(floors)).toFixed(2)})`,
);
rmSync(scratch, { recursive: true, force: true });
