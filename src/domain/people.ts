/**
 * People named in articles: military ranks and identity keys.
 */
import { nameKey } from "./text.ts";

/**
 * Ranks of the People's Army (and the navy's flag ranks), lowest first, as
 * they are written at the start of a sentence. Police ranks use the same names.
 */
export const RANKS = [
  "Binh nhì",
  "Binh nhất",
  "Hạ sĩ",
  "Trung sĩ",
  "Thượng sĩ",
  "Chuẩn úy",
  "Thiếu úy",
  "Trung úy",
  "Thượng úy",
  "Đại úy",
  "Thiếu tá",
  "Trung tá",
  "Thượng tá",
  "Đại tá",
  "Thiếu tướng",
  "Chuẩn Đô đốc",
  "Trung tướng",
  "Phó Đô đốc",
  "Thượng tướng",
  "Đô đốc",
  "Đại tướng",
] as const;

export type Rank = (typeof RANKS)[number];

const rankByKey = new Map<string, Rank>(RANKS.map((rank) => [nameKey(rank), rank]));

/** The rank as listed in RANKS for any spelling of it ("thiếu tướng", "Thiếu Tướng"), or undefined. */
export function normalizeRank(text: string): Rank | undefined {
  return rankByKey.get(nameKey(text));
}
