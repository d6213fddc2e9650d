/**
 * `npm run check`: every problem of the archive at once, for editors. Reads
 * each article with our own YAML reader (strict YAML 1.2: `2023-13-45` stays
 * text and is rejected, where the build's reader would roll it over to a valid
 * date), validates it with the article schema, and adds what the schema cannot
 * see: the file's place, duplicates across files, places against the
 * gazetteer, future dates and the importer's review notes.
 */
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { inWorkerShares } from "../lib/worker-shares.ts";
import { articlePathProblems, articleSchema, type Article } from "../domain/article.ts";
import { toVnIso, vnParts } from "../domain/dates.ts";
import {
  FrontmatterError,
  FrontmatterSyntaxError,
  readArticleDocument,
  type ArticleDocument,
} from "../domain/frontmatter.ts";
import { foldKey, gazetteer, group, type District } from "../domain/gazetteer.ts";
import { peopleRules } from "../domain/people-file.ts";
import { absorbedProvinces, provinceToday } from "../domain/places.ts";
import { closest, nameKey, nfc } from "../domain/text.ts";
import { vi } from "../i18n/vi.ts";

const m = vi.check;

export type Severity = "error" | "warning";

export interface Problem {
  /** Path relative to the project root (or as given). */
  file: string;
  line?: number;
  /** Frontmatter field in dot notation: "locality.province", "officials.2.rank". */
  field?: string;
  severity: Severity;
  message: string;
}

export interface CheckOptions {
  /** Folder of articles, YYYY/MM/<slug>.md. */
  contentDir: string;
  /** content/people.yaml, when there is one. */
  peopleFile?: string;
  /** "Now", for dates in the future (tests pin it). */
  now?: Date;
  /** How file names are shown: relative to this folder. */
  root?: string;
  /** Worker threads; default: up to 4 (one per core) for 2,000 files or more, none below. */
  workers?: number;
}

export interface CheckReport {
  articles: number;
  problems: Problem[];
}

/** The reform that abolished districts and merged provinces took effect on 1 July 2025 (Vietnam time). */
const REFORM = Date.UTC(2025, 6, 1) - 7 * 3_600_000;
/** A day of slack before a date counts as "in the future" (time zones, a clock a little off). */
const FUTURE_SLACK_MS = 86_400_000;

/** What checking one file gives: its problems, and what the checks across files compare (plain data, so
 * that worker threads can send it). */
export interface Checked {
  file: string;
  id: string;
  problems: Problem[];
  /** Absent when the file could not be read as an article. */
  facts?: { day: string; title: string; source?: string };
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** The largest article file, in MB: a real article is tens of KB; more is a paste gone wrong, and a page no phone should load. */
export const MAX_ARTICLE_MB = 2;

/**
 * An article file's text and frontmatter, or why it cannot be read: not UTF-8, no frontmatter, a YAML
 * error (with its line), a frontmatter language other than YAML. The build reads articles with it too.
 */
export function openArticle(
  bytes: Uint8Array,
): { text: string; document: ArticleDocument } | { problem: string; line?: number | undefined } {
  if (bytes.length > MAX_ARTICLE_MB * 1024 * 1024) {
    return { problem: m.tooBig((bytes.length / 1024 / 1024).toFixed(1), MAX_ARTICLE_MB), line: 1 };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { problem: m.notUtf8 };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/^---[a-z]*\r?\n/i.test(text)) return { problem: m.noFrontmatter, line: 1 };
  try {
    return { text, document: readArticleDocument(text) };
  } catch (error) {
    if (error instanceof FrontmatterSyntaxError) {
      return { problem: m.yamlSyntax(error.message.replace(/ at line \d+, column \d+.*$/s, "")), line: error.line };
    }
    if (error instanceof FrontmatterError) return { problem: error.message, line: 1 };
    return { problem: m.yamlSyntax(error instanceof Error ? error.message : String(error)), line: 1 };
  }
}

/** Checks one article file. `id` is its path under the content folder without ".md". */
export function checkArticle(file: string, id: string, bytes: Uint8Array, now: Date): Checked {
  const problems: Problem[] = [];
  const add = (severity: Severity, message: string, field?: string, line?: number) =>
    problems.push({
      file,
      severity,
      message,
      ...(field !== undefined && { field }),
      ...(line !== undefined && { line }),
    });
  const result: Checked = { file, id, problems };

  const opened = openArticle(bytes);
  if ("problem" in opened) {
    add("error", opened.problem, undefined, opened.line);
    return result;
  }
  const { text, document } = opened;
  if (text !== text.normalize("NFC")) add("warning", m.notNfc);
  const { lineOf } = document;
  const parsed = articleSchema.safeParse(document.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      add("error", issue.message, issue.path.join(".") || undefined, lineOf(issue.path));
    }
    problems.sort(byLine);
    return result;
  }
  const article = parsed.data;
  result.facts = {
    day: toVnIso(article.date).slice(0, 10),
    title: nameKey(article.title),
    ...(article.source?.url !== undefined && { source: sourceKey(article.source.url) }),
  };

