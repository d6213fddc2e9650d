/**
 * Officials named in an article: "đồng chí Nguyễn Thành Trung, Uỷ viên BCH
 * Đảng bộ tỉnh, Bí thư huyện uỷ … chủ trì hội nghị", "Thượng tá Cấn Đình
 * Trung- Ủy viên BTV huyện ủy- Chỉ huy trưởng Ban CHQS huyện phát biểu kết
 * luận", "Dự có các đồng chí: A, titles; B, titles", "Chủ nhiệm UBKT Tỉnh ủy
 * Trần Quang Minh" (titles first). A person is identified by name; mentions
 * of the same name are merged.
 */
import { normalizeRank, RANKS } from "./people.ts";
import { collapseSpace, nameKey } from "./text.ts";

/** Only the two roles that matter for the record: who presided and who concluded. */
export type Role = "chủ trì" | "kết luận";

export interface ExtractedOfficial {
  name: string;
  rank?: string;
  titles: string[];
  role?: Role;
}

/** Words that open a title ("Phó Bí thư …", "Chỉ huy trưởng …"), compared lower-case. */
const TITLE_STARTS = [
  "ủy viên",
  "uỷ viên",
  "bí thư",
  "phó bí thư",
  "quyền bí thư",
  "chủ tịch",
  "phó chủ tịch",
  "chủ nhiệm",
  "phó chủ nhiệm",
  "chỉ huy trưởng",
  "phó chỉ huy trưởng",
  "chính trị viên",
  "phó chính trị viên",
  "chính ủy",
  "chính uỷ",
  "phó chính ủy",
  "phó chính uỷ",
  "tư lệnh",
  "phó tư lệnh",
  "tham mưu trưởng",
  "phó tham mưu trưởng",
  "giám đốc",
  "phó giám đốc",
  "trưởng",
  "phó trưởng",
  "tỉnh ủy viên",
  "tỉnh uỷ viên",
  "huyện ủy viên",
  "huyện uỷ viên",
  "thành ủy viên",
  "thành uỷ viên",
  "đại biểu quốc hội",
  "thường trực",
  "trợ lý",
  "chánh",
  "phó chánh",
  "thủ trưởng",
  "bộ trưởng",
  "thứ trưởng",
  "tổng",
  "phó tổng",
  "chủ nhiệm chính trị",
  "đoàn trưởng",
  "hiệu trưởng",
  "ủy viên ban",
  "uỷ viên ban",
  "trung đoàn trưởng",
  "sư đoàn trưởng",
  "đại đội trưởng",
  "tiểu đoàn trưởng",
  "chính trị viên phó",
  "phó",
];

/** Words that end a title and start what the person did ("… Chủ tịch UBND huyện phát biểu kết luận"). Lower case only. */
const PREDICATES =
  /\s(?:chủ trì|đồng chủ trì|phát biểu|kết luận|dự|tham dự|báo cáo|trao|nhấn mạnh|đề nghị|yêu cầu|cho biết|khẳng định|phát động|đánh giá|thảo luận|định hướng|tham gia|chúc mừng|ghi nhận|tặng|chỉ đạo|đã|cũng|đến|tới|làm|được|cùng|quán triệt|thông qua|công bố|giao|biểu dương|tuyên bố|điều hành|trình bày|khai mạc|bế mạc)(?=[\s,.;:]|$)/u;

const SURNAMES = new Set(
  (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương Lâm Phùng " +
    "Mai Tô Hà Tạ Quách Lương Lưu Cao Đinh Triệu Chu Châu Thái Hứa Kiều Lã Lại Cù Cấn Hầu Giàng Sùng Vàng Lò Lường " +
    "Quàng Cầm Mè Tòng Ma Nông Ngụy Nguỵ Khổng Mạc Tăng Từ Văn Thân Nghiêm Âu Doãn Diệp Tôn Ninh Khúc Kim La Bế Lục " +
    "Lộc Mông Chảo Tẩn Lầu Thào Ly Mùa Hạng Phàn Đàm Đồng Bạch Ông Trình Hàn Quan Trang Tiêu Giáp Mẫn Kha Khuất Lỗ " +
    "Bạc Mã Thạch Danh Sơn Y Ksor Rơ Siu Nay Kpă Rah Đinh Hoàng Lò Vi Sầm Hờ Thò Sùng Chá Mạ Bàn Triệu Phùng Lăng Khương"
  )
    .split(" ")
    .map((s) => s.toLowerCase()),
);

