/**
 * Dates as Vietnamese portals write them: publication stamps ("(16:13:00
 * 28/06/2024)", "16/11/2023 2:14:00 CH", "Thứ 6, 23/06/2023 | 11:38:14 [GMT
 * +7]", "15 Tháng 9, 2025" …), event dates in the lead ("Sáng 23/11/2023",
 * "Chiều 28-6", "Sáng nay (9/10)", "Từ ngày 21 đến ngày 28-8" …), and the
 * inference of a missing year from the article's own words, always with the
 * reason so that an editor can confirm it.
 */

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const WEEKDAY = String.raw`(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn|t[2-7])`;
const STAMP_WORDS = [
  /\[?\(?\s*gmt\s*[+-]\s*\d{1,2}(?::?00)?\s*\)?\]?/giu,
  /^\s*(?:publish(?:ed)?\s*(?:date|on)?|posted\s*(?:on)?|updated|ngày\s*đăng|đăng\s*ngày|đăng\s*lúc|ngày\s*cập\s*nhật|cập\s*nhật(?:\s*lúc)?|thời\s*gian\s*đăng|ngày\s*xuất\s*bản|ngày)\s*:?/iu,
  new RegExp(String.raw`^\s*${WEEKDAY}\s*[,:-]?`, "iu"),
];
const NUMERIC_DATE = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/u;
const ISO_DAY = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/u;
const WORD_DATE = /(?<!\d)(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,|năm)?\s*(\d{4})(?!\d)/iu;
const TIME =
  /(?<!\d)(\d{1,2})\s*(?::|giờ|h)\s*(\d{2})(?:\s*:\s*(\d{2}))?(?:\s*(SA|CH|AM|PM|sáng|chiều|tối))?(?![\d:])/iu;

/**
 * Reads a publication-stamp line: a line that is only a date with an optional
 * time, weekday and stamp words. Undefined for any other line, including a
 * sentence that merely contains a date.
 */