  for (const problem of articlePathProblems(id, article.date)) add("error", problem, undefined, 1);
  if (article.date.getTime() > now.getTime() + FUTURE_SLACK_MS) {
    const { year, month, day } = vnParts(article.date);
    add("error", m.futureDate(`${day}/${month}/${year}`), "date", lineOf(["date"]));
  }
  if (document.body.replace(/<!--[\s\S]*?-->/g, "").trim() === "") add("warning", m.emptyBody);
  checkPlaces(article, lineOf, add);
  article.review.forEach((note, i) => {
    const isDate = /^date\b/i.test(note);
    add(
      "warning",
      isDate && article.dateInferred ? m.inferredDate(note) : m.review(note),
      "review",
      lineOf(["review", i]),
    );
  });
  problems.sort(byLine);
  return result;
}

const byLine = (a: Problem, b: Problem): number => (a.line ?? 0) - (b.line ?? 0);

const districtsByProvince = new Map<string, District[]>();

/** The pre-2025 districts a province name covers: its own, or those of the provinces a province of today absorbed. */
function districtsOf(province: string): District[] {
  const key = nameKey(province);
  let districts = districtsByProvince.get(key);
  if (!districts) {
    // A name of today ("Lào Cai") covers the provinces it absorbed too ("Yên Bái").
    const today = provinceToday(province);
    const names = new Set([key, ...(today && nameKey(today) === key ? absorbedProvinces(today).map(nameKey) : [])]);
    districts = gazetteer().districts.filter((d) => names.has(nameKey(d.province)));
    districtsByProvince.set(key, districts);
  }
  return districts;
}

let communeNames: Map<string, string[]> | undefined;

/** Commune names of a district, as the list writes them. */
function communesOf(district: District): string[] {
  if (!communeNames) {
    communeNames = new Map();
    for (const commune of new Set([...gazetteer().communesByFold.values()].flat())) {
      const list = communeNames.get(commune.districtCode);
      if (list) list.push(commune.name);
      else communeNames.set(commune.districtCode, [commune.name]);
    }
  }
  return communeNames.get(district.code) ?? [];
}

type Add = (severity: Severity, message: string, field?: string, line?: number) => void;

/** District label without its type word, as the gazetteer names it: "Thành phố Bắc Kạn" → "Bắc Kạn". */
function bareName(label: string): string {
  return label.replace(/^(huyện|quận|thị xã|thành phố|tp\.?)\s+/iu, "");
}

function checkPlaces(article: Article, lineOf: (path: readonly PropertyKey[]) => number, add: Add): void {
  const { province, district, communes = [] } = article.locality;
  const afterReform = article.date.getTime() >= REFORM;
  const today = provinceToday(province);
  if (afterReform && today && nameKey(today) !== nameKey(province)) {
    add("warning", m.provinceMerged(province, today), "locality.province", lineOf(["locality", "province"]));
  }
  const candidates = districtsOf(province);
  let found: District[] = [];
  if (district !== undefined) {
    const line = () => lineOf(["locality", "district"]);
    if (afterReform) add("warning", m.districtAfterReform(district), "locality.district", line());
    const key = foldKey(bareName(district));
    found = candidates.filter((d) => foldKey(d.name) === key);
    if (found.length === 0) {
      const labels = candidates.map((d) => d.name);
      const suggestion = closest(bareName(district), labels);
      if (suggestion) add("error", m.districtTypo(district, province, suggestion), "locality.district", line());
      else add("warning", m.districtUnknown(district, province), "locality.district", line());
    }
  }
  if (communes.length === 0) return;
  const known = (found.length > 0 ? found : candidates).flatMap((d) => communesOf(d));
  const knownKeys = new Set(known.map((name) => foldKey(name)));
  communes.forEach((commune, i) => {
    if (knownKeys.has(foldKey(commune))) return;
    const suggestion = closest(commune, known);
    if (suggestion) {
      add("warning", m.communeTypo(commune, suggestion), `locality.communes.${i}`, lineOf(["locality", "communes", i]));
    }
  });
}

/** How two source addresses compare: scheme, "www.", a trailing slash and the fragment do not matter. */
export function sourceKey(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname.toLowerCase().replace(/^www\./, "");
    return `${host}${u.pathname.replace(/\/+$/, "")}${u.search}`;
  } catch {
    return url.trim();
  }
}

/**
 * Problems that only show across files: two files for one address, the same source imported twice.
 * `lineOf` finds a field's line in a file (read again: duplicates are few).
 */
