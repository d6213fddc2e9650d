/**
 * The lead of an article for lists, descriptions and social cards, when the
 * frontmatter has no `summary`: the first paragraph of the body that is not a
 * caption, image or heading, reduced to plain text.
 */
import { collapseSpace, nfc } from "./text.ts";

/**
 * HTML elements an article's body loses with everything inside them when it is rendered
 * (markdown/render.ts); the plain text (leads, search) leaves them out too.
 */
export const DROPPED_WITH_CONTENT = [
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
const DROPPED = new RegExp(`<(${DROPPED_WITH_CONTENT.join("|")})\\b[\\s\\S]*?<\\/\\1\\s*>`, "giu");

/** Markdown of one paragraph as plain text: links keep their text, images and markup go. */
export function plainText(markdown: string): string {
  return collapseSpace(
    markdown
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "") // images
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // links keep their text
      .replace(DROPPED, "") // dropped with their content when rendered
      .replace(/<[^>]+>/g, "") // inline HTML
      .replace(/[*_`]+/g, "")
      .replace(/\\(.)/g, "$1"),
  );
}

const isCaptionOrMedia = (block: string): boolean => /^([*_]).+\1$/s.test(block) || /^!\[/.test(block);

/** The first real paragraph of a Markdown body as plain text. */
export function leadParagraph(markdown: string): string {
  for (const raw of markdown.split(/\n\s*\n/)) {
    const block = raw.trim();
    if (!block || block.startsWith("#") || block.startsWith("<") || isCaptionOrMedia(block)) continue;
    const text = plainText(block);
    if (text) return nfc(text);
  }
  return "";
}

/** The whole body as plain text, one paragraph per line (captions included). */
export function bodyText(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .map((block) => plainText(block.trim()))
    .filter(Boolean)
    .join("\n");
}

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
