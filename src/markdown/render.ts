/**
 * Article Markdown to HTML: the one pipeline the build uses (on worker threads,
 * see article-loader.ts).
 *
 * Articles come from scrapes of other people's portals: raw HTML in them is
 * parsed (rehype-raw) and then sanitised (rehype-sanitize, GitHub's schema plus
 * figures): no scripts, styles, event handlers, frames, forms or embeds, links
 * and images only over http(s) (links also mailto), ids prefixed so they cannot
 * clobber the page's own. Archived text is kept as written: GFM tables and
 * strikethrough, no curly quotes (no smartypants), captions as figures.
 */
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import remarkFigureCaptions from "./remark-figure-captions.ts";

/** Elements dropped with everything inside them (the rest of an unknown element's content is kept as text). */
const DROPPED_WITH_CONTENT = [
  "script",
  "style",
  "template",
  "noscript",
  "iframe",
  "object",
  "embed",
  "textarea",
  "title",
  "select",
];

export const articleSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => name !== "input"), "figure", "figcaption"],
  attributes: {
    ...defaultSchema.attributes,
    img: [...(defaultSchema.attributes?.img ?? []), "width", "height", "loading"],
  },
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] },
  strip: DROPPED_WITH_CONTENT,
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFigureCaptions)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, articleSchema)
  .use(rehypeStringify)
  .freeze();

/** The HTML of an article's Markdown body, sanitised. */
export function renderArticleBody(markdown: string): string {
  return String(processor.processSync(markdown));
}
