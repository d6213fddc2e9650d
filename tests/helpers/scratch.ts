/**
 * Scratch folders for tests: all under one folder per test run (set by tests/helpers/global-setup.ts),
 * which is deleted when the run ends, so test builds never pile up in /tmp. KEEP_SCRATCH=1 keeps it.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function scratchDir(name: string): string {
  const root = process.env.BIEN_NIEN_SCRATCH ?? path.join(tmpdir(), "bien-nien-tests");
  mkdirSync(root, { recursive: true });
  return mkdtempSync(path.join(root, `${name}-`));
}
