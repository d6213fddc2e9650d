/**
 * npm run corpus -- --count N --out DIR
 *
 * Writes a deterministic synthetic archive of N articles as DIR/YYYY/MM/<slug>.md,
 * valid under the article schema, for tests and benchmarks.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus, sentencePool } from "../src/corpus/generate.ts";
import { readArticleText } from "../src/domain/frontmatter.ts";
import { site } from "../src/site.ts";

const { values } = parseArgs({ options: { count: { type: "string", default: "1000" }, out: { type: "string" } } });
const count = Number(values.count);
if (!values.out || !Number.isInteger(count) || count < 1) {
  console.error("Cách dùng: npm run corpus -- --count N --out THƯ_MỤC");
  process.exit(2);
}
const here = process.env.INIT_CWD ?? process.cwd();
const out = path.resolve(here, values.out);
const contentDir = path.resolve(import.meta.dirname, "..", site.contentDir);
const bodies = readdirSync(contentDir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith(".md"))
  .map((e) => readArticleText(readFileSync(path.join(e.parentPath, e.name), "utf8")).body);

const start = performance.now();
const made = new Set<string>();
let written = 0;
for (const article of generateCorpus(count, sentencePool(bodies))) {
  const file = path.join(out, article.path);
  const dir = path.dirname(file);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  writeFileSync(file, article.text);
  written++;
}
console.log(`${written} bài viết → ${out} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
