import { fileURLToPath } from "node:url";

/** The repository root. */
export const root = fileURLToPath(new URL("../../", import.meta.url));
/** The shared folder beside the repository (seeds, design notes). */
export const shared = fileURLToPath(new URL("../../../shared/", import.meta.url));
