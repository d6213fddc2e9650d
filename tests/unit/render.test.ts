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

  // Texts that reach GFM syntax in roundabout ways: escapes and character references (GFM finds
  // autolinks in the decoded text), a table whose delimiter row has no "|", a line ending in "[ ]".
  it.each([
    "www\\.qdnd.vn",
    "http\\://a.vn",
    "www&#46;a.vn",
    "&#119;ww.a.vn",
    "toasoan&#64;bao.vn",
    "a&commat;b.vn",
    "Tên\n:--",
    "Tên\n--:",
    "> a\n> :-:",
    "- [\r\n] việc",
  ])("renders %j as the GFM parser does", (markdown) => {
    expect(renderArticleBody(markdown)).toBe(renderArticleBody(markdown, true));
  });

  it("renders an article without GFM syntax as the GFM parser would", () => {
    // Pieces of Markdown that come close to GFM syntax, reach it together ("www" "\\" "." …) or are GFM.
    const piece = fc.constantFrom(
      "Hội nghị",
      "quân sự",
      "www",
      "http",
      "https",
      "x",
      "X",
      "w",
      ".",
      ":",
      "/",
      "-",
      "--",
      "[",
      "]",
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
      "\\",
      "&",
      "#",
      "64;",
      "46;",
      "commat;",
      "amp;",
      "<b>",
      "</b>",
      "!",
      "[liên kết](/bai-viet/)",
      " ",
      "  ",
      "\t",
      "\n",
      "\r\n",
      "\n\n",
      "\n- [x] ",
      "|",
      "~",
      "@",
      // GFM syntax itself: such texts are not compared, unless mayContainGfm misses them.
      "a@b.vn",
      "https://a.vn",
      "www.a.vn",
      "[^1]",
      "\n\n[^1]: chú thích",
      "~~gạch~~",
      "| a | b |\n| - | - |",
      "\n:--",
      "\n--:",
      "a&#64;b.vn",
      "a&commat;b.vn",
      "www&#46;a.vn",
      "\\.",
      "\\@",
    );
    const markdown = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(markdown, (text) => {
        // Only texts the renderer parses as CommonMark: for the others it uses the GFM parser itself.
        fc.pre(!mayContainGfm(text));
        expect(renderArticleBody(text)).toBe(renderArticleBody(text, true));
      }),
      { numRuns: 2000, maxSkipsPerRun: 1000 },
    );
  });
});
