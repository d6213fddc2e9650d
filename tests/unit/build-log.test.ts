/**
 * The build log (src/integrations/build-log.ts) as Astro drives it: the two lines Astro writes for each
 * generated file become a count, and every other line is written as Astro would.
 */
import type { AstroLoggerMessage } from "astro";
import { afterEach, beforeEach, describe, expect, it, vi as vitest } from "vitest";
import buildLog, { PROGRESS_EVERY } from "../../src/integrations/build-log.ts";

let written: string[];
beforeEach(() => {
  written = [];
  vitest.spyOn(process.stdout, "write").mockImplementation((chunk) => written.push(String(chunk)) > 0);
});
afterEach(() => vitest.restoreAllMocks());

const info = (label: string | null, message: string, newLine = true): AstroLoggerMessage => ({
  label,
  level: "info",
  message,
  newLine,
});

describe("the build log", () => {
  it("counts the generated files instead of listing them, and says how many were copied", () => {
    const log = buildLog();
    log.write(info("build", "Rearranging server assets..."));
    log.write(info("SKIP_FORMAT", "\n generating static routes "));
    const files = PROGRESS_EVERY + 5;
    for (let i = 0; i < files; i++) {
      log.write(info(null, `  ├─ /bai-viet/2024/05/bai-${i}/index.html`, false));
      log.write(info("SKIP_FORMAT", i % 3 === 0 ? " (cached)" : i % 3 === 1 ? " (restored)" : " (+3ms) "));
    }
    log.write(info(null, "✓ Completed in 57.07s.\n"));
    const text = written.join("");
    expect(text).not.toMatch(/├─|\(cached\)|\(restored\)|\+3ms/u);
    expect(text).toMatch(/Rearranging server assets\.\.\.\n[\s\S]*generating static routes/u);
    expect(text).toContain(`${PROGRESS_EVERY} tệp đã tạo…`);
    const copied = Math.ceil(files / 3) + Math.ceil((files - 1) / 3);
    expect(text).toContain(
      `${files} tệp (trang, RSS …): ${files - copied} dựng mới, ${copied} chép lại từ lần dựng trước`,
    );
    // The summary comes before Astro's own line for the end of generation.
    expect(text.indexOf("dựng mới")).toBeLessThan(text.indexOf("Completed in 57.07s"));
  });

  it("writes warnings, errors and lines of other forms as they are", () => {
    const log = buildLog();
    log.write(info(null, "  ├─ /a/index.html", false));
    log.write({ label: "build", level: "warn", message: "Skipping src/pages/x.astro", newLine: true });
    log.write(info("SKIP_FORMAT", " (+3ms) (file not created, response body was empty)"));
    const errors: string[] = [];
    vitest.spyOn(process.stderr, "write").mockImplementation((chunk) => errors.push(String(chunk)) > 0);
    log.write({ label: "build", level: "error", message: "Caught error rendering /b/", newLine: true });
    expect(written.join("")).toMatch(/Skipping src\/pages\/x\.astro\n/u);
    expect(written.join("")).toContain("(file not created, response body was empty)");
    expect(errors.join("")).toMatch(/Caught error rendering \/b\//u);
  });
});
