/** Worker thread: builds the search index (build.ts) while the main thread writes the pages. */
import { answerShare } from "../lib/worker-shares.ts";
import { buildShards, type BuiltShards, type ShardBuild } from "./build.ts";

await answerShare<ShardBuild, BuiltShards>(async ([build]) => [await buildShards(build!)]);
