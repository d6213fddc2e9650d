/**
 * Clean stage: from the lines of a scraped page to the article's title,
 * publication stamp, body blocks, byline and source line. Portal chrome before
 * and after the article is dropped (text-size and share bars, view counters,
 * print links, pagers, related-news boxes, visitor statistics, the portal's
 * clock); photo captions are recognised and kept once; sentences glued by a
 * lost line break are split back.
 */
import { parseStampLine, type DateParts } from "../domain/date-extract.ts";
import { collapseSpace } from "../domain/text.ts";

export interface Block {
  text: string;
  /** A photo caption (known from the HTML, or recognised from the text). */
  caption?: boolean;
}

export interface Cleaned {
  title?: string;
  stamp?: DateParts & { hasTime: boolean };
  body: Block[];
  /** The byline line as written ("Tin, ảnh: VĂN NGHỊ"), if found. */
  bylineLine?: string;
  /** The publisher named in a "Nguồn:" line. */
  publisher?: string;
  /** What was dropped, for --json and debugging. */
  dropped: string[];
}

/** Lines that are portal chrome wherever they appear. */
const CHROME_LINE: readonly RegExp[] = [
  /^A-\s*A\s*A\+/u, // text size
  /^(trang chủ|home)(\s*[|»>›/]\s*[^|»>›/]{1,40})*$/iu, // breadcrumbs
  /^[^|]{1,30}(\s\|\s[^|]{1,30}){2,}$/u, // menus: three or more short items separated by " | "
  /chia sẻ (bài viết )?lên (facebook|twitter|zalo|google)/iu,
  /^(tăng|giảm) tương phản/iu,
  /^[\d.,]+\s*(lượt xem|lượt đọc|views?)$/iu,
  /^(lượt xem|số lượt xem|lượt truy cập)\s*:?\s*[\d.,]+$/iu,
  /^(in|in bài|bản in|in trang)(\s+(đọc bài|gửi email|gửi bài|lưu bài|chia sẻ))*$/iu,
  /^(đọc bài|nghe đọc bài|nghe bài viết|gửi email|gửi bài viết|lưu bài viết|phản hồi|bình luận)$/iu,
  /^đã tặng$/iu,
  /^(chia sẻ|share|tweet|like|thích|facebook|zalo|twitter|email|print)(\s*[|·•]\s*\S+)*$/iu,
  /^\d+\s*-\s*\d+\s+of\s+\d+/iu, // pager "1-5 of 3435"
  /^[<«‹]?\s*(\d+\s+){2,}.*[>»›]?$/u, // pager "< 1 2 3 … >"
  /^(trang\s+)?(đầu|trước|sau|cuối)(\s*[|·]\s*(đầu|trước|sau|cuối))+$/iu,
  /^(hôm nay|hôm qua|tuần này|tuần trước|tháng này|tháng \d{1,2}|năm \d{4}|năm nay|đang truy cập|đang online|trực tuyến|tổng truy cập|tổng số|tổng lượt truy cập|lượt truy cập)\s*:\s*[\d.,]+$/iu,
  /^(tags?|từ khóa|từ khoá)\s*:/iu,
  /^(quay lại|về đầu trang|lên đầu trang|trở về|xem tiếp|xem thêm)$/iu,
  /^(cỡ chữ|font size|kích thước chữ)\b/iu,
];

/** Headings of boxes after the article: everything from here on is chrome. */
const TAIL_MARKER: readonly RegExp[] = [
  /^(tin|bài|các tin|các bài)( viết)? (cùng chuyên mục|liên quan|khác|đã đưa|mới hơn|cũ hơn|mới|đọc nhiều|nổi bật|cùng loại|xem nhiều)\s*:?$/iu,
  /^(các|những) (tin|bài) (khác|liên quan|đã đưa)\s*:?$/iu,
  /^(xem thêm|đọc thêm|có thể bạn quan tâm|bài viết liên quan)\s*:?$/iu,
  /^thư viện (ảnh|video|hình ảnh)$/iu,
  /^(liên kết|liên kết website|website liên kết|liên kết web)$/iu,
  /^thống kê truy cập$/iu,
  /^(ý kiến bạn đọc|gửi ý kiến|bình luận)\s*:?$/iu,
];

/** "( Ảnh trên)", "(Ảnh: Tùng Lâm)", "(ảnh minh họa)" at the end of a caption. */
const CAPTION_MARK = /\s*\(\s*ảnh(\s*(trên|dưới|minh họa|minh hoạ))?\s*(:[^)]*)?\)\s*$/iu;
/** A line that ends a sentence; a closing quote alone ("…“90 ngày”") does not. */
const SENTENCE_END = /[.!?…:;)\]]["”’]?$/u;
const DATELINE = /^(?:\p{Lu}{2,12}|\([^)]{1,24}\))\s*[-–]\s+(?=\p{Lu})/u;
const SOURCE_LINE = /^(?:nguồn|theo)\s*:\s*(.+)$/iu;
const BYLINE_PREFIX =
  /^(?:tin(?:\s*,\s*|\s+và\s+)ảnh|tin\s*(?:và|&)\s*ảnh|bài\s*(?:và|,)\s*ảnh|bài(?:\s+viết)?|tin|ảnh|thực hiện|nhóm phóng viên|pv|ctv)\s*:\s*(.+)$/iu;

/** A weekday and a date with no time: the portal's clock ("Chủ Nhật, 15/06/2025"), not a date of the article. */
const isClock = (stamp: { hasTime: boolean; hasWeekday: boolean }): boolean => stamp.hasWeekday && !stamp.hasTime;

