/**
 * Extract stage: one raw input (page text or HTML, with what a batch scrape
 * knows about it) to article frontmatter and body blocks, with a review note
 * for everything the importer is unsure of.
 */
import { parseArticleDate, toVnIso, vnMidnight } from "../domain/dates.ts";
import { findEventDate, inferYear, parseStampLine, type DateParts } from "../domain/date-extract.ts";
import { repairText, type Repair } from "../domain/encoding.ts";
import { isPlaceName, resolveLocality } from "../domain/locality.ts";
import { extractOfficials, type ExtractedOfficial } from "../domain/officials.ts";
import { chooseUnit, findUnits } from "../domain/units.ts";
import { cleanLines, parseByline, type Block } from "./clean.ts";
import { readHtml } from "./html.ts";

/** One article to import, as read from a .txt, .html or .jsonl input. */
export interface RawInput {
  /** Where it came from: a file path, or "file.jsonl:12". */
  input: string;
  text?: string;
  html?: string;
  url?: string;
  fetchedAt?: string;
  published?: string;
  /** A repair the decode stage already applied to the bytes. */
  repair?: Repair;
}

/** Frontmatter as the importer writes it (key order is the written order). */
export interface ImportedArticle {
  title: string;
  date: string;
  dateInferred: boolean;
  locality: { province: string; district?: string; communes?: string[] };
  unit?: string;
  officials: ExtractedOfficial[];
  byline: string[];
  source?: { name?: string; url?: string };
  review: string[];
}

export interface Extraction {
  article: ImportedArticle;
  body: Block[];
}

export class InputProblem extends Error {}

const REPAIR_NOTE: Record<Repair, string> = {
  tcvn3: "body: văn bản gốc ở bảng mã TCVN3 (ABC), đã chuyển sang Unicode — kiểm tra dấu",
  vni: "body: văn bản gốc ở bảng mã VNI, đã chuyển sang Unicode — kiểm tra dấu",
  mojibake: "body: văn bản gốc bị lỗi mã hóa (UTF-8 đọc nhầm), đã sửa — kiểm tra dấu",
};

const pad = (n: number) => String(n).padStart(2, "0");

function isoFromParts(p: DateParts, withTime: boolean): string {
  const day = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  return withTime ? `${day}T${pad(p.hour ?? 0)}:${pad(p.minute ?? 0)}:${pad(p.second ?? 0)}+07:00` : day;
}

/** A publication date given by a batch scrape or a page's meta tag, as DateParts. */
function publishedParts(published: string | undefined): (DateParts & { hasTime: boolean }) | undefined {
  if (!published) return undefined;
  const stamp = parseStampLine(published);
  if (stamp) return stamp;
  const date = parseArticleDate(published);
  if (!date) return undefined;
  const iso = toVnIso(date);
  const [y, mo, d, h, mi, s] = iso.match(/\d+/g)!.map(Number) as [number, number, number, number, number, number];
  const hasTime = h !== 0 || mi !== 0 || s !== 0;
  return { year: y, month: mo, day: d, hour: h, minute: mi, second: s, hasTime };
}

