/**
 * The browser editor at /admin/ (Sveltia CMS, bundled from npm) in its local
 * mode: an editor on their own machine opens the site's /admin/, picks the
 * repository folder and edits the articles there, offline. Chromium runs it
 * against a real build under the site's CSP; the folder picker (a native
 * dialog no test can click) hands over an origin-private folder holding a
 * copy of the repository's articles.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import remarkFigureCaptions from "../../src/markdown/remark-figure-captions.ts";
import { checkArticle } from "../../src/check/check.ts";
import { articleSchema } from "../../src/domain/article.ts";
import { readArticleText } from "../../src/domain/frontmatter.ts";
import { cmsVersion } from "../../src/editor/cms-assets.ts";
import { launchChromium } from "../helpers/browser.ts";
import { astroBuild } from "../helpers/build.ts";
import { root } from "../helpers/paths.ts";
import { serveStatic, type StaticSite } from "../helpers/serve.ts";

/** An article body as the site renders it (captions as figures). */
const html = async (markdown: string) =>
  String(
    await unified().use(remarkParse).use(remarkFigureCaptions).use(remarkRehype).use(rehypeStringify).process(markdown),
  );

let site: StaticSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
/** The git backend's own hosts, which a machine without network cannot reach; nothing else may be asked for. */
const GITHUB = /^https:\/\/(api\.github\.com|www\.githubstatus\.com)\//;
const unreachable: string[] = [];

/** The repository as the editor's folder: the articles and a .git folder (what the CMS looks for). */
const repoFiles = (): Record<string, string> => {
  const files: Record<string, string> = { ".git/HEAD": "ref: refs/heads/main\n" };
  const dir = path.join(root, "content/articles");
  for (const file of readdirSync(dir, { recursive: true }).map(String)) {
    if (file.endsWith(".md")) files[`content/articles/${file}`] = readFileSync(path.join(dir, file), "utf8");
  }
  return files;
};

const titles = () =>
  readdirSync(path.join(root, "content/articles"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".md"))
    .map((f) => /^title: "?(.*?)"?$/m.exec(readFileSync(path.join(root, "content/articles", f), "utf8"))![1]!);

beforeAll(async () => {
  const build = astroBuild();
  if (build.status !== 0) throw new Error(build.output);
  site = await serveStatic(build.outDir);
  browser = await launchChromium();
  context = await browser.newContext({ locale: "vi-VN", viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(() => {
    // The folder the editor would pick: "repo" in the origin-private file system.
    Object.assign(window, {
      showDirectoryPicker: async () => (await navigator.storage.getDirectory()).getDirectoryHandle("repo"),
    });
  });
  page = await context.newPage();
  page.on("console", (message) => {
    // A failed request to GitHub (no network here) is logged without its address; requestfailed checks those.
    if (message.type() === "error" && !/ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED/.test(message.text())) {
      problems.push(`${message.text()} (${message.location().url})`);
    }
  });
  page.on("requestfailed", (request) => unreachable.push(request.url()));
  page.on("pageerror", (error) => problems.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("/admin/ in local mode", () => {
  it("loads from the site itself, in Vietnamese, and offers to work on the local repository", async () => {
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    const response = await page.goto(`${site.url}admin/`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.getByRole("button", { name: "Làm việc với kho mã nguồn cục bộ" }).waitFor({ timeout: 30_000 });
    // Everything it loaded came from this site (no CDN: script, translations and fonts are served here),
    // apart from GitHub, the git backend.
    const origin = new URL(site.url).origin;
    for (const url of requests)
      expect(url.startsWith(origin) || url.startsWith("blob:") || GITHUB.test(url), url).toBe(true);
    expect(requests).toContain(`${origin}/admin/cms@${cmsVersion}/locales/vi.json`);
    expect(requests.filter((url) => url.endsWith(".woff2")).length).toBeGreaterThan(0);
  });

  it("lists the bundled articles once the repository folder is picked", async () => {
    await page.evaluate(async (files) => {
      const opfs = await navigator.storage.getDirectory();
      const repo = await opfs.getDirectoryHandle("repo", { create: true });
      for (const [name, text] of Object.entries(files)) {
        const parts = name.split("/");
        let dir = repo;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
    }, repoFiles());
    await page.getByRole("button", { name: "Làm việc với kho mã nguồn cục bộ" }).click();
    const expected = titles();
    expect(expected).toHaveLength(5);
    for (const title of expected) await page.getByText(title, { exact: false }).first().waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
    for (const url of unreachable) expect(url).toMatch(GITHUB);
  });

  it("saves an edited article to the folder as a file that passes check, nothing else changed", async () => {
    const file =
      "content/articles/2023/11/ubnd-huyen-mu-cang-chai-trien-khai-nhiem-vu-quan-su-quoc-phong-va-an-ninh-nam.md";
    const before = readArticleText(readFileSync(path.join(root, file), "utf8"));
    await page.getByText(String(before.data.title)).first().click();
    const title = page.locator('section[data-key-path="title"] input').first();
    await title.waitFor({ timeout: 15_000 });
    expect(await title.inputValue()).toBe(before.data.title);
    await title.fill("UBND huyện Mù Cang Chải triển khai nhiệm vụ năm 2024");
    await page.getByRole("button", { name: "Lưu", exact: true }).first().click();
    // The CMS writes the file a moment after the click: read it until the new title is there.
    const readSaved = () =>
      page.evaluate(async (name) => {
        let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle("repo");
        const parts = name.split("/");
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
        return (await (await dir.getFileHandle(parts.at(-1)!)).getFile()).text();
      }, file);
    let text = await readSaved();
    for (let tries = 0; !text.includes("nhiệm vụ năm 2024\n") && tries < 60; tries++) {
      await page.waitForTimeout(250);
      text = await readSaved();
    }
    const checked = checkArticle(
      file,
      file.replace(/^content\/articles\/|\.md$/g, ""),
      new TextEncoder().encode(text),
      new Date(),
    );
    expect(checked.problems.filter((p) => p.severity === "error")).toEqual([]);
    const after = readArticleText(text);
    // The CMS may write emphasis as _…_ where the file had *…*: the same article once rendered.
    expect(await html(after.body)).toBe(await html(before.body));
    const { title: _old, ...rest } = articleSchema.parse(before.data);
    expect(articleSchema.parse(after.data)).toEqual({
      ...rest,
      title: "UBND huyện Mù Cang Chải triển khai nhiệm vụ năm 2024",
    });
    expect(problems).toEqual([]);
  });
});