function crossFileProblems(
  checked: readonly Checked[],
  lineOf: (file: string, field: readonly string[]) => number,
): Problem[] {
  const problems: Problem[] = [];
  const valid = checked.filter((c): c is Checked & { facts: NonNullable<Checked["facts"]> } => c.facts !== undefined);
  const report = (
    groups: Map<string, Checked[]>,
    severity: Severity,
    message: (others: string) => string,
    field?: string,
  ) => {
    for (const same of groups.values()) {
      if (same.length < 2) continue;
      for (const item of same) {
        const others = same.filter((o) => o !== item).map((o) => o.file);
        problems.push({
          file: item.file,
          severity,
          message: message(others.join(", ")),
          ...(field !== undefined && { field, line: lineOf(item.file, field.split(".")) }),
        });
      }
    }
  };
  // File systems that ignore case or Unicode form would make these one page.
  report(
    group(checked, (c) => nfc(c.id).toLowerCase()),
    "error",
    m.duplicateSlug,
  );
  const withSource = valid.filter((c) => c.facts.source !== undefined);
  report(
    group(withSource, (c) => c.facts.source!),
    "error",
    m.duplicateSource,
    "source.url",
  );
  report(
    group(valid, (c) => `${c.facts.day}|${c.facts.title}`),
    "warning",
    m.duplicateTitle,
    "title",
  );
  return problems;
}

/** Every Markdown file under `dir`, sorted; other files are reported, since the build ignores them. */
/** The files under the articles folder, sorted: the articles (.md) and the others (not hidden), as full paths. */
export async function listArticleFiles(dir: string): Promise<{ markdown: string[]; other: string[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  return {
    markdown: files.filter((f) => f.endsWith(".md")),
    other: files.filter((f) => !f.endsWith(".md") && !path.basename(f).startsWith(".")),
  };
}

export interface FileToCheck {
  /** Where to read it. */
  path: string;
  /** How messages name it. */
  file: string;
  /** Its path under the content folder, without ".md". */
  id: string;
}

/** Checks files in this thread, reading a batch at a time (enough reads in flight to hide disk latency). */
export async function checkFiles(files: readonly FileToCheck[], now: Date): Promise<Checked[]> {
  const checked: Checked[] = [];
  for (let i = 0; i < files.length; i += 64) {
    const batch = files.slice(i, i + 64);
    const texts = await Promise.all(batch.map((f) => readFile(f.path)));
    batch.forEach((f, j) => checked.push(checkArticle(f.file, f.id, texts[j]!, now)));
  }
  return checked;
}

/** Checks the whole archive. Problems are sorted by file, then line. */
export async function checkArchive(options: CheckOptions): Promise<CheckReport> {
  const now = options.now ?? new Date();
  const root = options.root ?? process.cwd();
  const show = (file: string) => path.relative(root, file) || file;
  const { markdown, other } = await listArticleFiles(options.contentDir);
  const files = markdown.map((file) => ({
    path: file,
    file: show(file),
    id: path.relative(options.contentDir, file).split(path.sep).join("/").replace(/\.md$/, ""),
  }));
  const pathOf = new Map(files.map((f) => [f.file, f.path]));
  const threads = options.workers ?? (files.length >= 2000 ? Math.min(availableParallelism(), 4) : 0);
  const checked =
    threads > 1
      ? await inWorkerShares<FileToCheck, Checked>(new URL("./worker.ts", import.meta.url), files, threads, {
          now: now.toISOString(),
        })
      : await checkFiles(files, now);
  const problems = [
    ...checked.flatMap((c) => c.problems),
    ...crossFileProblems(checked, (file, field) => {
      const source = pathOf.get(file)!;
      return readArticleDocument(readFileSync(source, "utf8")).lineOf(field);
    }),
    ...other.map((file): Problem => ({ file: show(file), severity: "warning", message: m.notMarkdown })),
  ];
  if (options.peopleFile) {
    try {
      peopleRules(await readFile(options.peopleFile, "utf8"), show(options.peopleFile));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
        problems.push({ file: show(options.peopleFile), severity: "error", message: (error as Error).message });
      }
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || byLine(a, b));
  return { articles: markdown.length, problems };
}

/** The report as an editor reads it: grouped by file, one line per problem, a summary at the end. */
export function formatReport(report: CheckReport, seconds: number): string {
  const out = formatProblems(report.problems);
  const errors = report.problems.filter((p) => p.severity === "error").length;
  const warnings = report.problems.length - errors;
  if (out.length > 0) out.push("");
  out.push(m.summary(report.articles, errors, warnings, seconds));
  return out.join("\n");
}

/** Problems grouped by file: the file, then one indented line per problem with its line and field. */
export function formatProblems(problems: readonly Problem[]): string[] {
  const out: string[] = [];
  for (const [file, ofFile] of group(problems, (p) => p.file)) {
    out.push(file);
    for (const p of ofFile) {
      const where = p.line === undefined ? "" : `${m.line(p.line)} `;
      const field = p.field === undefined ? "" : `${p.field}: `;
      out.push(`  ${p.severity === "error" ? m.error : m.warning} ${where}${field}${p.message}`);
    }
  }
  return out;
}
