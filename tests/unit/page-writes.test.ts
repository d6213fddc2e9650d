/**
 * Pages written directly (src/integrations/page-writes.ts): while a build writes its pages, Astro's
 * `fs.promises` calls for files in dist/ are done at once, with the same results and failures; nothing
 * else changes. The build tests check that whole builds stay byte-identical.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writePagesDirectly, writePagesThroughPool } from "../../src/integrations/page-writes.ts";

const nodeMkdir = fs.promises.mkdir;
const nodeWriteFile = fs.promises.writeFile;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "page-writes-"));
const dist = path.join(tmp, "dist");
const other = path.join(tmp, "other");

afterEach(() => writePagesThroughPool());

describe("pages written directly", () => {
  it("writes a page in dist/ before the call returns, as Astro asks for it (URLs, Buffer)", async () => {
    writePagesDirectly(dist);
    const folder = pathToFileURL(path.join(dist, "bai-viet", "2024", "05", "hội-nghị") + "/");
    const made = fs.promises.mkdir(folder, { recursive: true });
    expect(fs.existsSync(folder)).toBe(true);
    await made;
    const page = new URL("index.html", folder);
    const written = fs.promises.writeFile(page, Buffer.from("<p>Hội nghị</p>"));
    expect(fs.readFileSync(page, "utf8")).toBe("<p>Hội nghị</p>");
    await expect(written).resolves.toBeUndefined();
  });

  it("rejects a write that fails, with Node's error, and does not throw", async () => {
    writePagesDirectly(dist);
    const missing = path.join(dist, "khong-co", "index.html");
    let written: Promise<void> | undefined;
    expect(() => (written = fs.promises.writeFile(missing, "x"))).not.toThrow();
    await expect(written).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("leaves files outside dist/ to Node's thread pool, and gives Node's functions back afterwards", async () => {
    writePagesDirectly(dist);
    const writeFileSync = vi.spyOn(fs, "writeFileSync");
    const mkdirSync = vi.spyOn(fs, "mkdirSync");
    await fs.promises.mkdir(other, { recursive: true });
    const file = path.join(other, "a.txt");
    await fs.promises.writeFile(file, "a");
    expect(fs.readFileSync(file, "utf8")).toBe("a");
    // A folder beside dist/ whose name starts with dist's is not in it.
    await fs.promises.mkdir(path.join(tmp, "dist-old"));
    expect(writeFileSync).not.toHaveBeenCalled();
    expect(mkdirSync).not.toHaveBeenCalled();
    // The same calls for dist/ are made directly.
    await fs.promises.mkdir(path.join(dist, "trang"), { recursive: true });
    await fs.promises.writeFile(path.join(dist, "trang", "index.html"), "a");
    expect(mkdirSync).toHaveBeenCalledTimes(1);
    expect(writeFileSync).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();

    writePagesThroughPool();
    expect(fs.promises.mkdir).toBe(nodeMkdir);
    expect(fs.promises.writeFile).toBe(nodeWriteFile);
  });
});
