/**
 * Sveltia CMS as the site serves it, entirely from this site. Its npm build
 * fetches its translations and update check from unpkg.com and its fonts from
 * cdn.jsdelivr.net; the script is served with those addresses pointed at
 * copies under /admin/ (translations from the same npm package, fonts from the
 * Fontsource npm packages), so the editor works offline and no third party
 * sees who edits. If a new Sveltia version moves those addresses, the build
 * fails here instead of silently loading from a CDN again.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const packageDir = path.join(path.dirname(require.resolve("@sveltia/cms")), "..");

/** The installed Sveltia CMS version. */
export const cmsVersion: string = (
  JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string }
).version;

const UNPKG = "`https://unpkg.com/@sveltia/cms`";
const FONT_URL = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+\.woff2)/g;

/** The fonts the editor's styles use, by the file name it is served under. */
export const cmsFonts: Record<string, string> = {
  "source-sans-3-latin-wght-normal.woff2":
    "@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2",
  "noto-mono-latin-400-normal.woff2": "@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2",
  "material-symbols-outlined-latin-wght-normal.woff2":
    "@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2",
};

/** The editor's script, with its CDN addresses pointed at `admin` (e.g. "/admin/") on this site. */
export function cmsScript(admin: string): string {
  const source = readFileSync(path.join(packageDir, "dist", "sveltia-cms.js"), "utf8");
  if (!source.includes(UNPKG) || source.match(FONT_URL)?.length !== 3) {
    throw new Error(
      `Sveltia CMS ${cmsVersion}: its CDN addresses changed; update src/editor/cms-assets.ts so the editor keeps loading from this site`,
    );
  }
  const fonts = new Set<string>();
  const script = source
    .replace(UNPKG, `\`${admin}cms\``)
    .replace(FONT_URL, (_, family: string, file: string) => {
      fonts.add(`${family}-${file}`);
      return `${admin}fonts/${family}-${file}`;
    })
    // The source map is not shipped; drop its reference so browsers do not ask for it.
    .replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
  const missing = [...fonts].filter((font) => !(font in cmsFonts));
  if (missing.length > 0) throw new Error(`Sveltia CMS ${cmsVersion} uses fonts not served: ${missing.join(", ")}`);
  return script;
}

/** The editor's translations, by locale ("vi", "en-US" …). */
export function cmsLocales(): Record<string, string> {
  const dir = path.join(packageDir, "locales");
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f.replace(/\.json$/, ""), readFileSync(path.join(dir, f), "utf8")]),
  );
}

/** A font file's bytes. */
export function cmsFont(name: string): Buffer {
  return readFileSync(require.resolve(cmsFonts[name]!));
}
