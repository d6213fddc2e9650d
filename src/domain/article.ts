/**
 * The article schema: the frontmatter of every file in content/articles, its
 * validation and the messages an editor reads when a field is wrong. Every
 * message names what was found and what is expected; Astro and `npm run check`
 * add the file and the field.
 */
import { z } from "zod";
import { vi } from "../i18n/vi.ts";
import { parseArticleDate, vnParts } from "./dates.ts";
import { RANKS, normalizeRank } from "./people.ts";
import { isKnownProvince, KNOWN_PROVINCE_NAMES, suggestProvince } from "./places.ts";
import { closest, collapseSpace, isSlug, nfc, slugify, stripInvisible } from "./text.ts";

const msg = vi.schema;

/** What a date looks like, for JSON Schema: YYYY-MM-DD, optionally with a time and offset (the schema checks the day exists). */
const DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2})?(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?)?$";

/** A short description of a value an editor wrote, for error messages. */
export function describeValue(value: unknown): string {
  const d = msg.describe;
  if (value === null || value === "") return d.empty;
  if (Array.isArray(value)) return d.list;
  if (value instanceof Date)
    return d.date(Number.isNaN(value.getTime()) ? "không hợp lệ" : value.toISOString().slice(0, 10));
  switch (typeof value) {
    case "string":
      return d.text(value.length > 60 ? `${value.slice(0, 57)}…` : value);
    case "number":
      return d.number(value);
    case "boolean":
      return d.boolean(value);
    case "object":
      return d.object;
    default:
      return String(value);
  }
}

/** An error function for zod: "missing" or "found X, expected Y". */
function expecting(expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? msg.missing(expected) : msg.found(describeValue(issue.input), expected);
}

/** A single line of text: trimmed, white space collapsed, NFC, not empty. */
/*
 * `.meta()` describes each field for JSON Schema (src/editor/json-schema.ts): editors see the same
 * Vietnamese descriptions in their editor's completion and in the browser CMS.
 */

/** The longest one-line field (a title, a name, a summary), in characters. */
export const MAX_LINE = 2000;
/** The most entries of one list (officials, byline, tags …). */
export const MAX_LIST = 300;

/** One line of text: NFC, invisible characters (zero-width, direction overrides) removed, spaces collapsed. */
function line(expected: string, meta: Record<string, unknown> = {}) {
  return z
    .string({ error: expecting(expected) })
    .meta({ description: expected, minLength: 1, maxLength: MAX_LINE, ...meta })
    .transform((s) => collapseSpace(nfc(stripInvisible(s))))
    .refine((s) => s.length > 0, { error: () => msg.found(describeValue(""), expected) })
    .refine((s) => s.length <= MAX_LINE, { error: (issue) => msg.tooLong(String(issue.input).length, MAX_LINE) });
}

function list<T extends z.ZodType>(item: T, expected: string) {
  return z
    .array(item, { error: expecting(expected) })
    .meta({ description: expected, maxItems: MAX_LIST })
    .refine((items) => items.length <= MAX_LIST, {
      error: (issue) => msg.tooMany((issue.input as unknown[]).length, MAX_LIST),
    });
}

function lines(expected: string) {
  return list(line(expected), expected);
}

/**
 * An object that rejects unknown fields, each at its own path with a "did you
 * mean …?" suggestion, so a typo such as `offcials` is reported (together with
 * every other problem) instead of being silently dropped.
 */
function strictRecord<T extends z.ZodRawShape>(shape: T, expected: string) {
  const allowed = Object.keys(shape);
  return z
    .looseObject(shape, { error: expecting(expected) })
    .meta({ description: expected, additionalProperties: false })
    .superRefine(
      (value, ctx) => {
        if (typeof value !== "object" || value === null) return;
        for (const [key, input] of Object.entries(value)) {
          if (allowed.includes(key)) continue;
          ctx.addIssue({
            code: "custom",
            path: [key],
            input,
            message: msg.unknownField(key, closest(key, allowed), allowed),
          });
        }
      },
      { when: () => true },
    )
    .transform((value) => value as z.output<z.ZodObject<T>>);
}

const e = msg.expected;

/** Where the article is about, named as it was at publication. */
export const localitySchema = strictRecord(
  {
    /** Province or centrally-run city as named at publication: one of the 63 before July 2025, or the 34 after. */
    province: line(e.province, {
      examples: [...KNOWN_PROVINCE_NAMES].sort((a, b) => a.localeCompare(b, "vi")),
    }).refine(isKnownProvince, {
      error: (issue) => msg.unknownProvince(String(issue.input), suggestProvince(String(issue.input))),
    }),
    /** District-level unit (huyện, quận, thị xã, thành phố thuộc tỉnh), without its type word where it is a huyện. */
    district: line(e.district).optional(),
    /** Communes, wards or townships the article names. */
    communes: lines(e.communes).optional(),
  },
  e.locality,
);

