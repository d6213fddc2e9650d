/**
 * The CPU-bound part of importing one file: read, decode, extract, format.
 * Runs in the main thread for small imports and in worker threads for large
 * ones (see index.ts); it touches no shared state.
 */
import { extractArticle, InputProblem, type ImportedArticle } from "./extract.ts";
import { readInput } from "./read.ts";
import { articleFile, articlePath, bodyMarkdown, hash } from "./write.ts";

export type Prepared =
  | {
      input: string;
      ok: true;
      article: ImportedArticle;
      markdown: string;
      text: string;
      inputHash: string;
      target: string;
    }
  | { input: string; ok: false; problem: string };

/** Every article of one input file, ready to write, or the problem with it. */
export function prepareFile(file: string, outDir: string): Prepared[] {
  return readInput(file).map((raw): Prepared => {
    if ("problem" in raw) return { input: raw.input, ok: false, problem: raw.problem };
    try {
      const { article, body } = extractArticle(raw);
      const target = articlePath(outDir, article);
      if (!target) throw new InputProblem("tiêu đề không tạo được tên tệp (không có chữ hay số nào)");
      const inputHash = hash(`${raw.url ?? ""}\n${raw.html ?? raw.text ?? ""}`);
      const markdown = bodyMarkdown(body);
      return {
        input: raw.input,
        ok: true,
        article,
        markdown,
        text: articleFile(article, markdown, inputHash),
        inputHash,
        target,
      };
    } catch (error) {
      if (!(error instanceof InputProblem)) throw error;
      return { input: raw.input, ok: false, problem: error.message };
    }
  });
}
