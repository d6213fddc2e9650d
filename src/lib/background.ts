/**
 * Background threads: the search index is built beside the pages (integrations/search.ts), and both
 * want a core. The pages are on the main thread, one page after the other, and every second the
 * search index takes from them is a second more before the build ends; the index can use whatever
 * the pages leave, and has both cores once they are written. Measured at 20,000 articles (cold builds,
 * alternated): with the index at equal priority 99.5 and 118.6 s, at the lowest 83.9 and 91.5 s, in an
 * hour when the system was slow to create files (the pages took 63–84 s against 43–54 s); in a quiet
 * hour 84.3 s against 80.5 s.
 */
import { setPriority } from "node:os";

/**
 * Gives the calling worker thread, and the threads and processes it starts, the lowest CPU priority.
 * Linux only: there a priority belongs to a thread and is inherited by what it starts; elsewhere the
 * same call would lower the whole build, main thread included, and gain nothing.
 */
export function lowerThreadPriority(): void {
  if (process.platform !== "linux") return;
  try {
    setPriority(19);
  } catch {
    // A sandbox that forbids it: the index is built at normal priority, as before.
  }
}
