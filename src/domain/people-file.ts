/**
 * content/people.yaml: the editor's say over who is who. `merge` joins
 * names that are one person; `split` tells apart people who share a name,
 * by the province of the article. Read once per build; a mistake in the
 * file is reported with what to write instead.
 */
import path from "node:path";
import { z } from "zod";
import { parse } from "yaml";
import { nameKey } from "./text.ts";

const schema = z.strictObject({
  merge: z.array(z.array(z.string().min(1)).min(2)).default([]),
  split: z
    .array(z.strictObject({ name: z.string().min(1), by_province: z.record(z.string().min(1), z.string().min(1)) }))
    .default([]),
});

export interface PeopleRules {
  /** The identity (display name) of an official named `name` in an article about `province`. */
  identify: (name: string, province: string) => string;
}

/** content/people.yaml: beside the articles folder. */
export function peopleFileFor(contentDir: string): string {
  return path.join(path.dirname(path.resolve(contentDir)), "people.yaml");
}

export const NO_RULES: PeopleRules = { identify: (name) => name };

/** Reads people.yaml text; throws with the file's problems spelled out. */
export function peopleRules(text: string, file = "content/people.yaml"): PeopleRules {
  const parsed = schema.safeParse(parse(text) ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(
      `${file}: ${problems} — xem ví dụ ở đầu tệp (merge: [[Tên A, Tên B]]; split: [{ name, by_province }])`,
    );
  }
  const merged = new Map<string, string>();
  for (const names of parsed.data.merge) for (const name of names) merged.set(nameKey(name), names[0]!);
  const split = new Map<string, Map<string, string>>();
  for (const rule of parsed.data.split) {
    split.set(nameKey(rule.name), new Map(Object.entries(rule.by_province).map(([p, id]) => [nameKey(p), id])));
  }
  return {
    identify: (name, province) => {
      const byProvince = split.get(nameKey(name));
      return byProvince?.get(nameKey(province)) ?? merged.get(nameKey(name)) ?? name;
    },
  };
}
