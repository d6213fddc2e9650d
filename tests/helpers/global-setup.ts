/** Vitest global setup: one scratch folder for the whole run (see scratch.ts), removed at the end. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), "bien-nien-tests-"));
  process.env.BIEN_NIEN_SCRATCH = root;
  return () => {
    if (process.env.KEEP_SCRATCH) console.log(`Scratch folders kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
