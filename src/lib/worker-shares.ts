/**
 * Work split over worker threads: each thread gets a contiguous share of the
 * items (as workerData) and posts back one array of results; results come back
 * in the items' order. The worker module answers with `answerShare`.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

export async function inWorkerShares<T, R>(
  script: URL,
  items: readonly T[],
  threads: number,
  shared: Record<string, unknown> = {},
): Promise<R[]> {
  const size = Math.ceil(items.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => items.slice(i * size, (i + 1) * size)).filter(
    (share) => share.length > 0,
  );
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<R[]>((resolve, reject) => {
          const worker = new Worker(script, { workerData: { ...shared, items: share } });
          let answered = false;
          worker.once("message", (answer: R[]) => {
            answered = true;
            resolve(answer);
            void worker.terminate();
          });
          worker.once("error", reject);
          worker.once("exit", (code) => {
            if (!answered) reject(new Error(`a worker thread stopped (exit code ${code}) before finishing its share`));
          });
        }),
    ),
  );
  return results.flat();
}

/** In a worker module: works through this thread's share and posts the results back. */
export async function answerShare<T, R, S = Record<string, unknown>>(
  work: (items: T[], shared: S) => R[] | Promise<R[]>,
): Promise<void> {
  if (isMainThread) throw new Error("answerShare runs in a worker thread");
  const { items, ...shared } = workerData as { items: T[] } & S;
  parentPort!.postMessage(await work(items, shared as S));
}
