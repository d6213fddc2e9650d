/**
 * The CI workflows: valid YAML of the shape GitHub Actions reads, running the
 * README's own commands, and publishing only what passed every check.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { root } from "../helpers/paths.ts";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
}
interface Job {
  "runs-on": string;
  needs?: string[];
  if?: string;
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const dir = path.join(root, ".github/workflows");
const workflows = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((file) => ({ file, workflow: parse(readFileSync(path.join(dir, file), "utf8"), { strict: true }) as Workflow }));
const readme = readFileSync(path.join(root, "README.md"), "utf8");

/** The command in the ```sh block that follows `heading` in the README. */
function readmeCommand(heading: string): string {
  const at = readme.indexOf(heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  return /```sh\n([^\n]+)\n```/.exec(readme.slice(at))![1]!;
}

/** Every shell command a job runs, in order ("a && b" is two). */
const commands = (job: Job) =>
  job.steps.flatMap((step) => (step.run ?? "").split(/\n|&&/).map((c) => c.trim())).filter(Boolean);

describe("GitHub Actions workflows", () => {
  it("are valid YAML with triggers and jobs of steps", () => {
    expect(workflows.length).toBeGreaterThan(0);
    for (const { file, workflow } of workflows) {
      expect(workflow.name, file).toBeTruthy();
      expect(Object.keys(workflow.on), file).toEqual(expect.arrayContaining(["pull_request", "push"]));
      for (const [name, job] of Object.entries(workflow.jobs)) {
        expect(job["runs-on"], `${file} ${name}`).toMatch(/^ubuntu-/);
        expect(job.steps.length, `${file} ${name}`).toBeGreaterThan(0);
        for (const step of job.steps) {
          expect(Boolean(step.uses) !== Boolean(step.run), `${file} ${name}: a step either uses or runs`).toBe(true);
          if (step.uses) expect(step.uses, "actions pinned to a major version").toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
        }
      }
    }
  });

  it("run the README's test and build commands, and check the articles", () => {
    const { jobs } = workflows.find(({ file }) => file === "ci.yml")!.workflow;
    const test = readmeCommand("**Run every test**");
    const build = readmeCommand("**Build the site**");
    expect(test).toBe("npm install && npm test");
    expect(build).toBe("npm install && npm run build");
    // The test job runs .ci/run, which ends with the README's test command, as the project's own CI does.
    expect(commands(jobs.test!)).toContain(".ci/run");
    expect(readFileSync(path.join(root, ".ci/run"), "utf8")).toContain(`\n${test}\n`);
    expect(commands(jobs.test!)).toContain("npm run check");
    expect(jobs.build!.steps.some((step) => step.run?.includes(build))).toBe(true);
    // The site of every run is kept.
    expect(jobs.build!.steps.some((step) => step.uses?.startsWith("actions/upload-artifact@"))).toBe(true);
  });

  it("publish to GitHub Pages from main only, after the checks, tests and build passed", () => {
    const { jobs } = workflows.find(({ file }) => file === "ci.yml")!.workflow;
    const deploy = jobs.deploy!;
    expect(deploy.needs).toEqual(expect.arrayContaining(["test", "build"]));
    expect(deploy.if).toContain("refs/heads/main");
    expect(deploy.steps.map((s) => s.uses)).toContain("actions/deploy-pages@v4");
    // Pull requests build and keep the site but never publish it.
    const pages = jobs.build!.steps.find((step) => step.uses?.startsWith("actions/upload-pages-artifact@"));
    expect(pages?.if).toContain("pull_request");
  });
});
