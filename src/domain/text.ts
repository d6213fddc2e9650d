/**
 * Vietnamese text helpers: Unicode normalisation, the canonical tone-mark form,
 * diacritic folding and ASCII slugs. Pure functions, shared by pages, scripts,
 * the search index and the browser.
 */

/** The five tone marks as combining characters (grave, acute, tilde, hook above, dot below). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const VOWELS = new Set("aăâeêioôơuưy");
/** Vowels that carry a vowel-quality mark; the tone always goes on them. */
const MARKED_VOWELS = new Set("ăâêôơư");
/** Pairs whose tone placement differs between the two accepted styles. */
const STYLE_PAIRS = new Set(["oa", "oe", "uy"]);

/**
 * `traditional` puts the tone on the first vowel of oa/oe/uy without a final
 * consonant ("hòa", "thủy"), as most news text does; `modern` puts it on the
 * second ("hoà", "thuỷ"), as the 2018 Ministry of Education rule does.
 */
export type ToneStyle = "traditional" | "modern";

/**
 * Invisible characters that change how text reads without showing: zero-width spaces and joiners,
 * direction overrides and isolates (an RTL override can make "Nguyễn Văn A" display reversed), the
 * byte-order mark, and control characters other than white space.
 */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/** `text` without invisible characters (see INVISIBLE). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** Unicode NFC: the one form every stored string is in. */
export function nfc(text: string): string {
  return text.normalize("NFC");
}

const isVowel = (ch: string | undefined): boolean => ch !== undefined && VOWELS.has(ch);

/**
 * Index (in code points of `bare`, a lower- or mixed-case syllable without its
 * tone mark, NFC) of the vowel that carries the tone, or -1 when `bare` is not
 * one Vietnamese syllable.
 */
function tonePosition(bare: string, style: ToneStyle): number {
  const chars = [...bare.toLowerCase()];
  let start = chars.findIndex((ch) => isVowel(ch));
  if (start < 0) return -1;
  // "qu" and "gi" are consonants when another vowel follows: quý, giá, giường.
  if (start === 1 && isVowel(chars[2])) {
    const onset = chars[0]! + chars[1]!;
    if (onset === "qu" || onset === "gi") start = 2;
  }
  let end = start;
  while (isVowel(chars[end])) end++;
  if (chars.slice(end).some((ch) => isVowel(ch))) return -1; // two vowel groups: not one syllable
  const nucleus = chars.slice(start, end).join("");
  const hasFinal = end < chars.length;

  const horn = nucleus.indexOf("ơ"); // ươ: the mark goes on ơ
  if (horn >= 0) return start + horn;
  const marked = [...nucleus].findIndex((ch) => MARKED_VOWELS.has(ch));
  if (marked >= 0) return start + marked;
  if (hasFinal) return end - 1;
  if (nucleus.length === 3) return start + 1;
  if (nucleus.length === 2 && style === "modern" && STYLE_PAIRS.has(nucleus)) return start + 1;
  return start;
}

function placeTone(word: string, style: ToneStyle): string {
  const decomposed = word.normalize("NFD");
  const tones = decomposed.match(TONE_MARKS);
  if (!tones || tones.length !== 1) return word.normalize("NFC");
  const bare = [...decomposed.replace(TONE_MARKS, "").normalize("NFC")];
  const position = tonePosition(bare.join(""), style);
  if (position < 0) return word.normalize("NFC");
  bare[position] = (bare[position]! + tones[0]!).normalize("NFC");
  return bare.join("");
}

/**
 * Placed syllables, per style. Vietnamese has a few thousand syllables, so the
 * caches stay small while the importer and the site call this millions of times.
 */
const placed: Record<ToneStyle, Map<string, string>> = { traditional: new Map(), modern: new Map() };
const CACHE_LIMIT = 100_000;

function placeToneCached(word: string, style: ToneStyle): string {
  if (/^[A-Za-z]+$/.test(word)) return word;
  const cache = placed[style];
  let result = cache.get(word);
  if (result === undefined) {
    result = placeTone(word, style);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, result);
  }
  return result;
}

/** Rewrites every syllable of `text` with its tone mark placed in `style`. Output is NFC. */
export function withToneStyle(text: string, style: ToneStyle): string {
  return text.replace(/[\p{L}\p{M}]+/gu, (word) => placeToneCached(word, style)).normalize("NFC");
}

/**
 * The canonical form used to compare names and places: NFC with traditional
 * tone placement, so "Đảng uỷ" and "Đảng ủy" (or their NFD forms) become equal.
 * Display text keeps the form it was written in.
 */
export function canonical(text: string): string {
  return withToneStyle(text, "traditional");
}

/** Removes every diacritic and folds đ→d, Đ→D ("Đảng ủy" → "Dang uy"). Case is kept. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

/** Collapses runs of white space (including no-break spaces) to one space and trims. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/**
 * Identity key for a person, unit or place name: canonical tone marks, lower
 * case, single spaces. Two spellings that differ only in tone style,
 * normalisation form, case or spacing get the same key.
 */
export function nameKey(text: string): string {
  let key = nameKeys.get(text);
  if (key === undefined) {
    key = collapseSpace(canonical(text).toLowerCase());
    if (nameKeys.size >= CACHE_LIMIT) nameKeys.clear();
    nameKeys.set(text, key);
  }
  return key;
}
const nameKeys = new Map<string, string>();

/**
 * An ASCII URL slug: diacritics removed, đ→d, lower case, words joined by
 * hyphens ("Mù Cang Chải" → "mu-cang-chai"). Long slugs are cut at a word
 * boundary to at most `maxLength` characters.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = fold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength)).replace(/-+$/, "");
}

/** True when `slug` is a non-empty ASCII slug as `slugify` makes them. */
export function isSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}

/** Levenshtein distance, for "did you mean …?" suggestions over short names. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `input` when compared without diacritics and case,
 * or undefined when none is close enough to be a plausible typo.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const key = fold(input).toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(key, fold(candidate).toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}