const isChrome = (line: string): boolean => CHROME_LINE.some((re) => re.test(line));
const isTailMarker = (line: string): boolean => TAIL_MARKER.some((re) => re.test(line));

/**
 * A byline: one to four short names ("Tùng Lâm", "Thảo Linh- Duy Hanh", "A
 * Cớ", "VĂN NGHỊ"), each word capitalised, no sentence punctuation.
 */
export function parseByline(line: string): string[] | undefined {
  const prefixed = BYLINE_PREFIX.exec(line);
  const text = (prefixed ? prefixed[1]! : line).trim().replace(/[.\s]+$/u, "");
  if (text.length > 60 || /[.!?;:"“”()]/u.test(text)) return undefined;
  const names = text.split(/\s*[-–,]\s*|\s+và\s+|\s*&\s*/u).filter(Boolean);
  if (names.length === 0 || names.length > 4) return undefined;
  const nameWord = /^\p{Lu}[\p{Ll}\p{M}]*$|^\p{Lu}+$/u;
  for (const name of names) {
    const words = name.split(/\s+/u);
    if (words.length > 4 || !words.every((w) => nameWord.test(w))) return undefined;
    if (!prefixed && words.length === 1 && names.length === 1) return undefined;
  }
  return names.map((name) =>
    name
      .split(/\s+/u)
      .map((w) => (w === w.toUpperCase() && w.length > 1 ? w.charAt(0) + w.slice(1).toLowerCase() : w))
      .join(" "),
  );
}

/** Splits "…kỷ cương của Đảng.Các đại biểu thảo luận…" back into two lines. */
export function splitGlued(line: string): string[] {
  return line.split(/(?<=[\p{Ll}]{2}[\p{Ll}\p{M}]*\.)(?=\p{Lu}[\p{Ll}\p{M}])/u).map((part) => part.trim());
}

/**
 * A caption recognised from the text alone: short, no closing punctuation, not
 * a list introduction. (Captions marked "( Ảnh trên)" or repeated lines are
 * recognised before this.)
 */
function looksLikeCaption(text: string): boolean {
  return text.length <= 200 && !SENTENCE_END.test(text) && !/[,;]$/u.test(text) && text.split(/\s+/u).length >= 3;
}

export function cleanLines(rawLines: readonly Block[]): Cleaned {
  const dropped: string[] = [];
  const lines: Block[] = [];
  for (const raw of rawLines) {
    const text = collapseSpace(raw.text.replace(/\u00a0/g, " "));
    if (!text) continue;
    if (isChrome(text)) {
      dropped.push(text);
      continue;
    }
    lines.push({ ...raw, text });
  }

  // Head: the portal clock, chrome, then the title and a stamp (before or after it).
  let i = 0;
  let stamp: Cleaned["stamp"];
  let title: string | undefined;
  while (i < lines.length && title === undefined) {
    const line = lines[i]!;
    const asStamp = parseStampLine(line.text);
    if (asStamp) {
      if (isClock(asStamp)) dropped.push(line.text);
      else stamp ??= asStamp;
    } else if (!line.caption) {
      title = line.text;
    }
    i++;
  }
  // A stamp (or the portal's clock) may follow the title, with chrome between them already dropped.
  while (i < lines.length) {
    const asStamp = parseStampLine(lines[i]!.text);
    if (!asStamp) break;
    if (isClock(asStamp)) dropped.push(lines[i]!.text);
    else stamp ??= asStamp;
    i++;
  }

  // Tail: cut at the first box heading, then peel off source and byline lines.
  let end = lines.length;
  for (let j = i; j < lines.length; j++) {
    if (isTailMarker(lines[j]!.text)) {
      dropped.push(...lines.slice(j).map((l) => l.text));
      end = j;
      break;
    }
  }
  let publisher: string | undefined;
  let bylineLine: string | undefined;
  while (end > i) {
    const text = lines[end - 1]!.text;
    const source = SOURCE_LINE.exec(text);
    if (source && !publisher) {
      publisher = source[1]!.trim().replace(/\.$/u, "");
      end--;
    } else if (!bylineLine && parseByline(text)) {
      bylineLine = text;
      end--;
    } else break;
  }

  // A dateline tag before the lead ("CTTBTG - Sáng 24.8 …") belongs to the portal.
  const lead = lines[i];
  if (lead && i < end && DATELINE.test(lead.text)) {
    dropped.push(DATELINE.exec(lead.text)![0].trim());
    lines[i] = { ...lead, text: lead.text.replace(DATELINE, "") };
  }

  // Body: split glued sentences, recognise captions, keep each caption once.
  const body: Block[] = [];
  const seenCaptions = new Set<string>();
  const bodyLines = lines.slice(i, end).flatMap((line) => splitGlued(line.text).map((text) => ({ ...line, text })));
  bodyLines.forEach((line, k) => {
    // Test only the end of the line: the mark closes a caption.
    const tail = line.text.slice(-60);
    const marked = CAPTION_MARK.test(tail);
    const text = marked ? (line.text.slice(0, -60) + tail.replace(CAPTION_MARK, "")).trim() : line.text;
    if (!text) return;
    const repeated = bodyLines[k + 1]?.text === line.text || bodyLines[k - 1]?.text === line.text;
    const isTitleAgain = text === title;
    const caption = line.caption || marked || repeated || (k > 0 && looksLikeCaption(text)) || isTitleAgain;
    if (caption) {
      if (seenCaptions.has(text)) return;
      seenCaptions.add(text);
    }
    body.push({ text, ...(caption && { caption: true }) });
  });

  return {
    ...(title !== undefined && { title }),
    ...(stamp && { stamp }),
    body,
    ...(bylineLine && { bylineLine }),
    ...(publisher && { publisher }),
    dropped,
  };
}
