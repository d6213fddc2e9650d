/** Worker thread of `npm run check`: checks its share of the files and sends the results back. */
import { answerShare } from "../lib/worker-shares.ts";
import { checkFiles, type FileToCheck } from "./check.ts";

await answerShare((files: FileToCheck[], { now }: { now: string }) => checkFiles(files, new Date(now)));