/** Extracts one article. Throws InputProblem with a one-line reason when it cannot. */
export function extractArticle(raw: RawInput): Extraction {
  const review: string[] = [];
  let url = raw.url;
  let published = raw.published;
  let repair = raw.repair;
  const decoded = repairText(raw.html ?? raw.text ?? "");
  if (decoded.broken) throw new InputProblem("văn bản hỏng: không nhận ra bảng mã (không phải UTF-8, TCVN3 hay VNI)");
  repair ??= decoded.repair;
  let lines: Block[];
  if (raw.html !== undefined) {
    const page = readHtml(decoded.text);
    url ??= page.url;
    published ??= page.published;
    lines = page.blocks;
  } else {
    lines = decoded.text.split(/\r?\n/u).map((text) => ({ text }));
  }
  if (repair) review.push(REPAIR_NOTE[repair]);

  const cleaned = cleanLines(lines);
  if (!cleaned.title) throw new InputProblem("không tìm thấy tiêu đề");
  const paragraphs = cleaned.body.filter((b) => !b.caption).map((b) => b.text);
  if (paragraphs.length === 0)
    throw new InputProblem("không có nội dung bài viết sau khi bỏ phần khung của cổng thông tin");
  const lead = paragraphs[0]!;
  const fullText = [cleaned.title, ...cleaned.body.map((b) => b.text)].join("\n");

  // Date: the page's stamp, else the scrape's date, else the event date in the lead.
  const event = findEventDate(lead);
  const stamp = cleaned.stamp ?? publishedParts(published);
  let date: string;
  let dateInferred = false;
  if (stamp) {
    date = isoFromParts(stamp, stamp.hasTime);
    if (event?.year !== undefined) {
      const gapDays =
        Math.abs(
          vnMidnight(stamp.year, stamp.month, stamp.day).getTime() -
            vnMidnight(event.year, event.month, event.day).getTime(),
        ) / 86_400_000;
      if (gapDays > 31)
        review.push(`date: ngày đăng ${date} cách ngày sự kiện "${event.phrase}" hơn một tháng — kiểm tra`);
    }
  } else if (event?.year !== undefined) {
    date = isoFromParts({ ...event, year: event.year }, false);
    if (event.yearTypo)
      review.push(`date: năm viết sai "${event.yearTypo}" trong "${event.phrase}", đã đọc là ${event.year}`);
  } else if (event) {
    const fetched = raw.fetchedAt ? parseArticleDate(raw.fetchedAt) : undefined;
    const inferred = inferYear(event.day, event.month, fullText, fetched);
    if (!inferred) {
      throw new InputProblem(`bài chỉ ghi "${event.phrase}", không có năm và không có gì để suy ra năm`);
    }
    date = isoFromParts({ ...event, year: inferred.year }, false);
    dateInferred = true;
    review.push(`date: bài chỉ ghi "${event.phrase}"; năm ${inferred.year} suy ra từ ${inferred.reason}`);
  } else {
    throw new InputProblem("không tìm thấy ngày đăng hay ngày sự kiện");
  }

  const byline = cleaned.bylineLine ? (parseByline(cleaned.bylineLine) ?? []) : [];
  const place = resolveLocality({
    text: fullText,
    ...(url && { url }),
    ...(cleaned.publisher && { publisher: cleaned.publisher }),
  });
  review.push(...place.review);
  if (!place.province)
    throw new InputProblem("không xác định được tỉnh: bài không nêu tên tỉnh, huyện hay xã nào có trong danh mục");

  const mentions = findUnits(fullText, isPlaceName);
  const leadStart = fullText.indexOf(lead);
  const organiser = mentions.find(
    (m) =>
      m.index >= leadStart &&
      m.index < leadStart + lead.length &&
      /^[^,.;]{0,60}?(?:đã\s+)?(?:tổ chức|sơ kết|tổng kết|triển khai|họp|khai mạc)/u.test(
        fullText.slice(m.index + 8, m.index + 110),
      ),
  );
  const unit = chooseUnit(mentions, organiser?.index, (level) =>
    level === "tỉnh"
      ? place.province
      : place.districtLabel && level !== "xã" && level !== "phường"
        ? place.districtLabel.replace(/^(?:Quận|Thị xã|Thành phố)\s+/u, "")
        : undefined,
  );
  if (!unit) review.push("unit: không xác định được đơn vị tổ chức — hãy ghi");

  const officials = extractOfficials(
    cleaned.body.map((b) => b.text),
    isPlaceName,
    byline,
  );
  if (officials.length === 0) review.push("officials: không tìm thấy đại biểu nào — kiểm tra");

  const source = {
    ...(cleaned.publisher && { name: cleaned.publisher }),
    ...(url && { url }),
  };
  return {
    article: {
      title: cleaned.title,
      date,
      dateInferred,
      locality: {
        province: place.province,
        ...(place.districtLabel && { district: place.districtLabel }),
        ...(place.communes.length > 0 && { communes: place.communes }),
      },
      ...(unit && { unit }),
      officials,
      byline,
      ...(Object.keys(source).length > 0 && { source }),
      review,
    },
    body: cleaned.body,
  };
}
