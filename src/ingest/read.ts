/**
 * Read stage: the files and folders named on the command line to raw inputs.
 * `.txt` and `.html` are one article each; `.jsonl` is one article per line
 * (`{ url?, fetchedAt?, published?, text? | html? }`). Problems are reported
 * per input, in one line each; the other inputs go on.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { decodeBytes } from "../domain/encoding.ts";
import type { RawInput } from "./extract.ts";

/** The largest page accepted: a real article page is well under 1 MB. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const EXTENSIONS = new Set([".txt", ".html", ".htm", ".jsonl"]);

export interface ReadProblem {
  input: string;
  problem: string;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Every importable file under the given paths, sorted; folders are walked. */
export function listInputs(paths: readonly string[]): { files: string[]; problems: ReadProblem[] } {
  const files: string[] = [];
  const problems: ReadProblem[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      problems.push({ input: p, problem: "không tìm thấy tệp hay thư mục này" });
      continue;
    }
    if (stat.isDirectory()) {
      const found = readdirSync(p, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && EXTENSIONS.has(path.extname(e.name).toLowerCase()))
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
      files.push(...found);
    } else if (EXTENSIONS.has(path.extname(p).toLowerCase())) files.push(p);
    else
      problems.push({
        input: p,
        problem: `không nhập được loại tệp "${path.extname(p) || "(không đuôi)"}": chỉ .txt, .html, .jsonl`,
      });
  }
  return { files: [...new Set(files)], problems };
}

const DECODE_PROBLEM = {
  empty: "tệp rỗng",
  binary: "tệp nhị phân, không phải văn bản",
  "not-text": "không phải UTF-8 và không nhận ra bảng mã cũ (TCVN3, VNI): lưu lại tệp ở UTF-8",
} as const;

function fromJsonLine(input: string, line: string): RawInput | ReadProblem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { input, problem: "dòng không phải JSON hợp lệ" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { input, problem: "dòng phải là một đối tượng JSON" };
  const record = value as Record<string, unknown>;
  const text = typeof record.text === "string" ? record.text : undefined;
  const html = typeof record.html === "string" ? record.html : undefined;
  if (!text && !html) return { input, problem: 'thiếu "text" hoặc "html"' };
  if ((text ?? html)!.length > MAX_PAGE_BYTES)
    return { input, problem: `bài quá lớn (${mb((text ?? html)!.length)}, tối đa ${mb(MAX_PAGE_BYTES)})` };
  const str = (key: string) => (typeof record[key] === "string" && record[key] ? { [key]: record[key] as string } : {});
  return { input, ...(html ? { html } : { text: text! }), ...str("url"), ...str("fetchedAt"), ...str("published") };
}

/** Reads one input file into raw articles and problems. */
export function readInput(file: string): (RawInput | ReadProblem)[] {
  const extension = path.extname(file).toLowerCase();
  const size = statSync(file).size;
  if (extension !== ".jsonl" && size > MAX_PAGE_BYTES) {
    return [{ input: file, problem: `tệp quá lớn (${mb(size)}, tối đa ${mb(MAX_PAGE_BYTES)} cho một trang)` }];
  }
  const decoded = decodeBytes(readFileSync(file));
  if ("problem" in decoded) return [{ input: file, problem: DECODE_PROBLEM[decoded.problem] }];
  if (decoded.broken) return [{ input: file, problem: DECODE_PROBLEM["not-text"] }];
  const repair = decoded.repair ? { repair: decoded.repair } : {};
  if (extension === ".jsonl") {
    return decoded.text
      .split(/\r?\n/u)
      .map((line, i) => ({ line: line.trim(), input: `${file}:${i + 1}` }))
      .filter(({ line }) => line)
      .map(({ line, input }) => {
        const result = fromJsonLine(input, line);
        return "problem" in result ? result : { ...result, ...repair };
      });
  }
  if (extension === ".html" || extension === ".htm") return [{ input: file, html: decoded.text, ...repair }];
  return [{ input: file, text: decoded.text, ...repair }];
}
