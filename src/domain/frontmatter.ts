/**
 * Reading article files outside Astro (scripts, tests): YAML frontmatter only.
 * gray-matter can evaluate JavaScript frontmatter (`---js`); every engine but
 * YAML is replaced by one that refuses. YAML is read by js-yaml 5 with its
 * YAML 1.2 core schema: no custom tags, no timestamps (so `2023-13-45` stays
 * text for the schema to reject instead of rolling over to a real date), a cap
 * on aliases (no alias bombs) and on nesting.
 */
import matter from "gray-matter";
import { load, YAMLException } from "js-yaml";
import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { nfc } from "./text.ts";

export class FrontmatterError extends Error {}

const refuse = (language: string) => () => {
  throw new FrontmatterError(
    `frontmatter "---${language}" không được hỗ trợ — chỉ dùng YAML giữa hai dòng "---" ("${language}" is not allowed)`,
  );
};

/** Parses frontmatter YAML; a syntax error carries its line in the file (the frontmatter starts on line 2). */
function parseYaml(source: string): object {
  // js-yaml refuses an empty document; empty frontmatter is simply no fields.
  if (source.replace(/#.*$/gm, "").trim() === "") return {};
  try {
    return (load(source, { maxAliases: 50, maxDepth: 20 }) as object | null) ?? {};
  } catch (error) {
    if (error instanceof YAMLException) {
      // gray-matter's text starts with the newline ending the opening "---": its line 0 is the file's line 1.
      throw new FrontmatterSyntaxError(error.reason, error.mark ? error.mark.line + 1 : undefined);
    }
    throw error;
  }
}

const engines = {
  yaml: parseYaml,
  js: refuse("js"),
  javascript: refuse("javascript"),
  coffee: refuse("coffee"),
  coffeescript: refuse("coffeescript"),
  json: refuse("json"),
  toml: refuse("toml"),
};

export interface ArticleFile {
  /** The frontmatter as YAML data, before schema validation. */
  data: Record<string, unknown>;
  /** The Markdown body, NFC. */
  body: string;
}

/** Splits an article file into frontmatter data and body. Throws FrontmatterError or a YAML error. */
export function readArticleText(text: string): ArticleFile {
  return readWith(text, engines);
}

function readWith(text: string, withEngines: typeof engines): ArticleFile {
  const file = matter(nfc(text), { engines: withEngines, language: "yaml" });
  const data: unknown = file.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new FrontmatterError('frontmatter phải là các cặp "trường: giá trị" (frontmatter must be a YAML mapping)');
  }
  return { data: data as Record<string, unknown>, body: file.content };
}

/** A YAML error with the line it was found on, counted from the top of the file. */
export class FrontmatterSyntaxError extends FrontmatterError {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.line = line;
  }
}

export interface ArticleDocument extends ArticleFile {
  /** Line in the file of a frontmatter value, by path ("locality", "province"); the nearest parent when absent. */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * Like readArticleText, and able to tell where each value is written, for
 * messages that name a line. Positions are worked out only when asked for.
 */
export function readArticleDocument(text: string): ArticleDocument {
  let source = "";
  const file = readWith(text, {
    ...engines,
    yaml: (yaml: string) => {
      source = yaml;
      return parseYaml(yaml);
    },
  });
  let document: Document | undefined;
  const lineCounter = new LineCounter();
  const lineOf = (path: readonly PropertyKey[]): number => {
    document ??= parseDocument(source, { lineCounter });
    for (let depth = path.length; depth > 0; depth--) {
      // A field's line is that of its key ("officials:"), not of the value that may start below it.
      const parent = depth === 1 ? document.contents : document.getIn(path.slice(0, depth - 1), true);
      const pair = isMap(parent)
        ? parent.items.find((item) => isScalar(item.key) && item.key.value === path[depth - 1])
        : undefined;
      const node = (pair?.key ?? document.getIn(path.slice(0, depth), true)) as
        { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  return { ...file, lineOf };
}
