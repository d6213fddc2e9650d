/**
 * remark plugin: photo captions become figures.
 *
 * Scraped articles keep the captions of their photos even when the photos are
 * lost. In our Markdown a caption is a paragraph that is entirely in italics,
 * optionally right under its image:
 *
 *     ![Toàn cảnh hội nghị](anh-1.jpg)
 *     *Toàn cảnh Hội nghị*
 *
 * Either shape renders as `<figure>` with the image (if any) and a
 * `<figcaption>`. An image alone in its paragraph becomes a figure without a
 * caption. Nothing else is touched.
 *
 * Options: none.
 */
import type { Emphasis, Image, Paragraph, PhrasingContent, Root } from "mdast";
import { eachOfType } from "./tree.ts";

const isBlank = (node: PhrasingContent): boolean =>
  node.type === "break" || (node.type === "text" && node.value.trim() === "");

/** The image and caption of a paragraph that is a figure, or undefined. */
function figureParts(paragraph: Paragraph): { image?: Image; caption?: Emphasis } | undefined {
  const parts = paragraph.children.filter((child) => !isBlank(child));
  const [first, second] = parts;
  if (parts.length === 1 && first?.type === "emphasis") return { caption: first };
  if (parts.length === 1 && first?.type === "image") return { image: first };
  if (parts.length === 2 && first?.type === "image" && second?.type === "emphasis") {
    return { image: first, caption: second };
  }
  return undefined;
}

export default function remarkFigureCaptions() {
  return (tree: Root) => {
    eachOfType<Paragraph>(tree, "paragraph", (paragraph) => {
      const parts = figureParts(paragraph);
      if (!parts) return;
      const children: PhrasingContent[] = [];
      if (parts.image) children.push(parts.image);
      if (parts.caption) {
        children.push({
          ...parts.caption,
          data: { ...parts.caption.data, hName: "figcaption" },
        });
      }
      paragraph.children = children;
      paragraph.data = { ...paragraph.data, hName: "figure" };
    });
  };
}
