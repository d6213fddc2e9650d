/** Worker thread: prepares the files it is sent, one message back per file. */
import { parentPort } from "node:worker_threads";
import { prepareFile } from "./prepare.ts";

parentPort!.on("message", ({ id, file, outDir }: { id: number; file: string; outDir: string }) => {
  try {
    parentPort!.postMessage({ id, prepared: prepareFile(file, outDir) });
  } catch (error) {
    parentPort!.postMessage({
      id,
      prepared: [{ input: file, ok: false, problem: `lỗi không mong đợi: ${String(error)}` }],
    });
  }
});
