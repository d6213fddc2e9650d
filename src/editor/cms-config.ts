/**
 * The browser editor's configuration (Sveltia CMS, a Decap-compatible git
 * CMS bundled from npm and served at /admin/). Its fields are generated from
 * the article JSON Schema, itself generated from the zod schema, so the form
 * always offers exactly the fields the build accepts.
 */
import type { CmsConfig, Field } from "@sveltia/cms";
import { vi } from "../i18n/vi.ts";
import { articleJsonSchema, type JsonSchema } from "./json-schema.ts";

const m = vi.cms;

export interface CmsSettings {
  /** GitHub repository "owner/name" the CMS commits to. */
  repo: string;
  branch: string;
  /** The published site, for "view on site" links. */
  siteUrl: string;
  /** Folder of the articles, relative to the repository root. */
  contentDir: string;
}

/** A field's label: a short Vietnamese name (by path, then by name), the frontmatter key when there is none. */
const label = (at: string, name: string): string => {
  const labels = m.labels as Record<string, string>;
  return labels[`${at}${name}`] ?? labels[name] ?? name;
};

/** One CMS field for the property `name` (under `at`, "source.") of the JSON Schema. */
function field(name: string, node: JsonSchema, required: boolean, at = ""): Field {
  // "rank" may be null: the schema says anyOf [string, null].
  const schema = (node.anyOf as JsonSchema[] | undefined)?.find((n) => n.type !== "null") ?? node;
  const common = { name, label: label(at, name), required, ...(schema.description && { hint: schema.description }) };
  if (name === "import") {
    // Written by the importer; kept as it is (an edit in the CMS then marks the article as edited).
    return { name, label: label(at, name), widget: "hidden" };
  }
  if (schema.type === "boolean") {
    return {
      ...common,
      widget: "boolean",
      ...(schema.default !== undefined && { default: schema.default as boolean }),
    };
  }
  if (schema.type === "object") {
    const fields = Object.entries(schema.properties ?? {}).map(([key, child]) =>
      field(key, child, schema.required?.includes(key) ?? false, `${at}${name}.`),
    );
    return { ...common, widget: "object", fields };
  }
  if (schema.type === "array") {
    const items = schema.items ?? {};
    if (items.type === "object") {
      const fields = Object.entries(items.properties ?? {}).map(([key, child]) =>
        field(key, child, items.required?.includes(key) ?? false, `${at}${name}.`),
      );
      return { ...common, widget: "list", required: false, fields, label_singular: label(at, `${name}.item`) };
    }
    // A list of short texts, one per line.
    return { ...common, widget: "list", required: false };
  }
  if (schema.examples && schema.examples.length <= 30) {
    // A short closed list (ranks): a drop-down.
    return { ...common, widget: "select", options: schema.examples as string[] };
  }
  return {
    ...common,
    widget: "string",
    ...(schema.format === "uri" && { type: "url" as const }),
    ...(schema.pattern && { pattern: [schema.pattern, schema.description ?? ""] as [string, string] }),
  };
}

/** The CMS configuration. */
export function cmsConfig(settings: CmsSettings): CmsConfig {
  const schema = articleJsonSchema();
  const fields = Object.entries(schema.properties ?? {}).map(([name, node]) =>
    field(name, node, schema.required?.includes(name) ?? false),
  );
  return {
    backend: { name: "github", repo: settings.repo, branch: settings.branch },
    site_url: settings.siteUrl,
    media_folder: "public/anh",
    public_folder: "/anh",
    // An optional field left empty is left out of the file (the schema rejects an empty role, rank or source).
    output: { omit_empty_optional_fields: true },
    // File names like the importer's: ASCII, lower case, no accents.
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-", maxlength: 80 },
    collections: [
      {
        name: "articles",
        label: m.collection,
        label_singular: m.collectionSingular,
        description: m.collectionDescription,
        folder: settings.contentDir,
        extension: "md",
        format: "yaml-frontmatter",
        path: "{{year}}/{{month}}/{{slug}}",
        summary: "{{date | date('DD/MM/YYYY')}} · {{title}}",
        sortable_fields: { fields: ["date", "title"], default: { field: "date", direction: "descending" } },
        view_filters: { filters: [{ name: "review", label: m.needsReview, field: "review", pattern: "." }] },
        fields: [...fields, { name: "body", label: m.body, widget: "markdown", hint: m.bodyHint }],
      },
    ],
  } as CmsConfig;
}