/** One official present at the event. A person is identified by name, not by (name, title). */
export const officialSchema = strictRecord(
  {
    /** Full name as written in the article. */
    name: line(e.name),
    /** Military rank, normalised to its usual capitalisation ("thiếu tướng" → "Thiếu tướng"). */
    rank: z
      .string({ error: expecting(e.rank(RANKS)) })
      .meta({ description: e.rank(RANKS), examples: [...RANKS] })
      .transform((value, ctx) => {
        const rank = normalizeRank(value);
        if (!rank) {
          ctx.addIssue({ code: "custom", message: msg.found(describeValue(value), e.rank(RANKS)), input: value });
          return z.NEVER;
        }
        return rank;
      })
      .nullish()
      .transform((rank) => rank ?? undefined),
    /** Titles held at the time of the article, in the order the article gives them. */
    titles: lines(e.titles).default([]),
    /** What the person did at the event: chủ trì, kết luận, phát biểu … */
    role: line(e.role).optional(),
  },
  e.official,
);

/** Publisher and original address of the article. */
export const sourceSchema = strictRecord(
  {
    /** Publisher as the page names it, e.g. "Báo Hà Giang". */
    name: line(e.sourceName).optional(),
    /** The original article's address; http or https only. */
    url: z
      .string({ error: expecting(e.sourceUrl) })
      .meta({ description: e.sourceUrl, format: "uri", pattern: "^https?://" })
      .trim()
      .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), {
        error: (issue) => msg.found(describeValue(issue.input), e.sourceUrl),
      })
      .optional(),
  },
  e.source,
).refine((source) => source.name !== undefined || source.url !== undefined, {
  error: () => msg.found(describeValue({}), e.source),
});

/** The frontmatter of an article (v1). */
export const articleSchema = strictRecord(
  {
    /** Headline as published. */
    title: line(e.title),
    /**
     * Publication time when the page shows one, otherwise the event date from
     * the lead. Vietnam time (+07:00); a date without time is that day.
     */
    date: z
      .unknown()
      .meta({ description: e.date, type: "string", pattern: DATE_PATTERN })
      .transform((value, ctx) => {
        const date = parseArticleDate(value);
        if (!date) {
          ctx.addIssue({ code: "custom", message: expecting(e.date)({ input: value }), input: value });
          return z.NEVER;
        }
        return date;
      }),
    /** True when the year (or more) of `date` was inferred rather than read from the page. */
    dateInferred: z
      .boolean({ error: expecting(e.dateInferred) })
      .meta({ description: e.dateInferred })
      .default(false),
    /** Where the article is about. The province today is derived, never stored. */
    locality: localitySchema,
    /** The organising unit, e.g. "Ban CHQS huyện Thạch Thất". */
    unit: line(e.unit).optional(),
    /** Officials present, with rank and titles. Reporters are not officials. */
    officials: list(officialSchema, e.officials).default([]),
    /** Reporters, as they sign the article. */
    byline: lines(e.byline).default([]),
    /** Publisher and original URL. */
    source: sourceSchema.optional(),
    /** Free keywords. */
    tags: lines(e.tags).default([]),
    /** Short summary; pages fall back to the first paragraph. */
    summary: line(e.summary).optional(),
    /** What the importer was unsure of, one note each, field first; editors resolve and delete them. */
    review: lines(e.review).default([]),
    /**
     * Written by the importer, not by editors: hashes of the input and of the
     * file as imported, so that re-importing never overwrites an edited article.
     */
    import: strictRecord(
      {
        input: z.string({ error: expecting(e.importHash) }).meta({ description: e.importHash }),
        output: z.string({ error: expecting(e.importHash) }).meta({ description: e.importHash }),
      },
      e.importHash,
    ).optional(),
  },
  e.article,
);

/** An article's frontmatter as written in the file. */
export type ArticleInput = z.input<typeof articleSchema>;
/** An article's frontmatter after validation: NFC text, a Date, defaults filled in. */
export type Article = z.output<typeof articleSchema>;
export type Official = z.output<typeof officialSchema>;

/**
 * An article's frontmatter after validation, back from JSON (lib/articles.ts): the date is the one
 * value JSON cannot hold, and is written as an ISO string.
 */
export function articleDataFromJson(json: Record<string, unknown>): Article {
  return { ...json, date: new Date(json.date as string) } as Article;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** The YYYY/MM folder an article published on `date` belongs in (Vietnam time). */
export function articleFolder(date: Date): string {
  const { year, month } = vnParts(date);
  return `${year}/${pad2(month)}`;
}

/**
 * Problems with where an article file lives: the collection id
 * ("2023/11/<slug>") must be a YYYY/MM folder matching the date and an ASCII
 * slug. Returns messages for the editor; empty when all is well.
 */
export function articlePathProblems(id: string, date: Date): string[] {
  const match = /^(\d{4}\/\d{2})\/([^/]+)$/.exec(id);
  if (!match) return [vi.content.badLayout];
  const [, folder, slug] = match as unknown as [string, string, string];
  const problems: string[] = [];
  if (!isSlug(slug)) problems.push(vi.content.badSlug(slug, slugify(slug) || "bai-viet"));
  const expected = articleFolder(date);
  if (folder !== expected) problems.push(vi.content.folderMismatch(folder, expected));
  return problems;
}