export function parseStampLine(line: string): (DateParts & { hasTime: boolean; hasWeekday: boolean }) | undefined {
  if (line.length > 90) return undefined;
  let rest = line.normalize("NFC").trim();
  const hasWeekday = new RegExp(String.raw`^\s*\(?\s*${WEEKDAY}(?![\p{L}])`, "iu").test(
    rest.replace(/^[^\p{L}\d]+/u, ""),
  );
  for (let pass = 0; pass < 2; pass++) {
    rest = rest.replace(/^[\s([|,–-]+/u, "");
    for (const word of STAMP_WORDS) rest = rest.replace(word, " ");
  }
  const dateMatch = NUMERIC_DATE.exec(rest) ?? WORD_DATE.exec(rest);
  const isoMatch = dateMatch ? undefined : ISO_DAY.exec(rest);
  let parts: DateParts;
  if (dateMatch) {
    parts = { day: Number(dateMatch[1]), month: Number(dateMatch[2]), year: Number(dateMatch[3]) };
    rest = rest.replace(dateMatch[0], " ");
  } else if (isoMatch) {
    parts = { year: Number(isoMatch[1]), month: Number(isoMatch[2]), day: Number(isoMatch[3]) };
    rest = rest.replace(isoMatch[0], " ");
  } else return undefined;
  if (!validDay(parts.year, parts.month, parts.day)) return undefined;
  const time = TIME.exec(rest);
  if (time) {
    let hour = Number(time[1]);
    const minute = Number(time[2]);
    const second = time[3] ? Number(time[3]) : 0;
    const half = time[4]?.toLowerCase();
    if (half && ["ch", "pm", "chiều", "tối"].includes(half) && hour < 12) hour += 12;
    if (half && ["sa", "am"].includes(half) && hour === 12) hour = 0;
    if (hour > 23 || minute > 59 || second > 59) return undefined;
    parts = { ...parts, hour, minute, second };
    rest = rest.replace(time[0], " ");
  }
  // Whatever is left must be separators: otherwise this is a sentence, not a stamp.
  if (/[\p{L}\d]/u.test(rest)) return undefined;
  return { ...parts, hasTime: Boolean(time), hasWeekday };
}

export interface EventDate {
  day: number;
  month: number;
  /** The year as written, when the lead gives one. */
  year?: number;
  /** The phrase it was read from, e.g. "Sáng 23/11/2023". */
  phrase: string;
  /** A malformed year that was corrected ("22024" → 2024). */
  yearTypo?: string;
}

const PART_OF_DAY = String.raw`(?:rạng\s+sáng|sáng|trưa|chiều|tối|đêm)(?:\s+nay)?`;
/**
 * A date near the start of the lead: optionally a part of the day, "nay",
 * "ngày", a range "21 đến ngày 28", parentheses; then day, month and maybe a
 * year, separated by / . or -.
 */
const EVENT_DATE = new RegExp(
  String.raw`(?:^|[\s,(–-])((?:${PART_OF_DAY}\s*,?\s*)?(?:\(?\s*(?:từ\s+)?ngày\s+)?\(?\s*(\d{1,2})(?:\s*(?:đến|-|–)\s*(?:ngày\s+)?(\d{1,2}))?\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4,5}))?\s*\)?)(?![\d/.-]*\d)`,
  "iu",
);

/**
 * The event date named at the start of a lead ("Sáng 24.8, tại huyện …").
 * Only the opening of the lead is searched, so dates later in the text (an
 * anniversary "27/7/1947") are never taken for it.
 */
export function findEventDate(lead: string): EventDate | undefined {
  const opening = lead.normalize("NFC").slice(0, 120);
  const match = EVENT_DATE.exec(opening);
  if (!match) return undefined;
  // The date opens the lead: nothing before it but a dateline tag ("CTTBTG - ")
  // or a few words without punctuation ("Trong 2 ngày").
  const before = opening.slice(0, match.index + 1).replace(/^\s+/u, "");
  const dateline = /^[^\s,.;:]{1,30}\s*[-–]\s*$|^\([^)]{1,30}\)\s*[-–]?\s*$/u.test(before);
  if (!dateline && (before.length > 30 || /[,.;:!?]/u.test(before))) return undefined;
  let phrase = match[1]!.trim().replace(/[,\s]+$/u, "");
  if (phrase.includes("(") && !phrase.includes(")")) phrase += ")";
  const day = Number(match[2]);
  const month = Number(match[4]);
  let yearText = match[5];
  let yearTypo: string | undefined;
  if (yearText && yearText.length === 5) {
    yearTypo = yearText;
    yearText = yearText.slice(1);
  }
  const year = yearText ? Number(yearText) : undefined;
  if (!validDay(year ?? 2024, month, day)) return undefined;
  return { day, month, ...(year !== undefined && { year }), phrase, ...(yearTypo && { yearTypo }) };
}

export interface InferredYear {
  year: number;
  /** Why, in Vietnamese, for the editor's review note. */
  reason: string;
}

const FORWARD_WORDS =
  /(nhiệm vụ|kế hoạch|phương hướng|chuẩn bị|triển khai|tuyển quân|chỉ tiêu|diễn tập|tổ chức|mục tiêu|dự kiến|chào mừng)/iu;

/**
 * Infers the year of an event given as day and month only, from the article's
 * own words. In order:
 *  1. a mid-term review ("giữa nhiệm kỳ 2020-2025") is held half-way through
 *     the term: start year + 3 for a five-year term;
 *  2. otherwise the latest year the text names: when it is named as a plan
 *     ("nhiệm vụ năm 2024") at a conference late in the year, the event is the
 *     year before; when named as done, that year;
 *  3. otherwise the year of `fetchedAt` (the scrape), or the year before when
 *     the day would be after the scrape.
 * Returns undefined when there is nothing to go on.
 */
export function inferYear(day: number, month: number, text: string, fetchedAt?: Date): InferredYear | undefined {
  if (/(?:giữa|nửa)\s+nhiệm\s+kỳ/iu.test(text)) {
    const term = /nhiệm\s+kỳ\s+(\d{4})\s*[-–]\s*(\d{4})/iu.exec(text);
    const start = Number(term?.[1]);
    const end = Number(term?.[2]);
    if (term && end > start && end - start <= 5) {
      return { year: start + Math.ceil((end - start) / 2), reason: `hội nghị giữa nhiệm kỳ ${start}–${end}` };
    }
  }

  // Years named on their own (not as the end of a range "2024 – 2029", not an anniversary "1947").
  const named: { year: number; forward: boolean }[] = [];
  for (const m of text.matchAll(/(?<![\d/.-]\s?)(?:năm\s+)?(20[0-4]\d)(?!\s*[-–]\s*\d{4})(?![\d/])/giu)) {
    if (/[-–]\s*$/u.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    const context = text.slice(Math.max(0, m.index - 60), m.index);
    named.push({ year: Number(m[1]), forward: FORWARD_WORDS.test(context) });
  }
  if (named.length > 0) {
    const latest = Math.max(...named.map((n) => n.year));
    const forward = named.some((n) => n.year === latest && n.forward);
    if (forward && month >= 9) {
      return {
        year: latest - 1,
        reason: `bài nói về nhiệm vụ năm ${latest}, hội nghị tháng ${month} nên là năm trước đó`,
      };
    }
    return { year: latest, reason: `năm muộn nhất được nhắc trong bài là ${latest}` };
  }
  if (fetchedAt) {
    const fetched = new Date(fetchedAt.getTime() + 7 * 3600_000);
    let year = fetched.getUTCFullYear();
    if (month > fetched.getUTCMonth() + 1 || (month === fetched.getUTCMonth() + 1 && day > fetched.getUTCDate()))
      year--;
    return { year, reason: `ngày thu thập trang (${fetched.toISOString().slice(0, 10)})` };
  }
  return undefined;
}
