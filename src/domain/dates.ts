/**
 * Dates in Vietnam time (UTC+07:00, no daylight saving). Written by hand rather
 * than with Intl so that output does not depend on the ICU data of the Node
 * version that builds the site.
 */

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"] as const;

export interface VnParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

/** The calendar fields of `date` as a clock in Vietnam shows them. */
export function vnParts(date: Date): VnParts {
  const local = new Date(date.getTime() + VN_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** The instant of Vietnam midnight on the given day. */
export function vnMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - VN_OFFSET_MS);
}

/** True when the article has a time of day (a date alone is stored as Vietnam midnight). */
export function hasTimeOfDay(date: Date): boolean {
  const { hour, minute, second } = vnParts(date);
  return hour !== 0 || minute !== 0 || second !== 0;
}

/** "Thứ Năm, 23/11/2023", followed by ", 16:13" when the time of day is known. */
export function formatVnDate(date: Date, { withTime = true } = {}): string {
  const p = vnParts(date);
  const day = `${WEEKDAYS[p.weekday]}, ${pad(p.day)}/${pad(p.month)}/${p.year}`;
  return withTime && hasTimeOfDay(date) ? `${day}, ${pad(p.hour)}:${pad(p.minute)}` : day;
}

/** "23/11/2023": the short form for lists. */
export function formatVnShortDate(date: Date): string {
  const p = vnParts(date);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** The day of a date in Vietnam as "2024-07-15": the unit the search shards are made of. */
export function vnDay(date: Date): string {
  const p = vnParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** ISO 8601 with the +07:00 offset: "2023-11-23T00:00:00+07:00". */
export function toVnIso(date: Date): string {
  const p = vnParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+07:00`;
}

/**
 * The value for `<time datetime>` and schema.org: "2023-11-23" for a date
 * alone, the full ISO form with +07:00 when the time of day is known.
 */
export function toMachineDate(date: Date): string {
  return hasTimeOfDay(date) ? toVnIso(date) : toVnIso(date).slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a frontmatter date. Accepts a YAML timestamp (already a Date) or a
 * string "YYYY-MM-DD" / "YYYY-MM-DDTHH:MM[:SS][offset]". A date without a time
 * means that day in Vietnam (stored as Vietnam midnight); a time without an
 * offset is Vietnam time. Returns undefined for anything else, including days
 * that do not exist such as 2023-02-30.
 *
 * YAML turns an unquoted `2023-11-23` into UTC midnight; that is read back as
 * the calendar day it names. (An explicit time of exactly 07:00+07:00 is
 * indistinguishable from it and is read the same way.)
 */
export function parseArticleDate(value: unknown): Date | undefined {
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) return undefined;
    if (time % 86_400_000 === 0) {
      return vnMidnight(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    }
    return new Date(time);
  }
  if (typeof value !== "string") return undefined;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 7 * 60;
  if (zone === "Z") offsetMinutes = 0;
  else if (zone) {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000);
}
