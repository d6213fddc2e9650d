/**
 * npm run ingest -- <file|dir>... [--out content/articles] [--dry-run] [--json] [--force]
 *
 * Imports scraped pages (.txt, .html, .jsonl) as Markdown articles. Prints a
 * summary table (or, with --json, one JSON object per article on stdout and
 * the table on stderr) and exits 1 when any input failed.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { runIngest, type IngestResult } from "../src/ingest/index.ts";
import { site } from "../src/site.ts";

const STATUS = {
  created: "mới",
  updated: "cập nhật",
  unchanged: "không đổi",
  edited: "bỏ qua: biên tập viên đã sửa bài (dùng --force để ghi đè)",
  duplicate: "bỏ qua: trùng",
  failed: "lỗi",
} as const;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: "string", default: site.contentDir },
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.error(
      "Cách dùng: npm run ingest -- <tệp|thư mục>... [--out content/articles] [--dry-run] [--json] [--force]",
    );
    return values.help ? 0 : 2;
  }
  // npm runs scripts from the project root; paths typed by the user are relative to where they typed them.
  const here = process.env.INIT_CWD ?? process.cwd();
  const results = await runIngest({
    paths: positionals.map((p) => path.resolve(here, p)),
    outDir: values.out === site.contentDir ? values.out : path.resolve(here, values.out),
    dryRun: values["dry-run"],
    force: values.force,
  });
  const report = values.json ? console.error : console.log;
  for (const result of results) {
    if (values.json && result.status !== "failed") {
      const { article, body, input } = result;
      process.stdout.write(`${JSON.stringify({ ...article, body, input })}\n`);
    }
    report(line(result));
  }
  const failed = results.filter((r) => r.status === "failed").length;
  const counts = Object.entries(STATUS)
    .map(([status, label]) => [label.split(":")[0], results.filter((r) => r.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${label}`);
  report(
    `\n${results.length} đầu vào: ${counts.join(", ")}${values["dry-run"] ? " (chạy thử, không ghi tệp nào)" : ""}`,
  );
  return failed > 0 ? 1 : 0;
}

function line(result: IngestResult): string {
  if (result.status === "failed") return `✗ ${result.input}: ${result.problem}`;
  const { article } = result;
  const place = [article.locality.district, article.locality.province].filter(Boolean).join(", ");
  const status = result.status === "duplicate" ? `${STATUS.duplicate} với ${result.of}` : STATUS[result.status];
  const review = article.review.length ? ` · ${article.review.length} mục cần kiểm tra` : "";
  return `✓ ${result.input} → ${result.file} [${status}] · ${article.date} · ${place} · ${article.officials.length} đại biểu${review}`;
}

try {
  process.exitCode = await main();
} catch (error) {
  // An unexpected failure still gets one line, not a stack trace (set DEBUG=1 for it).
  console.error(`Lỗi không mong đợi: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG) console.error(error);
  process.exitCode = 1;
}
