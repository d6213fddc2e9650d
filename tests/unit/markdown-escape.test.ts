/**
 * The importer's Markdown escaping: every body line must read back, through
 * the same remark parser (with GFM) the site uses, as exactly the text that
 * was imported, in the shape it was written (one paragraph, or one caption).
 */
import type { Emphasis, Paragraph, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { bodyMarkdown } from "../../src/ingest/write.ts";

const parser = unified().use(remarkParse).use(remarkGfm);

const tricky = [
  "# không phải tiêu đề",
  "1. không phải danh sách",
  "2) cũng không",
  "- gạch đầu dòng",
  "+ dấu cộng",
  "> không phải trích dẫn",
  "---",
  "***",
  "===",
  "*sao* và _gạch dưới_ và **đậm**",
  "`mã` và ```ba dấu```",
  "[liên kết](https://example.org) và ![ảnh](a.jpg)",
  "<script>alert(1)</script> <b>đậm</b>",
  "&amp; &#39; &copy; & một mình",
  "đường dẫn \\ gạch chéo ngược \\* và \\\\",
  "| bảng | không |",
  "~~gạch ngang~~ và ~một~",
  "Giá 100$, tỷ lệ 23,4% [GMT +7] {x}",
  "Kỷ niệm 77 năm ngày Thương binh- Liệt sỹ 27/7/1947- 27/7/2024);…",
  "www.example.org và https://baohagiang.vn/a_b*c",
  "Xem tại https://example.org/a*b*c, hoặc www.a.vn/_x_. Thư: a_b@c.vn",
  ": hai chấm ở đầu",
  "Tiêu đề\n=== không phải setext",
];

describe("bodyMarkdown", () => {
  it.each(tricky)("reads back %j as one paragraph with the same text", (text) => {
    const tree = parser.parse(bodyMarkdown([{ text }])) as Root;
    expect(tree.children.map((c) => c.type)).toEqual(["paragraph"]);
    expect(toString(tree)).toBe(text.replace(/\n/gu, "\n"));
  });

  it.each(tricky)("reads back %j as a caption", (text) => {
    const tree = parser.parse(bodyMarkdown([{ text, caption: true }])) as Root;
    const paragraph = tree.children[0] as Paragraph;
    expect(paragraph.children.map((c) => c.type)).toEqual(["emphasis"]);
    expect(toString(paragraph.children[0] as Emphasis)).toBe(text);
  });
});
