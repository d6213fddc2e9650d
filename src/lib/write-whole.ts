import { renameSync, writeFileSync } from "node:fs";

/**
 * Writes `text` to `file` whole, then moves it in: a build killed while writing leaves the previous file
 * (or none), never half a file for the next build to read.
 */
export function writeWhole(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}
