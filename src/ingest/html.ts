/**
 * Read stage for saved portal pages: find the article in the HTML, drop
 * navigation, scripts, share bars and related-news boxes, and turn what is
 * left into lines (captions marked) for the clean stage.
 */
import type { Element, ElementContent, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import type { Block } from "./clean.ts";

export interface HtmlPage {
  title?: string;
  /** canonical or og:url */
  url?: string;
  /** article:published_time or similar meta, as written. */
  published?: string;
  blocks: Block[];
}

const DROP_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "iframe",
  "svg",
  "button",
  "select",
  "input",
  "textarea",
  "template",
  "object",
  "embed",
  "video",
  "audio",
  "canvas",
  "map",
]);
const CHROME_CLASS =
  /(^|[\s_-])(share|sharing|social|related|lien-?quan|tinlienquan|other|tin-?khac|tinkhac|comment|binh-?luan|breadcrumbs?|menu|navbar|sidebar|banner|advert|ads|quang-?cao|footer|header|toolbar|print|tags?|pagination|pager|rating|font-?size|textsize|hotline|weather|clock)([\s_-]|$)/iu;
const CAPTION_CLASS =
  /(caption|image_?desc|img-?desc|desc-?img|chu-?thich|chuthich|figcaption|photo-?desc|ghi-?chu-?anh)/iu;
const BLOCK_TAGS = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "blockquote",
  "figure",
  "figcaption",
  "table",
  "tbody",
  "thead",
  "tr",
  "td",
  "th",
  "dd",
  "dt",
  "dl",
  "pre",
  "center",
  "br",
  "hr",
]);

const classOf = (el: Element): string => {
  const cls = el.properties.className;
  return `${Array.isArray(cls) ? cls.join(" ") : String(cls ?? "")} ${String(el.properties.id ?? "")}`;
};

/** Removes chrome elements in place. */
function prune(node: Root | Element): void {
  node.children = (node.children as ElementContent[]).filter((child) => {
    if (child.type === "comment") return false;
    if (child.type !== "element") return true;
    if (DROP_TAGS.has(child.tagName)) return false;
    if (CHROME_CLASS.test(classOf(child)) && !CAPTION_CLASS.test(classOf(child))) return false;
    prune(child);
    return true;
  }) as typeof node.children;
}

/** Text length of an element's own paragraphs: the article body has the most. */
function paragraphScore(el: Element): number {
  let score = 0;
  for (const child of el.children) {
    if (child.type === "element" && (child.tagName === "p" || child.tagName === "div" || child.tagName === "br")) {
      const text = toText(child).trim();
      if (text.length > 40) score += text.length;
    } else if (child.type === "text") {
      score += child.value.trim().length > 40 ? child.value.trim().length : 0;
    }
  }
  return score;
}

function articleRoot(tree: Root): Element | undefined {
  const marked = select('[itemprop="articleBody"], article', tree);
  if (marked && toText(marked).trim().length > 200) return marked;
  let best: Element | undefined;
  let bestScore = 0;
  for (const el of selectAll("div, section, td, main, article", tree)) {
    const score = paragraphScore(el);
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/** The element's text as lines: block elements break lines; caption elements are marked. */
function toBlocks(node: Element, blocks: Block[], current: { text: string }, inCaption: boolean): void {
  const flush = () => {
    const text = current.text.replace(/\s+/gu, " ").trim();
    if (text) blocks.push({ text, ...(inCaption && { caption: true }) });
    current.text = "";
  };
  for (const child of node.children) {
    if (child.type === "text") current.text += child.value;
    else if (child.type === "element") {
      if (child.tagName === "img") continue;
      const block = BLOCK_TAGS.has(child.tagName);
      const caption = inCaption || child.tagName === "figcaption" || CAPTION_CLASS.test(classOf(child));
      if (block || caption !== inCaption) flush();
      if (caption !== inCaption) {
        const inner = { text: "" };
        toBlocks(child, blocks, inner, caption);
        const text = inner.text.replace(/\s+/gu, " ").trim();
        if (text) blocks.push({ text, ...(caption && { caption: true }) });
      } else toBlocks(child, blocks, current, inCaption);
      if (block) flush();
    }
  }
}

const meta = (tree: Root, selector: string): string | undefined => {
  const el = select(selector, tree);
  const value = el?.properties.content ?? el?.properties.href;
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
};

/** Reads a saved portal page. */
export function readHtml(html: string): HtmlPage {
  const tree = fromHtml(html);
  const ogTitle = meta(tree, 'meta[property="og:title"]');
  const url = meta(tree, 'link[rel="canonical"]') ?? meta(tree, 'meta[property="og:url"]');
  const published =
    meta(tree, 'meta[property="article:published_time"]') ??
    meta(tree, 'meta[name="pubdate"]') ??
    meta(tree, 'meta[itemprop="datePublished"]');
  // Title and date often sit in a header that pruning removes: read them first.
  const h1 = select("article h1, h1", tree);
  const title = (h1 ? toText(h1).replace(/\s+/gu, " ").trim() : undefined) || ogTitle;
  const dateElement = select('time, [class*="date"], [class*="time"], [class*="publish"], [class*="ngay"]', tree);
  const dateLine = dateElement ? toText(dateElement).replace(/\s+/gu, " ").trim() : undefined;
  prune(tree);
  const root = articleRoot(tree);
  const blocks: Block[] = [];
  if (root) {
    const current = { text: "" };
    toBlocks(root, blocks, current, false);
    const rest = current.text.replace(/\s+/gu, " ").trim();
    if (rest) blocks.push({ text: rest });
  }
  // The title and the date line head the lines, once each.
  const head: Block[] = [];
  if (title) head.push({ text: title });
  if (dateLine && dateLine.length < 90) head.push({ text: dateLine });
  const body = blocks.filter((b) => !head.some((h) => h.text === b.text));
  return { ...(title && { title }), ...(url && { url }), ...(published && { published }), blocks: [...head, ...body] };
}
