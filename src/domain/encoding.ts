/**
 * Decoding scraped pages: UTF-8 to NFC, and repair of the legacy encodings and
 * mojibake that old Vietnamese portals still serve:
 *  - TCVN3 (ABC), one byte per letter, usually seen through a Latin-1 lens:
 *    "Héi nghÞ §¶ng ñy" → "Hội nghị Đảng ủy";
 *  - VNI, a base letter followed by mark bytes: "Hoäi nghò" → "Hội nghị";
 *  - UTF-8 read as Windows-1252: "Há»™i nghá»‹" → "Hội nghị".
 * Each repair is kept only when it turns noise into Vietnamese; when text still
 * looks broken afterwards the caller is told so.
 */

/** TCVN3 bytes 0xA1–0xFE (as Latin-1 characters) and the letters they stand for. */
const TCVN3: Readonly<Record<string, string>> = {
  "¡": "Ă",
  "¢": "Â",
  "£": "Ê",
  "¤": "Ô",
  "¥": "Ơ",
  "¦": "Ư",
  "§": "Đ",
  "¨": "ă",
  "©": "â",
  ª: "ê",
  "«": "ô",
  "¬": "ơ",
  "\u00ad": "ư",
  "®": "đ",
  µ: "à",
  "¶": "ả",
  "·": "ã",
  "¸": "á",
  "¹": "ạ",
  "»": "ằ",
  "¼": "ẳ",
  "½": "ẵ",
  "¾": "ắ",
  Æ: "ặ",
  Ç: "ầ",
  È: "ẩ",
  É: "ẫ",
  Ê: "ấ",
  Ë: "ậ",
  Ì: "è",
  Î: "ẻ",
  Ï: "ẽ",
  Ð: "é",
  Ñ: "ẹ",
  Ò: "ề",
  Ó: "ể",
  Ô: "ễ",
  Õ: "ế",
  Ö: "ệ",
  "×": "ì",
  Ø: "ỉ",
  Ü: "ĩ",
  Ý: "í",
  Þ: "ị",
  ß: "ò",
  á: "ỏ",
  â: "õ",
  ã: "ó",
  ä: "ọ",
  å: "ồ",
  æ: "ổ",
  ç: "ỗ",
  è: "ố",
  é: "ộ",
  ê: "ờ",
  ë: "ở",
  ì: "ỡ",
  í: "ớ",
  î: "ợ",
  ï: "ù",
  ñ: "ủ",
  ò: "ũ",
  ó: "ú",
  ô: "ụ",
  õ: "ừ",
  ö: "ử",
  "÷": "ữ",
  ø: "ứ",
  ù: "ự",
  ú: "ỳ",
  û: "ỷ",
  ü: "ỹ",
  ý: "ý",
  þ: "ỵ",
};

// VNI: tone marks and vowel marks are separate bytes after the base letter.
const VNI_TONES = { acute: "ù", grave: "ø", hook: "û", tilde: "õ", dot: "ï" } as const;
const COMBINING = { acute: "\u0301", grave: "\u0300", hook: "\u0309", tilde: "\u0303", dot: "\u0323" } as const;
/** Mark bytes after "a" that give ă plus a tone (é=ắ è=ằ ú=ẳ ü=ẵ ë=ặ) or â plus a tone (á ấ, à ầ, å ẩ, ã ẫ, ä ậ). */
const VNI_BREVE_TONES: Record<string, string> = { é: "\u0301", è: "\u0300", ú: "\u0309", ü: "\u0303", ë: "\u0323" };
const VNI_HAT_TONES: Record<string, string> = { á: "\u0301", à: "\u0300", å: "\u0309", ã: "\u0303", ä: "\u0323" };

/** Every two-character VNI sequence (and the single-byte letters) with its Unicode letter. */
function buildVniTable(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (vni: string, letter: string) => {
    table.set(vni, letter.normalize("NFC"));
    table.set(vni.toUpperCase(), letter.toUpperCase().normalize("NFC"));
  };
  for (const base of ["a", "e", "o", "u", "y"]) {
    for (const [tone, mark] of Object.entries(VNI_TONES))
      add(base + mark, base + COMBINING[tone as keyof typeof COMBINING]);
  }
  add("aê", "ă");
  add("aâ", "â");
  add("eâ", "ê");
  add("oâ", "ô");
  for (const [mark, tone] of Object.entries(VNI_BREVE_TONES)) add(`a${mark}`, `ă${tone}`);
  for (const [mark, tone] of Object.entries(VNI_HAT_TONES)) {
    add(`a${mark}`, `â${tone}`);
    add(`e${mark}`, `ê${tone}`);
    add(`o${mark}`, `ô${tone}`);
  }
  // ơ is "ô", ư is "ö"; with a tone they take one more mark byte.
  for (const [base, letter] of [
    ["ô", "ơ"],
    ["ö", "ư"],
  ] as const) {
    for (const [tone, mark] of Object.entries(VNI_TONES))
      add(base + mark, letter + COMBINING[tone as keyof typeof COMBINING]);
  }
  // Single bytes: i with tones, ỵ, đ, ơ, ư.
  const singles: [string, string][] = [
    ["í", "í"],
    ["ì", "ì"],
    ["æ", "ỉ"],
    ["ó", "ĩ"],
    ["ò", "ị"],
    ["î", "ỵ"],
    ["ñ", "đ"],
    ["ô", "ơ"],
    ["ö", "ư"],
  ];
  for (const [vni, letter] of singles) add(vni, letter);
  return table;
}

