/**
 * The importer: read → clean → extract → write, for every input, each
 * failure reported in one line without stopping the others.
 */
import path from "node:path";
import { bodyMarkdown } from "./write.ts";
import { articleFile, articlePath, ArchiveIndex, hash, writeArticle } from "./write.ts";
import { extractArticle, InputProblem, type ImportedArticle } from "./extract.ts";
import { listInputs, readInput } from "./read.ts";

export interface IngestOptions {
  paths: readonly string[];
  outDir: string;
  dryRun?: boolean;
  force?: boolean;
}

export type IngestResult =
  | {
      input: string;
      status: "created" | "updated" | "unchanged" | "edited" | "duplicate";
      file: string;
      /** For duplicates: the article it duplicates. */
      of?: string;
      article: ImportedArticle;
      body: string;
    }
  | { input: string; status: "failed"; problem: string };

export function runIngest(options: IngestOptions): IngestResult[] {
  const { files, problems } = listInputs(options.paths);
  const results: IngestResult[] = problems.map((p) => ({ input: p.input, status: "failed", problem: p.problem }));
  const index = ArchiveIndex.load(options.outDir);
  for (const file of files) {
    for (const raw of readInput(file)) {
      if ("problem" in raw) {
        results.push({ input: raw.input, status: "failed", problem: raw.problem });
        continue;
      }
      try {
        const { article, body } = extractArticle(raw);
        const target = articlePath(options.outDir, article);
        if (!target) throw new InputProblem("tiêu đề không tạo được tên tệp (không có chữ hay số nào)");
        const inputHash = hash(`${raw.url ?? ""}\n${raw.html ?? raw.text ?? ""}`);
        const text = articleFile(article, body, inputHash);
        const outcome = writeArticle(target, text, inputHash, article, index, {
          dryRun: options.dryRun ?? false,
          force: options.force ?? false,
        });
        results.push({
          input: raw.input,
          ...outcome,
          file: path.relative(process.cwd(), outcome.file),
          ...("of" in outcome && { of: path.relative(process.cwd(), outcome.of) }),
          article,
          body: bodyMarkdown(body),
        });
      } catch (error) {
        if (!(error instanceof InputProblem)) throw error;
        results.push({ input: raw.input, status: "failed", problem: error.message });
      }
    }
  }
  return results;
}
