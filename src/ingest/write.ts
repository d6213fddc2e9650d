/**
 * Write stage: an extracted article to its Markdown file, safely. The file
 * records a hash of what the importer wrote (`import.output`) and of the input
 * it came from (`import.input`), so a later run can tell an untouched import
 * (may be refreshed) from an article an editor has changed (never overwritten
 * without --force), and the same input from a second copy of an article.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { stringify } from "yaml";
import { articleFolder } from "../domain/article.ts";
import { parseArticleDate } from "../domain/dates.ts";
import { readArticleText } from "../domain/frontmatter.ts";
import { nameKey, slugify } from "../domain/text.ts";
import type { Block } from "./clean.ts";
import type { ImportedArticle } from "./extract.ts";

export const hash = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 16);

/**
 * One line of plain text as Markdown that reads back as the same text: every
 * character with a meaning in Markdown is escaped, and so is anything at the
 * start of the line that would open a heading, quote, list or block.
 * (mdast-util-to-markdown does this for any tree, at twenty times the cost,
 * which matters when importing a national archive; a test parses the output
 * back with remark to hold this to the same standard.)
 */
export function escapeMarkdown(text: string): string {
  // Web addresses are left whole: GFM links them as written, and a backslash would break them.
  const escaped = text
    .split(/((?:https?:\/\/|www\.)[^\s<>()]+[^\s<>().,;:!?"”’])/u)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\`*_[\]<>&|~!#]/gu, "\\$&")))
    .join("");
  // "1. " or "1) " opens an ordered list; "- ", "+ ", "= " and "> " open blocks.
  return escaped.replace(/^(\d+)([.)])/u, "$1\\$2").replace(/^([-+=:])/u, "\\$1");
}

/** The Markdown body: paragraphs, and captions as italic paragraphs (see remark-figure-captions). */
export function bodyMarkdown(blocks: readonly Block[]): string {
  const paragraphs = blocks.map((block) =>
    block.caption ? `*${escapeMarkdown(block.text)}*` : escapeMarkdown(block.text),
  );
  return `${paragraphs.join("\n\n")}\n`;
}

const yamlEngine = {
  parse: (text: string) => readArticleText(`---\n${text}\n---\n`).data,
  stringify: (data: object) => stringify(data, { lineWidth: 0 }),
};

/** The import block, always written last in the frontmatter. */
const IMPORT_BLOCK = /^import:\n {2}input: "[0-9a-f]+"\n {2}output: "[0-9a-f]+"\n/mu;

/** File text without its import block: what `import.output` hashes. */
const withoutImportBlock = (text: string): string => text.replace(IMPORT_BLOCK, "");

/** Frontmatter data in the written key order, empty lists left out. */
function frontmatter(article: ImportedArticle): Record<string, unknown> {
  const officials = article.officials.map(({ name, rank, titles, role }) => ({
    name,
    ...(rank && { rank }),
    ...(titles.length > 0 && { titles }),
    ...(role && { role }),
  }));
  return Object.fromEntries(
    Object.entries({ ...article, officials }).filter(([, value]) => !(Array.isArray(value) && value.length === 0)),
  );
}

/**
 * The whole article file. The import block goes last in the frontmatter; its
 * output hash covers the file as it would read without that block, which is
 * what `withoutImportBlock` gives back when the file is checked later.
 */
export function articleFile(article: ImportedArticle, markdown: string, inputHash: string): string {
  const text = matter.stringify(`\n${markdown}`, frontmatter(article), {
    engines: { yaml: yamlEngine },
  } as unknown as matter.GrayMatterOption<string, never>);
  const block = `import:\n  input: "${inputHash}"\n  output: "${hash(text)}"\n`;
  // The first "\n---\n" closes the frontmatter (the opening "---" starts the file).
  return text.replace("\n---\n", `\n${block}---\n`);
}

/** Where an article goes: content/articles/YYYY/MM/<slug>.md. Undefined when the title gives no slug. */
export function articlePath(outDir: string, article: ImportedArticle): string | undefined {
  const slug = slugify(article.title);
  const date = parseArticleDate(article.date);
  if (!slug || !date) return undefined;
  const file = path.resolve(outDir, articleFolder(date), `${slug}.md`);
  // A slug is ASCII letters, digits and hyphens, so this cannot leave outDir; checked all the same.
  return file.startsWith(path.resolve(outDir) + path.sep) ? file : undefined;
}

interface Known {
  file: string;
  inputHash?: string;
}

/** What is already in the output folder, for duplicate detection. */
export class ArchiveIndex {
  private byUrl = new Map<string, Known>();
  private byTitleDate = new Map<string, Known>();

  static load(outDir: string): ArchiveIndex {
    const index = new ArchiveIndex();
    if (!existsSync(outDir)) return index;
    for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
      const file = path.join(entry.parentPath, entry.name);
      try {
        const { data } = readArticleText(readFileSync(file, "utf8"));
        index.add(file, data);
      } catch {
        // An unreadable article is check's business, not the importer's.
      }
    }
    return index;
  }

  private static titleDateKey(title: unknown, date: unknown): string | undefined {
    const parsed = parseArticleDate(date);
    return typeof title === "string" && parsed
      ? `${nameKey(title)}|${articleFolder(parsed)}|${parsed.getTime()}`
      : undefined;
  }

  add(file: string, data: Record<string, unknown>): void {
    const source = data.source as { url?: unknown } | undefined;
    const imported = data.import as { input?: unknown } | undefined;
    const known: Known = { file, ...(typeof imported?.input === "string" && { inputHash: imported.input }) };
    if (typeof source?.url === "string") this.byUrl.set(source.url, known);
    const key = ArchiveIndex.titleDateKey(data.title, data.date);
    if (key) this.byTitleDate.set(key, known);
  }

  /** An existing article that is the same as `article` (same source URL, or same title and date), if any. */
  find(article: ImportedArticle): Known | undefined {
    const url = article.source?.url;
    const key = ArchiveIndex.titleDateKey(article.title, article.date);
    return (url ? this.byUrl.get(url) : undefined) ?? (key ? this.byTitleDate.get(key) : undefined);
  }
}

export type WriteOutcome =
  | { status: "created" | "updated"; file: string; written: Promise<void> }
  | { status: "unchanged" | "edited"; file: string }
  | { status: "duplicate"; file: string; of: string };

/**
 * Writes `text` to `file` atomically: a temporary file in the same folder,
 * then a rename, so a reader (or a crash) never sees half an article. The
 * write runs in the background; the caller awaits the promise.
 */
const madeDirs = new Set<string>();

async function writeAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/**
 * Decides what to do with one imported article and does it (unless dryRun):
 * create it, refresh an untouched import of the same input, leave an edited
 * article alone (unless force), skip a duplicate of another article.
 */
export function writeArticle(
  file: string,
  text: string,
  inputHash: string,
  article: ImportedArticle,
  index: ArchiveIndex,
  options: { dryRun: boolean; force: boolean },
): WriteOutcome {
  // The same article (by source URL, or title and date) from another input is a duplicate.
  const same = index.find(article);
  if (same && same.inputHash !== inputHash) return { status: "duplicate", file, of: same.file };
  let status: "created" | "updated" = "created";
  if (existsSync(file)) {
    const existing = readFileSync(file, "utf8");
    if (existing === text) return { status: "unchanged", file };
    const { data } = readArticleText(existing);
    const imported = data.import as { input?: string; output?: string } | undefined;
    const untouched = imported?.output !== undefined && hash(withoutImportBlock(existing)) === imported.output;
    if (!untouched && !options.force) return { status: "edited", file };
    status = "updated";
  }
  const written = options.dryRun ? Promise.resolve() : writeAtomic(file, text);
  index.add(file, { title: article.title, date: article.date, source: article.source, import: { input: inputHash } });
  return { status, file, written };
}
