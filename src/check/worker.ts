/** Worker thread of `npm run check`: checks its share of the files and sends the results back. */
import { parentPort, workerData } from "node:worker_threads";
import { checkFiles, type FileToCheck } from "./check.ts";

const { files, now } = workerData as { files: FileToCheck[]; now: string };
parentPort!.postMessage(await checkFiles(files, new Date(now)));
