/**
 * npm run check [-- --strict] [--json] [--dir content/articles]
 *
 * Checks every article and prints every problem at once, grouped by file.
 * Exits 1 when there is an error (or, with --strict, any warning), else 0.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { checkArchive, formatReport } from "../src/check/check.ts";
import { peopleFileFor } from "../src/domain/people-file.ts";
import { site } from "../src/site.ts";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: site.contentDir },
    strict: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log("Cách dùng: npm run check [-- --strict] [--json] [--dir content/articles]");
  process.exit(0);
}
const started = performance.now();
const contentDir = path.resolve(values.dir);
const report = await checkArchive({
  contentDir,
  peopleFile: peopleFileFor(contentDir),
  ...(process.env.CHECK_NOW && { now: new Date(process.env.CHECK_NOW) }),
});
if (values.json) console.log(JSON.stringify(report, null, 2));
else console.log(formatReport(report, (performance.now() - started) / 1000));
const failing = report.problems.filter((p) => values.strict || p.severity === "error");
process.exitCode = failing.length > 0 ? 1 : 0;
