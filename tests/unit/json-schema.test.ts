/**
 * The JSON Schema editors get (completion and checks in VS Code, fields of the
 * browser CMS) is generated from the article schema: it accepts every bundled
 * article, flags what the build would reject, and speaks Vietnamese.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { KNOWN_PROVINCE_NAMES } from "../../src/domain/places.ts";
import { articleJsonSchema, type JsonSchema } from "../../src/editor/json-schema.ts";
import { root } from "../helpers/paths.ts";

const schema = articleJsonSchema();
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const frontmatter = (text: string) => load(text.slice(4, text.indexOf("\n---", 4))) as Record<string, unknown>;
const articles = readdirSync(path.join(root, "content/articles"), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".md"))
  .map((f) => readFileSync(path.join(root, "content/articles", f), "utf8"));

describe("article JSON Schema", () => {
  it("accepts every bundled article as written", () => {
    expect(articles).toHaveLength(5);
    for (const text of articles) expect(validate(frontmatter(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("flags a misspelt field, a missing title, an impossible date shape and a non-web source", () => {
    const good = frontmatter(articles[0]!);
    const { title: _title, ...untitled } = good;
    for (const bad of [
      { ...good, offcials: [] },
      untitled,
      { ...good, date: "23/11/2023" },
      { ...good, source: { url: "javascript:alert(1)" } },
      { ...good, locality: { province: "Hà Giang", distric: "Bắc Mê" } },
    ]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it("describes every field in Vietnamese and suggests provinces and ranks", () => {
    const visit = (node: JsonSchema, at: string): void => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        const field = (child.anyOf as JsonSchema[] | undefined)?.[0] ?? child;
        expect(field.description ?? child.description, `${at}${key}`).toMatch(/[à-ỹ]/u);
        visit(field.items ?? field, `${at}${key}.`);
      }
    };
    visit(schema, "");
    const province = schema.properties!.locality!.properties!.province!;
    expect(new Set(province.examples)).toEqual(new Set(KNOWN_PROVINCE_NAMES));
    const rank = (schema.properties!.officials!.items!.properties!.rank!.anyOf as JsonSchema[])[0]!;
    expect(rank.examples).toContain("Thượng tá");
  });
});
