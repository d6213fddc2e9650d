/**
 * The build's log (astro.config.mjs `logger`): Astro's own, except for the two lines it writes for each
 * page it generates ("├─ /bai-viet/…/index.html" and "(+3ms)"). At 20,000
 * articles that was 73,000 lines a build (280,000 at 100,000), which buried the messages an editor
 * needs in a CI log, and formatting and writing them was ≈ 2 s of the main thread, whose pages decide
 * how long a build takes. In their place: a count every PROGRESS_EVERY files, and at the end how many
 * were generated anew, kept from the previous build (src/lib/page-cache.ts), slow (Astro's mark, over
 * 0.5 s) or not created (an empty response). A line of any other form passes through unchanged.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from "astro";
import nodeLog, { type NodeHandlerConfig } from "astro/logger/node";
import { vi } from "../i18n/vi.ts";
import { pageCache } from "../lib/page-cache.ts";

/** A progress line every this many files. */
export const PROGRESS_EVERY = 10_000;

/** Astro marks a file that took longer than this as slow (generate.js, THRESHOLD_SLOW_RENDER_TIME_MS). */
const SLOW_MS = 500;

const COLOURS = /\u001b\[[\d;]*m/gu;
/** The first line Astro writes for a file: its path, the rest follows on the same line. */
const PAGE_START = /^\s*[├└]─ \//u;
/** The second: how long it took ("(+3ms)", "(+1.25s)", "(+1m 5s)"), then maybe that the response was empty. */
const PAGE_END = /^\s*\(\+(?:(?<ms>\d+)ms|[\d.]+s|\d+m \d+s)\)\s*(?<empty>\(file not created[^)]*\))?\s*$/u;
/** Astro's line after the last file. */
const PAGES_DONE = /^\s*✓ Completed in/u;

export default function buildLog(config?: NodeHandlerConfig): AstroLoggerDestination {
  const out = nodeLog(config);
  const count = { files: 0, slow: 0, empty: 0 };
  let generating = false;
  const say = (message: string) => out.write({ label: "build", level: "info", message, newLine: true });
  return {
    write(event: AstroLoggerMessage) {
      if (event.level === "info") {
        const text = event.message.replace(COLOURS, "");
        if (event.label === null && !event.newLine && PAGE_START.test(text)) {
          generating = true;
          count.files++;
          if (count.files % PROGRESS_EVERY === 0) say(vi.build.pagesSoFar(count.files));
          return;
        }
        const end = generating && event.label === "SKIP_FORMAT" ? PAGE_END.exec(text)?.groups : undefined;
        if (end) {
          if (end.ms === undefined || Number(end.ms) > SLOW_MS) count.slow++;
          if (end.empty) count.empty++;
          return;
        }
        if (generating && event.label === null && PAGES_DONE.test(text)) {
          generating = false;
          say(vi.build.pagesDone({ ...count, kept: pageCache()?.kept.size ?? 0 }));
          Object.assign(count, { files: 0, slow: 0, empty: 0 });
        }
      }
      out.write(event);
    },
  };
}
