/**
 * npm run new -- "Tiêu đề bài viết" --province "Hà Giang" [--date YYYY-MM-DD] [--district …] [--unit …]
 *
 * Creates content/articles/YYYY/MM/<slug>.md with the frontmatter skeleton and prints its path.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { createArticle, NewArticleError } from "../src/editor/new-article.ts";
import { vi } from "../src/i18n/vi.ts";
import { site } from "../src/site.ts";

const m = vi.newArticle;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    province: { type: "string" },
    date: { type: "string" },
    district: { type: "string" },
    unit: { type: "string" },
    dir: { type: "string", default: site.contentDir },
    help: { type: "boolean", short: "h", default: false },
  },
});
const title = positionals.join(" ").trim();
if (values.help || !title) {
  console.error(m.usage);
  process.exit(values.help ? 0 : 2);
}
if (values.province === undefined) {
  console.error(m.missingProvince);
  console.error(m.usage);
  process.exit(2);
}
try {
  const file = await createArticle(path.resolve(values.dir), {
    title,
    province: values.province,
    ...(values.date !== undefined && { date: values.date }),
    ...(values.district !== undefined && { district: values.district }),
    ...(values.unit !== undefined && { unit: values.unit }),
  });
  console.log(m.created(path.relative(process.cwd(), file)));
} catch (error) {
  if (!(error instanceof NewArticleError)) throw error;
  console.error(error.message);
  process.exit(1);
}
