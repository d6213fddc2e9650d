import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", "./tests/helpers/summary-reporter.ts"],
    // One scratch folder per run, removed at the end (tests/helpers/scratch.ts).
    globalSetup: ["./tests/helpers/global-setup.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], sequence: { groupOrder: 1 } },
      },
      {
        // Real builds and whole-tree checks: one file at a time, each may take a while.
        extends: true,
        test: {
          name: "build",
          include: ["tests/build/**/*.test.ts"],
          fileParallelism: false,
          // Every build of one checkout shares .astro/.prerender/: builds never run at the same time, so the
          // browser tests (which build too) come after these.
          sequence: { groupOrder: 1 },
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Chromium against real builds (Debian's chromium; see .ci/run).
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
