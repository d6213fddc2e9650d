/**
 * Property-based tests (fast-check) of the text helpers and of the importer, on random and hostile
 * strings: nothing crashes, text comes out NFC, slugs are ASCII and safe as file names, and importing
 * the same pages twice changes nothing the second time.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonical, fold, isSlug, nameKey, nfc, slugify, withToneStyle } from "../../src/domain/text.ts";
import { extractArticle, InputProblem } from "../../src/ingest/extract.ts";
import { runIngest } from "../../src/ingest/index.ts";
import { scratchDir } from "../helpers/scratch.ts";

const isNfc = (s: string) => s === s.normalize("NFC");

/** Characters that break naive code: bidi overrides, zero-width, NUL, path and markup syntax, decomposed marks. */
const HOSTILE = [
  "\u202e",
  "\u202d",
  "\u200b",
  "\u200d",
  "\ufeff",
  "\u0000",
  "../",
  "..\\",
  "/",
  "</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:",
  "---",
  "\r\n",
  "\t",
  "o\u0302\u0323",
  "\u0301",
  "🇻🇳",
  "\ud800",
  "Đảng ủy",
  "Hoà Bình",
  "Hòa Bình",
  "Thượng tá",
  "*",
  "#",
  "`",
  "[a](javascript:alert(1))",
];
const vietnamese = fc.constantFrom(
  ..."aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐÂÊÔƠƯ ",
);
/** Strings mixing any code points (lone surrogates included), Vietnamese letters and the hostile pieces. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "binary", maxLength: 8 }),
      fc.string({ unit: vietnamese, maxLength: 12 }),
      fc.constantFrom(...HOSTILE),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

describe("text helpers on any string", () => {
  it("nfc gives NFC text, and applying it again changes nothing", () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const once = nfc(s);
        expect(isNfc(once)).toBe(true);
        expect(nfc(once)).toBe(once);
      }),
    );
  });

  it("slugify gives an ASCII slug of at most 80 characters, or nothing; never a path", () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const slug = slugify(s);
        expect(slug.length).toBeLessThanOrEqual(80);
        if (slug !== "") {
          expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(isSlug(slug)).toBe(true);
        }
        // The same words in NFD, or with the other tone-mark style, give the same slug.
        expect(slugify(s.normalize("NFD"))).toBe(slug);
      }),
    );
  });

  it("canonical tone marks: idempotent, NFC, and the same for both styles", () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const c = canonical(s);
        expect(isNfc(c)).toBe(true);
        expect(canonical(c)).toBe(c);
        expect(canonical(withToneStyle(s, "traditional"))).toBe(canonical(withToneStyle(s, "modern")));
      }),
    );
  });

  it("fold and nameKey ignore composition and tone-mark style", () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        expect(fold(s.normalize("NFD"))).toBe(fold(s));
        expect(fold(s)).not.toMatch(/[\u0300-\u036f]/u);
        expect(nameKey(withToneStyle(s, "traditional"))).toBe(nameKey(withToneStyle(s, "modern")));
      }),
    );
  });
});

describe("the importer on any page", () => {
  it("extracts an article or gives a one-line reason; never throws anything else; text is NFC", () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 8 }), fc.boolean(), (lines, asHtml) => {
        const raw = lines.join("\n");
        try {
          const { article, body } = extractArticle(
            asHtml
              ? { input: "trang.html", html: `<html><body>${raw}</body></html>` }
              : { input: "trang.txt", text: raw },
          );
          for (const text of [article.title, ...body.map((b) => b.text)]) expect(isNfc(text)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(InputProblem);
          expect((error as Error).message).not.toContain("\n");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("writes only ASCII-slug files inside its output folder, and importing again is a no-op", async () => {
    // A plausible page (title, a date line, paragraphs) built from hostile pieces.
    const page = fc.record({
      title: hostileText,
      day: fc.integer({ min: 1, max: 28 }),
      month: fc.integer({ min: 1, max: 12 }),
      year: fc.integer({ min: 2015, max: 2025 }),
      paragraphs: fc.array(hostileText, { minLength: 1, maxLength: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(page, { minLength: 1, maxLength: 5 }), async (pages) => {
        const work = scratchDir("prop-ingest");
        const input = path.join(work, "in");
        const out = path.join(work, "out");
        mkdirSync(input);
        pages.forEach((p, i) => {
          const text = [
            p.title,
            `Ngày ${p.day}/${p.month}/${p.year}, huyện Lâm Bình tổ chức hội nghị.`,
            ...p.paragraphs,
          ];
          writeFileSync(path.join(input, `${i}.txt`), text.join("\n\n"));
        });
        const first = await runIngest({ paths: [input], outDir: out, workers: 0 });
        const files = listFiles(out);
        // Nothing was written anywhere but the output folder (the inputs are the only other files).
        expect(listFiles(work).filter((f) => !f.startsWith(input + path.sep))).toEqual(files);
        for (const file of files) {
          const [year, month, name] = path.relative(out, file).split(path.sep);
          expect(year).toMatch(/^\d{4}$/);
          expect(month).toMatch(/^\d{2}$/);
          expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.md$/);
          expect(isNfc(readFileSync(file, "utf8"))).toBe(true);
        }
        expect(first.filter((r) => r.status === "created").length).toBe(files.length);
        const before = files.map((f) => readFileSync(f, "utf8"));
        const second = await runIngest({ paths: [input], outDir: out, workers: 0 });
        // Created the first time, unchanged the second; a failed page or a duplicate stays so.
        expect(second.map((r) => r.status)).toEqual(
          first.map((r) => (r.status === "created" ? "unchanged" : r.status)),
        );
        expect(listFiles(out)).toEqual(files);
        expect(files.map((f) => readFileSync(f, "utf8"))).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });
});

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  } catch {
    return [];
  }
}
