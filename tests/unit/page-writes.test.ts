/**
 * Files written directly (src/integrations/page-writes.ts): while a build writes its pages, Astro's
 * `fs.promises` calls for files in dist/ are done at once, with the same results and failures; nothing
 * else changes. The build tests check that whole builds stay byte-identical.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import output from "../../src/integrations/output.ts";
import { writePagesDirectly, writePagesThroughPool } from "../../src/integrations/page-writes.ts";
import { startPageCache } from "../../src/lib/page-cache.ts";
import { scratchDir } from "../helpers/scratch.ts";

const nodeMkdir = fs.promises.mkdir;
const nodeWriteFile = fs.promises.writeFile;
const tmp = scratchDir("page-writes");
const dist = path.join(tmp, "dist");
const other = path.join(tmp, "other");

afterEach(() => {
  vi.restoreAllMocks();
  writePagesThroughPool();
});

describe("files written directly", () => {
  it("writes a page in dist/ before the call returns, as Astro asks for it (URLs, Buffer)", async () => {
    writePagesDirectly(dist);
    const folder = pathToFileURL(path.join(dist, "bai-viet", "2024", "05", "hội-nghị") + "/");
    const made = fs.promises.mkdir(folder, { recursive: true });
    expect(fs.existsSync(folder)).toBe(true);
    // As Node's: the first folder it made, then nothing for a folder already there.
    await expect(made).resolves.toBe(dist);
    await expect(fs.promises.mkdir(folder, { recursive: true })).resolves.toBeUndefined();
    const page = new URL("index.html", folder);
    const written = fs.promises.writeFile(page, Buffer.from("<p>Hội nghị</p>"));
    expect(fs.readFileSync(page, "utf8")).toBe("<p>Hội nghị</p>");
    await expect(written).resolves.toBeUndefined();
  });

  it("rejects a write that fails, with Node's error, and does not throw", async () => {
    writePagesDirectly(dist);
    const writeFileSync = vi.spyOn(fs, "writeFileSync");
    const missing = path.join(dist, "khong-co", "index.html");
    let written: Promise<void> | undefined;
    expect(() => (written = fs.promises.writeFile(missing, "x"))).not.toThrow();
    await expect(written).rejects.toMatchObject({ code: "ENOENT" });
    expect(writeFileSync).toHaveBeenCalledWith(missing, "x", undefined);
  });

  it("leaves other files and calls to Node's thread pool, and gives Node's functions back afterwards", async () => {
    writePagesDirectly(dist);
    const writeFileSync = vi.spyOn(fs, "writeFileSync");
    const mkdirSync = vi.spyOn(fs, "mkdirSync");
    await fs.promises.mkdir(other, { recursive: true });
    const file = path.join(other, "a.txt");
    await fs.promises.writeFile(file, "a");
    expect(fs.readFileSync(file, "utf8")).toBe("a");
    // A folder beside dist/ whose name starts with dist's is not in it.
    await fs.promises.mkdir(path.join(tmp, "dist-old"));
    // Options Node's own function handles (an abort signal …), in dist/ too.
    await fs.promises.mkdir(path.join(dist, "trang"), { recursive: true });
    const page = path.join(dist, "trang", "index.html");
    await fs.promises.writeFile(page, "b", { signal: new AbortController().signal });
    expect(fs.readFileSync(page, "utf8")).toBe("b");
    expect(writeFileSync).not.toHaveBeenCalled();
    expect(mkdirSync).toHaveBeenCalledTimes(1);
    expect(mkdirSync).toHaveBeenCalledWith(path.join(dist, "trang"), { recursive: true });
    // The same write, as Astro makes it, is made directly.
    await fs.promises.writeFile(page, "c");
    expect(writeFileSync).toHaveBeenCalledWith(page, "c", undefined);

    writePagesThroughPool();
    expect(fs.promises.mkdir).toBe(nodeMkdir);
    expect(fs.promises.writeFile).toBe(nodeWriteFile);
  });
});

describe("the output integration", () => {
  it("has dist/'s files written directly from astro:build:start to astro:build:generated", async () => {
    const root = scratchDir("page-writes-build");
    const out = path.join(root, "dist");
    const hooks = output().hooks as Record<string, (options: unknown) => unknown>;
    const logger = { info: () => undefined, warn: () => undefined };
    await hooks["astro:config:setup"]!({ command: "build", updateConfig: () => undefined, logger });
    await hooks["astro:config:done"]!({
      config: {
        root: pathToFileURL(`${root}/`),
        outDir: pathToFileURL(`${out}/`),
        cacheDir: pathToFileURL(`${root}/.cache/`),
        base: "/",
      },
      logger,
    });
    await hooks["astro:build:start"]!({ logger });
    const writeFileSync = vi.spyOn(fs, "writeFileSync");
    await fs.promises.writeFile(path.join(out, "index.html"), "<p>Trang chủ</p>");
    expect(writeFileSync).toHaveBeenCalledTimes(1);
    await hooks["astro:build:generated"]!({ logger });
    expect(fs.promises.writeFile).toBe(nodeWriteFile);
    expect(fs.promises.mkdir).toBe(nodeMkdir);
    startPageCache(undefined);
  });
});
