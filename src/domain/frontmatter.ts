/**
 * Reading article files outside Astro (scripts, tests): YAML frontmatter only.
 * gray-matter can evaluate JavaScript frontmatter (`---js`); every engine but
 * YAML is replaced by one that refuses, and YAML is parsed without custom tags
 * and with a cap on aliases (no alias bombs).
 */
import matter from "gray-matter";
import { parse } from "yaml";
import { nfc } from "./text.ts";

export class FrontmatterError extends Error {}

const refuse = (language: string) => () => {
  throw new FrontmatterError(
    `frontmatter "---${language}" không được hỗ trợ — chỉ dùng YAML giữa hai dòng "---" ("${language}" is not allowed)`,
  );
};

const engines = {
  yaml: (source: string): object => parse(source, { maxAliasCount: 50, prettyErrors: true }) ?? {},
  js: refuse("js"),
  javascript: refuse("javascript"),
  coffee: refuse("coffee"),
  coffeescript: refuse("coffeescript"),
  json: refuse("json"),
  toml: refuse("toml"),
};

export interface ArticleFile {
  /** The frontmatter as YAML data, before schema validation. */
  data: Record<string, unknown>;
  /** The Markdown body, NFC. */
  body: string;
}

/** Splits an article file into frontmatter data and body. Throws FrontmatterError or a YAML error. */
export function readArticleText(text: string): ArticleFile {
  const file = matter(nfc(text), { engines, language: "yaml" });
  const data: unknown = file.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new FrontmatterError('frontmatter phải là các cặp "trường: giá trị" (frontmatter must be a YAML mapping)');
  }
  return { data: data as Record<string, unknown>, body: file.content };
}
