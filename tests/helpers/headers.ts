/**
 * The `_headers` file as Cloudflare Pages and Netlify apply it: rules of a
 * path pattern (`*` matches anything, `:name` one path segment) and indented
 * "Name: value" lines; every matching rule applies, and a header set by two
 * rules gets both values joined by a comma, as those hosts do.
 */
export interface HeaderRule {
  pattern: string;
  regex: RegExp;
  headers: [string, string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .split(/(\*|:[a-z]+)/)
        .map((part) =>
          part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"),
        )
        .join("");
      rules.push({ pattern: line.trim(), regex: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const match = /^\s+([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (!rule || !match) throw new Error(`_headers: cannot read line ${JSON.stringify(line)}`);
    rule.headers.push([match[1]!, match[2]!]);
  }
  return rules;
}

/** The headers a response for `pathname` gets, names lower-cased. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.regex.test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
  }
  return headers;
}
