/**
 * The article schema as JSON Schema, generated from the zod schema (so it can
 * never drift from what the build accepts): Vietnamese descriptions, province
 * and rank suggestions, unknown fields flagged. Astro writes the same schema
 * to .astro/collections/articles.schema.json for the editor's completion
 * (experimental.contentIntellisense); the browser CMS's fields come from it.
 */
import { z } from "zod";
import { articleSchema } from "../domain/article.ts";

export type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  examples?: unknown[];
  default?: unknown;
  format?: string;
  pattern?: string;
  [key: string]: unknown;
};

/** The frontmatter of an article file, as it is written (before defaults and normalisation). */
export function articleJsonSchema(): JsonSchema {
  return z.toJSONSchema(articleSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}
