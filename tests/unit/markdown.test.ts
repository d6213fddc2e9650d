/**
 * Fixture tests for our remark/rehype plugins, in the style of the unified
 * collective: tests/fixtures/markdown/<plugin>/<case>/input.md → output.html.
 * Run with UPDATE_FIXTURES=1 to rewrite the expected output on purpose.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import remarkFigureCaptions from "../../src/markdown/remark-figure-captions.ts";
import { root } from "../helpers/paths.ts";

const plugins = { "remark-figure-captions": remarkFigureCaptions };

for (const [name, plugin] of Object.entries(plugins)) {
  const folder = path.join(root, "tests/fixtures/markdown", name);
  describe(name, () => {
    for (const fixture of readdirSync(folder)) {
      it(fixture, async () => {
        const input = readFileSync(path.join(folder, fixture, "input.md"), "utf8");
        const html = String(
          await unified().use(remarkParse).use(plugin).use(remarkRehype).use(rehypeStringify).process(input),
        );
        const expectedPath = path.join(folder, fixture, "output.html");
        if (process.env.UPDATE_FIXTURES) writeFileSync(expectedPath, `${html}\n`);
        expect(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE_FIXTURES=1 and review it`).toBe(
          true,
        );
        expect(`${html}\n`).toBe(readFileSync(expectedPath, "utf8"));
      });
    }
  });
}
