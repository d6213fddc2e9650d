/**
 * The article renderer (src/markdown/render.ts): GFM syntax in an article renders as GFM, and an
 * article parsed as CommonMark alone (it has no text that GFM syntax needs) renders exactly as it would
 * with GFM.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayContainGfm, renderArticleBody } from "../../src/markdown/render.ts";

describe("renderArticleBody", () => {
  it.each([
    ["a table", "| Đơn vị | Số người |\n| --- | --- |\n| Ban CHQS | 3 |", /<table>[\s\S]*<td>Ban CHQS<\/td>/u],
    ["strikethrough", "Lịch ~~đã huỷ~~ dời lại", /<del>đã huỷ<\/del>/u],
    [
      "a footnote",
      "Theo báo cáo[^1].\n\n[^1]: Báo cáo năm 2024.",
      /<li id="user-content-fn-1">[\s\S]*Báo cáo năm 2024/u,
    ],
    ["a task list", "- [x] Đã xong\n- [ ] Chưa xong", /<li class="task-list-item">/u],
    ["a web address", "Xem tại www.qdnd.vn.", /<a href="http:\/\/www\.qdnd\.vn">www\.qdnd\.vn<\/a>\./u],
    ["a link", "Nguồn: https://baohagiang.vn/tin-tuc", /<a href="https:\/\/baohagiang\.vn\/tin-tuc">/u],
    ["an e-mail address", "Thư gửi toasoan@baohagiang.vn", /<a href="mailto:toasoan@baohagiang\.vn">/u],
  ])("renders %s", (_, markdown, html) => {
    expect(mayContainGfm(markdown)).toBe(true);
    expect(renderArticleBody(markdown)).toMatch(html);
  });

  it("renders an article without GFM syntax as the GFM parser would", () => {
    // Pieces of Markdown, with near misses of GFM syntax ("www", "http:/", "[ x]", "[^") and GFM syntax
    // itself, so that some texts are parsed as CommonMark and others with GFM.
    const piece = fc.constantFrom(
      "Hội nghị",
      "quân sự",
      "www",
      "www.qdnd.vn",
      "http",
      "http:/",
      "https://a.vn/b_c",
      "x",
      "w",
      ".",
      ":",
      "/",
      "[",
      "]",
      "[ x]",
      "[x]",
      "[ ]",
      "\n- [x] ",
      "\n- [ ] ",
      "[^1]",
      "[^1]: chú thích",
      "^",
      "(",
      ")",
      "*",
      "**",
      "_",
      "`",
      "# ",
      "> ",
      "- ",
      "1. ",
      "---",
      "|",
      "~",
      "~~",
      "@",
      "a@b.vn",
      "<b>",
      "</b>",
      "&amp;",
      "\\",
      "!",
      "[liên kết](https://a.vn)",
      " ",
      "  ",
      "\n",
      "\n\n",
    );
    const markdown = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(""));
    let commonMark = 0;
    fc.assert(
      fc.property(markdown, (text) => {
        if (!mayContainGfm(text)) commonMark++;
        expect(renderArticleBody(text)).toBe(renderArticleBody(text, true));
      }),
      { numRuns: 2000 },
    );
    // Both parsers were compared on many texts, not one.
    expect(commonMark).toBeGreaterThan(100);
  });
});
