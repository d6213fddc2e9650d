/** Worker thread: writes the Pagefind indexes it is sent, one at a time, with its own Pagefind service. */
import { parentPort } from "node:worker_threads";
import * as pagefind from "pagefind";
import { lowerThreadPriority } from "../lib/background.ts";
import { writeIndex, type IndexJob } from "./indexer.ts";

// Inherited from the build thread that starts this one; said again here, where Pagefind's service
// process is started (and inherits it).
lowerThreadPriority();
parentPort!.on("message", (job: IndexJob) => {
  writeIndex(job).then(
    (problems) => parentPort!.postMessage(problems),
    (error: unknown) => parentPort!.postMessage([String(error)]),
  );
});
// The service ends with the thread.
process.on("exit", () => void pagefind.close());