let vniTable: Map<string, string> | undefined;
let vniPattern: RegExp | undefined;

/** Converts VNI text to Unicode. */
export function fromVni(text: string): string {
  vniTable ??= buildVniTable();
  if (!vniPattern) {
    const keys = [...vniTable.keys()]
      .sort((a, b) => b.length - a.length)
      .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    vniPattern = new RegExp(keys.join("|"), "g");
  }
  const table = vniTable;
  return text.replace(vniPattern, (match) => table.get(match) ?? match);
}

/** Converts TCVN3 text (bytes read as Latin-1) to Unicode. */
export function fromTcvn3(text: string): string {
  let out = "";
  for (const ch of text) out += TCVN3[ch] ?? ch;
  return out;
}

/** Windows-1252 characters for bytes 0x80–0x9F; other bytes map to the same code point. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const cp1252Byte = new Map<string, number>([...CP1252_HIGH].map((ch, i) => [ch, 0x80 + i]));

/** Undoes UTF-8 that was decoded as Windows-1252 ("Há»™i" → "Hội"); undefined when it was not that. */
export function repairMojibake(text: string): string | undefined {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : cp1252Byte.get(ch);
    if (byte === undefined) return undefined;
    bytes.push(byte);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}

/**
 * Characters that never occur in Vietnamese text but fill legacy-encoded and
 * mojibake text: Latin-1 letters and symbols outside the Vietnamese alphabet.
 */
const NOISE = /[¡-¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ€‚ƒ„†‡ˆ‰Š‹ŒŽ‘’•˜™š›œžŸ]/gu;
const LETTERS = /\p{L}/gu;
const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]/gu;

interface Score {
  noise: number;
  vietnamese: number;
  letters: number;
}

/** Words carrying two tone marks: impossible in Vietnamese, typical of a wrong legacy conversion. */
function doubleToneWords(text: string): number {
  let count = 0;
  for (const word of text.normalize("NFD").match(/[\p{L}\p{M}]+/gu) ?? []) {
    if ((word.match(/[\u0300\u0301\u0303\u0309\u0323]/g)?.length ?? 0) > 1) count++;
  }
  return count;
}

function score(text: string): Score {
  return {
    noise: (text.match(NOISE)?.length ?? 0) + doubleToneWords(text),
    vietnamese: text.match(VIETNAMESE)?.length ?? 0,
    letters: text.match(LETTERS)?.length ?? 0,
  };
}

/**
 * True when a text has enough noise to look broken. Legacy and mojibake text
 * has almost no precomposed Vietnamese letters, so a text rich in them with a
 * few stray symbols ("30°C", "½", "«»") is left alone.
 */
function looksBroken(s: Score): boolean {
  return s.noise >= 3 && s.noise > s.letters * 0.005 && s.noise > s.vietnamese;
}

export type Repair = "tcvn3" | "vni" | "mojibake";

export interface Decoded {
  /** The text, NFC. */
  text: string;
  /** The repair applied, if any. */
  repair?: Repair;
  /** True when the text still looks broken after every repair tried. */
  broken: boolean;
}

/** Repairs legacy-encoded or mojibake text when that is what it is. */
export function repairText(input: string): Decoded {
  const text = input.normalize("NFC");
  // Fast path: almost every page has no noise character at all.
  if ((text.match(NOISE)?.length ?? 0) < 3) return { text, broken: false };
  const original = score(text);
  if (!looksBroken(original)) return { text, broken: false };
  const candidates: [Repair, string | undefined][] = [
    ["mojibake", repairMojibake(text)],
    ["tcvn3", fromTcvn3(text)],
    ["vni", fromVni(text)],
  ];
  let best: Decoded = { text, broken: true };
  let bestScore = original;
  for (const [repair, candidate] of candidates) {
    if (candidate === undefined) continue;
    const normalized = candidate.normalize("NFC");
    const s = score(normalized);
    // A repair must remove most of the noise and produce Vietnamese letters, so
    // a correct text with a few stray symbols ("30°C", "½") is never "repaired".
    if (s.noise < bestScore.noise && s.noise <= original.noise / 2 && s.vietnamese > original.vietnamese) {
      best = { text: normalized, repair, broken: looksBroken(s) };
      bestScore = s;
    }
  }
  return best;
}

export type DecodeProblem = "empty" | "binary" | "not-text";

/**
 * Bytes of a scraped page to text: UTF-8 (BOM dropped), else a legacy 8-bit
 * page read as Windows-1252 and repaired; NFC. Returns a problem instead when
 * the bytes are empty, binary, or neither UTF-8 nor a repairable encoding.
 */
export function decodeBytes(bytes: Uint8Array): Decoded | { problem: DecodeProblem } {
  if (bytes.length === 0) return { problem: "empty" };
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return { problem: "binary" };
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  if (control > head.length * 0.01) return { problem: "binary" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const legacy = repairText(new TextDecoder("windows-1252").decode(bytes));
    return legacy.repair && !legacy.broken ? legacy : { problem: "not-text" };
  }
  if (text.trim() === "") return { problem: "empty" };
  return repairText(text);
}
