/** Worker thread: builds the search index (build.ts) while the main thread writes the pages. */
import { lowerThreadPriority } from "../lib/background.ts";
import { answerShare } from "../lib/worker-shares.ts";
import { buildShards, type BuiltShards, type ShardBuild } from "./build.ts";

lowerThreadPriority();
await answerShare<ShardBuild, BuiltShards>(async ([build]) => [await buildShards(build!)]);
