/**
 * Astro integration: `public/_headers` (CDN caching and security headers, in
 * the Cloudflare Pages / Netlify format) is written for a site at the root of
 * its host. A site published under a base path ("/archive/") gets every rule's
 * path prefixed with it, so the rules still match.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

/** `_headers` text with `base` put in front of every rule's path. */
export function withBasePath(text: string, base: string): string {
  const prefix = base.replace(/\/+$/, "");
  if (prefix === "") return text;
  return text
    .split("\n")
    .map((line) => (line.startsWith("/") ? `${prefix}${line}` : line))
    .join("\n");
}

export default function headers(): AstroIntegration {
  let base = "/";
  return {
    name: "bien-nien-headers",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
      },
      "astro:build:done": ({ dir }) => {
        const file = fileURLToPath(new URL("_headers", dir));
        if (existsSync(file)) writeFileSync(file, withBasePath(readFileSync(file, "utf8"), base));
      },
    },
  };
}