/** Syllables that are never part of a person's name here: title and organisation words. */
const NOT_NAME = new Set(
  "phó bí chủ tịch ủy uỷ viên ban hội đảng huyện tỉnh bộ chỉ trưởng lệnh quyền giám đốc thường mặt trận xã phường ubnd hđnd chqs bch btv ubkt".split(
    " ",
  ),
);

// No /i flag on these patterns: under /iu, \p{Lu} would match lower-case letters
// too. Case variants of ranks and introducers are listed instead.
const RANK_PATTERN = RANKS.flatMap((r) => [r, r.toLowerCase(), r.charAt(0).toLowerCase() + r.slice(1), r.toUpperCase()])
  .sort((a, b) => b.length - a.length)
  .map((r) => r.replace(/ /g, "\\s+"))
  .join("|");
/** A capitalised syllable: "Nguyễn", "A", "Vừ". */
const SYLLABLE = "\\p{Lu}[\\p{Ll}\\p{M}]*";
/** Two to five capitalised syllables: a name candidate. */
const NAME = new RegExp(`(?<![\\p{L}])${SYLLABLE}(?:\\s+${SYLLABLE}){1,4}(?![\\p{L}])`, "gu");
/** What may stand right before a name: "đồng chí", a rank, or both ("đồng chí Đại tá"). */
const RANK_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${RANK_PATTERN})(?:\\s+QNCN)?\\s+$`, "u");
const INTRODUCER_BEFORE = /(?:^|[^\p{L}])(?:đồng chí|Đồng chí|ĐỒNG CHÍ|đ\/c|Đ\/c|ông|Ông|bà|Bà)\s+$/u;

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "bí thư huyện uỷ" → "Bí thư Huyện uỷ": a title starts upper-case, and so do party committees. */
export function normalizeTitle(title: string): string {
  const text = collapseSpace(title).replace(/[.,;:\s]+$/u, "");
  return titleCase(text).replace(
    /(?<![\p{L}])(huyện|tỉnh|thành|quận|thị)(\s+)(ủy|uỷ)(?![\p{L}])/gu,
    (_m, a: string, s: string, b: string) => `${titleCase(a)}${s}${b}`,
  );
}

const TITLE_START = new RegExp(`^(?:${TITLE_STARTS.map((t) => t.replace(/ /g, "\\s+")).join("|")})(?:\\s|$)`, "iu");
const startsWithTitle = (segment: string): boolean => TITLE_START.test(segment);

/** A plausible personal name: no title or organisation word; not a known place. */
function isName(name: string, isPlace: (name: string) => boolean, introduced: boolean): boolean {
  const syllables = name.split(/\s+/u);
  if (syllables.some((s) => NOT_NAME.has(s.toLowerCase()))) return false;
  if (isPlace(name)) return false;
  return introduced || SURNAMES.has(syllables[0]!.toLowerCase());
}

interface Mention extends ExtractedOfficial {
  key: string;
}

/**
 * Titles after a name: the text up to the end of the clause, split on commas
 * and dashes, kept while each piece opens with a title word; the predicate
 * after the last title gives the role.
 */
function readTitles(after: string): { titles: string[]; role: Role | undefined } {
  const clause = after.split(/[;:.!?(]|\s[–-]\s*(?=\p{Ll})/u)[0] ?? "";
  if (!/^\s*(?:,|[–-])/u.test(clause)) return { titles: [], role: roleIn(clause) };
  const titles: string[] = [];
  let role: Role | undefined;
  for (const rawSegment of clause.replace(/^\s*(?:,|[–-])\s*/u, "").split(/\s*,\s*|\s*[–-]\s+|(?<=\p{L})-\s+/u)) {
    const segment = rawSegment.trim();
    if (!startsWithTitle(segment)) break;
    const predicate = PREDICATES.exec(` ${segment}`);
    if (predicate) {
      const title = ` ${segment}`.slice(0, predicate.index).trim();
      if (title) titles.push(normalizeTitle(title));
      role = roleIn(` ${segment}`.slice(predicate.index));
      break;
    }
    titles.push(normalizeTitle(segment));
  }
  return { titles, role };
}

function roleIn(text: string): Role | undefined {
  const head = text.slice(0, 40);
  if (/(?<![\p{L}])(?:đồng\s+)?chủ trì/u.test(head)) return "chủ trì";
  if (/(?<![\p{L}])(?:phát biểu\s+)?kết luận/u.test(head)) return "kết luận";
  return undefined;
}

/** Mentions with the name introduced by "đồng chí", "ông", "bà" or a rank, or listed after "các đồng chí:". */
function introducedMentions(sentence: string, isPlace: (name: string) => boolean): Mention[] {
  const mentions: Mention[] = [];
  // Names listed after "các đồng chí:" or "gồm" need no introducer of their own.
  const listStart = sentence.search(/các đồng chí|gồm/iu);
  for (const match of sentence.matchAll(NAME)) {
    let name = match[0];
    let start = match.index;
    // A capitalised rank ("Đại Tá") can run into the name: split it off.
    const words = name.split(/\s+/u);
    for (const n of [3, 2]) {
      if (words.length > n + 1 && normalizeRank(words.slice(0, n).join(" "))) {
        const rankText = words.slice(0, n).join(" ");
        name = words.slice(n).join(" ");
        start += match[0].indexOf(name, rankText.length);
        break;
      }
    }
    const before = sentence.slice(Math.max(0, start - 40), start);
    const rankMatch = RANK_BEFORE.exec(before);
    const beforeRank = rankMatch
      ? before.slice(0, rankMatch.index + rankMatch[0].length - rankMatch[0].trimStart().length)
      : before;
    const introduced = Boolean(rankMatch) || INTRODUCER_BEFORE.test(beforeRank) || name !== match[0];
    if (!introduced && (listStart < 0 || start < listStart)) continue;
    if (!isName(name, isPlace, introduced)) continue;
    const rankWord =
      rankMatch?.[1] ?? (name !== match[0] ? match[0].slice(0, match[0].indexOf(name)).trim() : undefined);
    const rank = rankWord ? normalizeRank(rankWord) : undefined;
    const { titles, role } = readTitles(sentence.slice(start + name.length));
    mentions.push({ key: nameKey(name), name, titles, ...(rank && { rank }), ...(role && { role }) });
  }
  return mentions;
}

/** "Chủ nhiệm UBKT Tỉnh ủy Trần Quang Minh thảo luận": titles first, then a name that starts with a surname. */
function titleFirstMentions(sentence: string, isPlace: (name: string) => boolean): Mention[] {
  const mentions: Mention[] = [];
  for (const clause of sentence.split(/[,;:.]/u)) {
    const trimmed = clause.trim();
    if (!startsWithTitle(trimmed)) continue;
    const words = trimmed.split(/\s+/u);
    for (let i = 1; i < words.length; i++) {
      if (!SURNAMES.has(words[i]!.toLowerCase()) || !/^\p{Lu}/u.test(words[i]!)) continue;
      let end = i + 1;
      while (end < words.length && end - i < 5 && /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(words[end]!)) end++;
      const name = words.slice(i, end).join(" ");
      if (end - i < 2 || !isName(name, isPlace, false)) continue;
      const title = normalizeTitle(words.slice(0, i).join(" "));
      const role = roleIn(` ${words.slice(end).join(" ")}`);
      mentions.push({ key: nameKey(name), name, titles: [title], ...(role && { role }) });
      break;
    }
  }
  return mentions;
}

/**
 * Every official the paragraphs name, in order of first mention, each once.
 * `isPlace` tells place names from personal names ("Hà Giang" is not a
 * person); `reporters` are left out (a byline is not an official).
 */
export function extractOfficials(
  paragraphs: readonly string[],
  isPlace: (name: string) => boolean,
  reporters: readonly string[] = [],
): ExtractedOfficial[] {
  const byKey = new Map<string, Mention>();
  const excluded = new Set(reporters.map(nameKey));
  for (const paragraph of paragraphs) {
    for (const sentence of paragraph.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
      // "Phát biểu kết luận hội nghị, đồng chí X …": the role comes before the name.
      const leadingRole = /^\s*(?:phát biểu\s+)?kết luận/iu.test(sentence) ? "kết luận" : undefined;
      const found = [...introducedMentions(sentence, isPlace), ...titleFirstMentions(sentence, isPlace)];
      found.forEach((mention, i) => {
        if (i === 0 && leadingRole && !mention.role) mention.role = leadingRole;
        if (excluded.has(mention.key)) return;
        const known = byKey.get(mention.key);
        if (!known) {
          byKey.set(mention.key, mention);
          return;
        }
        if (!known.rank && mention.rank) known.rank = mention.rank;
        if (mention.titles.length > known.titles.length && (known.titles.length === 0 || mention.titles.length > 1)) {
          known.titles = mention.titles;
        }
        // Presiding outranks concluding: the chair often also sums up.
        if (mention.role && (mention.role === "chủ trì" || !known.role)) known.role = mention.role;
      });
    }
  }
  return [...byKey.values()].map(({ key: _key, ...official }) => {
    if (!official.role) delete official.role;
    return official;
  });
}
