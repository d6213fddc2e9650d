/**
 * Text normalisation shared by the search index (Node) and the search page
 * (browser), so that what is indexed and what is typed meet in one form.
 *
 * Pagefind folds diacritics itself (a query without marks finds marked text,
 * and both tone-mark styles fold alike, exact forms ranking first) but it
 * never folds đ to d: "dang uy" would not find "Đảng ủy". The index therefore
 * carries, for every word with đ, the same word with d (`dFoldedWords`), and
 * queries go through `normalizeQuery`.
 */

import { stripInvisible } from "../domain/text.ts";

/** NFC, invisible characters (which split words) removed, white space collapsed. */
export function normalizeSearchText(text: string): string {
  return stripInvisible(text).normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** A query as the index expects it. Typing "đ" or "d" both work: the index holds both forms. */
export function normalizeQuery(query: string): string {
  return normalizeSearchText(query);
}

/** Each distinct word of `text` that contains đ/Đ, written with d/D ("Đảng" → "Dảng"). */
export function dFoldedWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of normalizeSearchText(text).match(/[\p{L}\p{M}\d]*[đĐ][\p{L}\p{M}\d]*/gu) ?? []) {
    words.add(word.replace(/đ/gu, "d").replace(/Đ/gu, "D"));
  }
  return [...words];
}
