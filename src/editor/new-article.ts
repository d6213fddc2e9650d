/**
 * `npm run new`: a new article file, correctly placed, with the frontmatter
 * skeleton an editor fills in. Optional fields are written as comments with an
 * example, so the file passes `npm run check` as created and shows what can go
 * where. An existing file is never overwritten: a number is added to the slug.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { articleFolder } from "../domain/article.ts";
import { parseArticleDate, toVnIso } from "../domain/dates.ts";
import { isKnownProvince, suggestProvince } from "../domain/places.ts";
import { collapseSpace, nfc, slugify } from "../domain/text.ts";
import { vi } from "../i18n/vi.ts";

const m = vi.newArticle;

export interface NewArticle {
  title: string;
  province: string;
  /** YYYY-MM-DD; today in Vietnam when absent. */
  date?: string;
  district?: string;
  unit?: string;
}

export class NewArticleError extends Error {}

/** A YAML scalar as it would be written in the frontmatter: quoted only when it must be. */
const scalar = (value: string): string => stringify(value, { lineWidth: 0 }).trimEnd();

/** The file text for a new article. Throws NewArticleError naming the option to fix. */
export function newArticleText(input: NewArticle, now: Date): { text: string; folder: string; slug: string } {
  const title = collapseSpace(nfc(input.title));
  const slug = slugify(title);
  if (!slug) throw new NewArticleError(m.noTitle);
  const province = collapseSpace(nfc(input.province));
  if (!isKnownProvince(province)) throw new NewArticleError(m.badProvince(province, suggestProvince(province)));
  const date = input.date === undefined ? now : parseArticleDate(input.date);
  if (!date) throw new NewArticleError(m.badDate(input.date ?? ""));
  const day = toVnIso(date).slice(0, 10);
  const optional = (field: string, value: string | undefined, example: string) =>
    value === undefined ? `# ${field}: ${example}` : `${field}: ${scalar(collapseSpace(nfc(value)))}`;
  const text = [
    "---",
    `title: ${scalar(title)}`,
    `date: ${day} # ${m.dateHint}`,
    "dateInferred: false",
    "locality:",
    `  province: ${scalar(province)}`,
    `  ${optional("district", input.district, "Bắc Mê")}`,
    "  # communes: [Phú Nam, Yên Cường]",
    optional("unit", input.unit, "Ban CHQS huyện Bắc Mê"),
    `# ${m.officialsHint}`,
    "# officials:",
    "#   - name: Nguyễn Văn A",
    "#     rank: Thượng tá",
    "#     titles: [Chỉ huy trưởng Ban CHQS huyện]",
    "#     role: chủ trì",
    "# byline: [Tên phóng viên]",
    '# source: { name: Báo Hà Giang, url: "https://…" }',
    "---",
    "",
    `<!-- ${m.bodyHint} -->`,
    "",
  ].join("\n");
  return { text, folder: articleFolder(date), slug };
}

/** Writes the new article under `contentDir` and returns its path. */
export async function createArticle(contentDir: string, input: NewArticle, now = new Date()): Promise<string> {
  const { text, folder, slug } = newArticleText(input, now);
  const dir = path.join(contentDir, folder);
  await mkdir(dir, { recursive: true });
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${n === 1 ? slug : `${slug}-${n}`}.md`);
    try {
      await writeFile(file, text, { flag: "wx" });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}
