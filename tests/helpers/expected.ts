import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { shared } from "./paths.ts";

/** One seed's metadata as an editor confirmed it in ../shared/seeds/expected.yaml. */
export interface Expected {
  title: string;
  date: string;
  year_inferred: boolean;
  locality: { province: string; district?: string; communes?: string[] };
  province_today: string;
  unit: string;
  officials: { name: string; rank: string | null; titles: string[]; role?: string }[];
  byline: string[];
  source?: string;
  chrome?: string[];
  captions?: string[];
}

export const seedsDir = path.join(shared, "seeds");

/** expected.yaml, by seed file name (dates stay strings: YAML core schema). */
export const expectedSeeds = parse(readFileSync(path.join(seedsDir, "expected.yaml"), "utf8"), {
  schema: "core",
}) as Record<string, Expected>;
