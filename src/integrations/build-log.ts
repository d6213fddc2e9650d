/**
 * The build's log (astro.config.mjs `logger`): Astro's own, except for the two lines it writes for each
 * page it generates ("├─ /bai-viet/…/index.html" and "(+3ms)", "(cached)" or "(restored)"). At 20,000
 * articles that was 73,000 lines a build (280,000 at 100,000), which buried the messages an editor
 * needs in a CI log, and formatting and writing them was ≈ 2 s of the main thread, whose pages decide
 * how long a build takes. In their place: a count every PROGRESS_EVERY pages, and at the end how many
 * pages were generated and how many of them were copied from the previous build (incremental build).
 * A line of any other form passes through unchanged, so a change in Astro's wording loses nothing.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from "astro";
import nodeLog, { type NodeHandlerConfig } from "astro/logger/node";
import { vi } from "../i18n/vi.ts";

/** A progress line every this many pages. */
export const PROGRESS_EVERY = 10_000;

const COLOURS = /\u001b\[[\d;]*m/gu;
/** The first line Astro writes for a page: its path, the rest follows on the same line. */
const PAGE_START = /^\s*[├└]─ \//u;
/** The second: how long the page took, or that it was copied from the incremental cache (nothing else). */
const PAGE_END = /^\s*\((?:\+[\d.]+m?s|cached|restored)\)\s*$/u;
const COPIED = /^\s*\((?:cached|restored)\)/u;
/** Astro's line after the last page. */
const PAGES_DONE = /Completed in/u;

export default function buildLog(config?: NodeHandlerConfig): AstroLoggerDestination {
  const out = nodeLog(config);
  let pages = 0;
  let copied = 0;
  let generating = false;
  const say = (message: string) => out.write({ label: "build", level: "info", message, newLine: true });
  return {
    write(event: AstroLoggerMessage) {
      if (event.level === "info") {
        const text = event.message.replace(COLOURS, "");
        if (event.label === null && !event.newLine && PAGE_START.test(text)) {
          generating = true;
          pages++;
          if (pages % PROGRESS_EVERY === 0) say(vi.build.pagesSoFar(pages));
          return;
        }
        if (generating && event.label === "SKIP_FORMAT" && PAGE_END.test(text)) {
          if (COPIED.test(text)) copied++;
          return;
        }
        if (generating && PAGES_DONE.test(text)) {
          generating = false;
          say(vi.build.pagesDone(pages, copied));
          pages = copied = 0;
        }
      }
      out.write(event);
    },
  };
}
