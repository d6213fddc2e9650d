/** Worker thread: writes the Pagefind indexes it is sent, one at a time, with its own Pagefind service. */
import { parentPort } from "node:worker_threads";
import * as pagefind from "pagefind";
import { lowerThreadPriority } from "../lib/background.ts";
import { writeIndex, type IndexJob } from "./indexer.ts";

// Pagefind's service process, started from this thread, inherits its priority.
lowerThreadPriority();
parentPort!.on("message", (job: IndexJob) => {
  writeIndex(job).then(
    (problems) => parentPort!.postMessage(problems),
    (error: unknown) => parentPort!.postMessage([String(error)]),
  );
});
// The service ends with the thread.
process.on("exit", () => void pagefind.close());
