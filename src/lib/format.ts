/** Display text built from article data, shared by lists and article pages. */
import type { Article } from "../domain/article.ts";
import { isCentralCity, provinceToday } from "../domain/places.ts";
import { nameKey } from "../domain/text.ts";
import { vi } from "../i18n/vi.ts";

/** "Lâm Bình, Tuyên Quang": district (if any) and province, as published. */
export function placeLabel(locality: Article["locality"]): string {
  return [locality.district, locality.province].filter(Boolean).join(", ");
}

/** "nay thuộc tỉnh Tuyên Quang" when the province was merged or renamed in 2025, else undefined. */
export function provinceTodayNote(province: string): string | undefined {
  const today = provinceToday(province);
  if (!today || nameKey(today) === nameKey(province)) return undefined;
  return isCentralCity(today) ? vi.article.cityToday(today) : vi.article.provinceToday(today);
}
