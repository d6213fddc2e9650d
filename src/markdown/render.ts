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
import { unified, type Transformer } from "unified";
import type { Element, Root } from "hast";
import { DROPPED_WITH_CONTENT } from "../domain/summary.ts";
import { vi } from "../i18n/vi.ts";
import remarkFigureCaptions from "./remark-figure-captions.ts";
import { eachOfType, someNode } from "./tree.ts";

export const articleSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => name !== "input"), "figure", "figcaption"],
  attributes: {
    ...defaultSchema.attributes,
    // No `dir`: text direction is the page's business (a direction override can disguise a sentence).
    "*": (defaultSchema.attributes?.["*"] ?? []).filter((name) => name !== "dir"),
    img: [...(defaultSchema.attributes?.img ?? []), "width", "height", "loading"],
  },
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] },
  strip: DROPPED_WITH_CONTENT,
};

/**
 * The sanitiser prefixes every id from an article ("user-content-"); links within the article
 * (footnotes, "#phan-2") get the same prefix so that they still arrive.
 */
function rehypeInPageLinks() {
  return (tree: Root) => {
    eachOfType<Element>(tree, "element", (element) => {
      const href = element.properties.href;
      if (element.tagName === "a" && typeof href === "string" && href.startsWith("#") && href.length > 1) {
        element.properties.href = `#${CLOBBER_PREFIX}${href.slice(1)}`;
      }
    });
  };
}

/**
 * rehype-raw for the articles that have raw HTML: it runs the whole tree through an HTML parser, which
 * an article written in Markdown alone does not need (measured: 0.35 ms an article, 8 % of the sync).
 */
function rehypeRawWhenPresent(): Transformer<Root> {
  const parse = rehypeRaw();
  return (tree, file) => (someNode(tree, (node) => node.type === "raw") ? parse(tree, file) : tree);
}

const CLOBBER_PREFIX = articleSchema.clobberPrefix ?? "user-content-";

/**
 * Text without which no GFM syntax can occur: autolink literals need "www.", "http://", "https://" or
 * "@" (e-mail, mailto:, xmpp:) — written, or made by a backslash escape ("www\\.") or a character
 * reference ("&#64;", "&commat;"), as GFM finds them in the decoded text too; footnotes need "[^",
 * strikethrough "~", tables a delimiter row with "|", ":-" or "-:", task list items "[ ]" or "[x]"
 * (a line ending between the brackets counts). An article with none of them is parsed as CommonMark
 * alone, which gives the same tree: the GFM extensions try their syntax at nearly every character
 * (autolink literals at every ASCII letter): parsing 3,000 articles of the benchmark corpus took 3.8 s
 * with them and 1.0 s without (measured).
 */
const GFM_SYNTAX = /www\.|https?:\/\/|@|\[\^|~|\||:-|-:|\[(?:\r\n|[\sx])\]|\\[.:/@]|&[#a-z]/iu;

/** Whether `markdown` may contain GFM syntax (see GFM_SYNTAX). */
export const mayContainGfm = (markdown: string) => GFM_SYNTAX.test(markdown);

const processor = (gfm: boolean) =>
  unified()
    .use(remarkParse)
    .use(gfm ? [remarkGfm] : [])
    .use(remarkFigureCaptions)
    // Footnote ids are prefixed once, by the sanitiser, like every other id.
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: "",
      footnoteLabel: vi.article.footnotes,
      footnoteBackLabel: (index: number) => vi.article.footnoteBack(index + 1),
    })
    .use(rehypeRawWhenPresent)
    .use(rehypeSanitize, articleSchema)
    .use(rehypeInPageLinks)
    .use(rehypeStringify)
    .freeze();

const processors = { gfm: processor(true), commonMark: processor(false) };

/** The HTML of an article's Markdown body, sanitised; `gfm` forces the GFM parser (tests compare the two). */
export function renderArticleBody(markdown: string, gfm = mayContainGfm(markdown)): string {
  return String((gfm ? processors.gfm : processors.commonMark).processSync(markdown));
}
