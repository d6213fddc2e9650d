/**
 * Faults during a build: killed half-way, disk full, out of memory. The folder left behind is marked
 * incomplete (dist/BUILDING), `npm run build` says what happened in words an editor can act on, and the
 * next build starts over and produces exactly what a clean build does.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outputStamp, stampFileIn } from "../../src/integrations/output.ts";
import { astroBuild } from "../helpers/build.ts";
import { expectSameTree, readTree } from "../helpers/html.ts";
import { root } from "../helpers/paths.ts";
import { scratchDir } from "../helpers/scratch.ts";

const MARKER = "BUILDING";

/** Starts `npm run build`'s command and kills it (SIGKILL, as a CI timeout or power loss would) once pages are being written. */
async function killedBuild(work: string): Promise<void> {
  const outDir = path.join(work, "dist");
  const child = spawn(process.execPath, [path.join(root, "scripts/build.ts"), "--outDir", outDir], {
    cwd: root,
    env: { ...process.env, CACHE_DIR: path.join(work, "cache"), NO_COLOR: "1" },
    stdio: "ignore",
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  while (!existsSync(path.join(outDir, "bai-viet")) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  process.kill(-child.pid!, "SIGKILL");
  await new Promise((resolve) => child.on("close", resolve));
}

describe("a build that is killed half-way", () => {
  it("leaves dist/ marked incomplete; the next build starts over and equals a clean build", async () => {
    const work = scratchDir("killed");
    await killedBuild(work);
    const outDir = path.join(work, "dist");
    expect(existsSync(path.join(outDir, MARKER))).toBe(true);
    expect(readFileSync(path.join(outDir, MARKER), "utf8")).toMatch(/không xuất bản thư mục này/);
    // No search index yet: it is written last.
    expect(existsSync(path.join(outDir, "pagefind"))).toBe(false);

    const again = astroBuild({ work });
    expect(again.status, again.output).toBe(0);
    expect(again.output).toContain("lần dựng trước không hoàn tất; dựng lại từ thư mục trống");
    expect(existsSync(path.join(outDir, MARKER))).toBe(false);
    const clean = astroBuild();
    expect(clean.status).toBe(0);
    expectSameTree(outDir, readTree(clean.outDir));
  });
});

describe("a dist/ another build wrote into", () => {
  it("is not trusted: the next build starts from an empty folder and makes what a clean build makes", () => {
    const work = scratchDir("foreign");
    expect(astroBuild({ work }).status).toBe(0);
    // Another build (another cache folder, another address) writes into the same dist/ …
    const other = astroBuild({
      work,
      env: { CACHE_DIR: path.join(work, "other-cache"), SITE_URL: "https://other.example.org/" },
    });
    expect(other.status, other.output).toBe(0);
    // … so this cache's pages there are not its own any more, though their cache keys still match.
    const again = astroBuild({ work });
    expect(again.status, again.output).toBe(0);
    expect(again.output).toContain("không phải do lần dựng trước với bộ đệm này tạo ra");
    const clean = astroBuild();
    expectSameTree(again.outDir, readTree(clean.outDir));
  });
});

describe("a build that runs out of disk", () => {
  it("fails, says the disk is full and that dist/ must not be published", () => {
    const work = scratchDir("disk-full");
    const outDir = path.join(work, "dist");
    mkdirSync(outDir);
    // /dev/full answers every write with ENOSPC, as a full disk does. The cache vouches for the folder,
    // so the build writes into it rather than starting from an empty one.
    symlinkSync("/dev/full", path.join(outDir, "404.html"));
    mkdirSync(path.join(work, "cache"));
    writeFileSync(stampFileIn(path.join(work, "cache")), outputStamp(outDir));
    const build = astroBuild({ work });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/ENOSPC/);
    expect(build.output).toContain("Bản dựng thất bại: HẾT DUNG LƯỢNG ĐĨA (ENOSPC)");
    expect(build.output).toMatch(/dist\/ chưa hoàn chỉnh \(còn tệp .*BUILDING\): KHÔNG xuất bản nó/);
    expect(existsSync(path.join(outDir, MARKER))).toBe(true);
  });
});

describe("a build that runs out of memory", () => {
  it("fails and says memory ran out, and where the limit is set", () => {
    const build = astroBuild({ env: { NODE_OPTIONS: "--max-old-space-size=24" } });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain("Bản dựng thất bại: HẾT BỘ NHỚ");
    expect(build.output).toContain("--max-old-space-size");
  });
});
