/**
 * The code base stays formatted, lint-clean and type-correct (TypeScript strict,
 * Astro components included).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/paths.ts";

const run = (bin: string, args: string[]) =>
  spawnSync(process.execPath, [path.join(root, "node_modules", bin), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" },
  });

describe("code quality", () => {
  it("has no ESLint problems", async () => {
    const results = await new ESLint({ cwd: root }).lintFiles(["."]);
    const problems = results.flatMap((r) =>
      r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? ""} ${m.message}`),
    );
    expect(problems).toEqual([]);
  });

  it("is formatted with Prettier", () => {
    const result = run("prettier/bin/prettier.cjs", ["--list-different", "."]);
    expect(result.stdout.trim().split("\n").filter(Boolean)).toEqual([]);
    expect(result.status, result.stderr).toBe(0);
  });

  it("type-checks under TypeScript strict (astro check)", () => {
    const result = run("astro/bin/astro.mjs", ["check"]);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});
