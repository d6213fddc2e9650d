/**
 * The build log (src/integrations/build-log.ts) as Astro drives it: the two lines Astro writes for each
 * generated file become a count, and every other line is written as Astro would.
 */
import type { AstroLoggerMessage } from "astro";
import { afterEach, beforeEach, describe, expect, it, vi as vitest } from "vitest";
import buildLog, { PROGRESS_EVERY } from "../../src/integrations/build-log.ts";
import { startPageCache } from "../../src/lib/page-cache.ts";

let written: string[];
beforeEach(() => {
  written = [];
  vitest.spyOn(process.stdout, "write").mockImplementation((chunk) => written.push(String(chunk)) > 0);
});
afterEach(() => {
  vitest.restoreAllMocks();
  startPageCache(undefined);
});

const info = (label: string | null, message: string, newLine = true): AstroLoggerMessage => ({
  label,
  level: "info",
  message,
  newLine,
});

describe("the build log", () => {
  it("counts the generated files instead of listing them, and says how many were kept from the last build", () => {
    // Pages the routes left out as unchanged (src/lib/page-cache.ts): Astro never sees them.
    const kept = ["/bai-viet/2024/05/cu-1/", "/bai-viet/2024/05/cu-2/", "/dia-phuong/ha-noi/rss.xml"];
    startPageCache({ previous: {}, inDist: Promise.resolve(new Set()), next: {}, kept: new Set(kept) });
    const log = buildLog();
    log.write(info("build", "Rearranging server assets..."));
    log.write(info("SKIP_FORMAT", "\n generating static routes "));
    const files = PROGRESS_EVERY + 5;
    for (let i = 0; i < files; i++) {
      log.write(info(null, `  ├─ /bai-viet/2024/05/bai-${i}/index.html`, false));
      log.write(info("SKIP_FORMAT", " (+3ms) "));
    }
    // Not the end of generation: an integration's line that happens to say "Completed in".
    log.write(info("build", "Sitemap ✓ Completed in 1s"));
    log.write(info(null, "✓ Completed in 57.07s.\n"));
    const text = written.join("");
    expect(text).not.toMatch(/├─|\+3ms/u);
    expect(text).toMatch(/Rearranging server assets\.\.\.\n[\s\S]*generating static routes/u);
    expect(text).toContain(`${PROGRESS_EVERY} tệp đã tạo…`);
    expect(text).toContain(`${files + 3} tệp (trang, RSS …): ${files} dựng mới, 3 giữ nguyên từ lần dựng trước\n`);
    // One summary, before Astro's own line for the end of generation.
    expect(text.match(/dựng mới/gu)).toHaveLength(1);
    expect(text.indexOf("dựng mới")).toBeGreaterThan(text.indexOf("Sitemap ✓ Completed in 1s"));
    expect(text.indexOf("dựng mới")).toBeLessThan(text.indexOf("Completed in 57.07s"));
  });

  it("counts the files Astro marks as slow and those it did not create", () => {
    const log = buildLog();
    for (const timing of [
      " (+499ms) ",
      " (+612ms) ",
      " (+1.25s) ",
      " (+1m 5s) ",
      " (+3ms) (file not created, response body was empty)",
    ]) {
      log.write(info(null, "  ├─ /a/index.html", false));
      log.write(info("SKIP_FORMAT", timing));
    }
    log.write(info(null, "✓ Completed in 3.1s.\n"));
    const text = written.join("");
    expect(text).not.toMatch(/├─|\(\+|file not created/u);
    expect(text).toContain(
      "5 tệp (trang, RSS …): 4 dựng mới, 0 giữ nguyên từ lần dựng trước; 3 tệp dựng chậm (hơn 0,5 s); 1 tệp không tạo vì nội dung rỗng",
    );
  });

  it("writes warnings, errors and lines of other forms as they are", () => {
    const log = buildLog();
    log.write(info(null, "  ├─ /a/index.html", false));
    log.write({ label: "build", level: "warn", message: "Skipping src/pages/x.astro", newLine: true });
    log.write(info("SKIP_FORMAT", " (+3ms) something Astro may add one day"));
    const errors: string[] = [];
    vitest.spyOn(process.stderr, "write").mockImplementation((chunk) => errors.push(String(chunk)) > 0);
    log.write({ label: "build", level: "error", message: "Caught error rendering /b/", newLine: true });
    expect(written.join("")).toMatch(/Skipping src\/pages\/x\.astro\n/u);
    expect(written.join("")).toContain("(+3ms) something Astro may add one day");
    expect(errors.join("")).toMatch(/Caught error rendering \/b\//u);
  });
});
