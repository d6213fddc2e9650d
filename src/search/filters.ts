/** Search filter names, as they appear in the index and in the search page's URL (?tinh=…&nam=…). */
export const FILTERS = {
  /** Province as published (pre-2025 name before July 2025). */
  province: "tinh",
  /** Province today, after the 2025 merger. */
  provinceToday: "tinh_nay",
  district: "huyen",
  unit: "don_vi",
  year: "nam",
  person: "nhan_vat",
} as const;

export type FilterName = (typeof FILTERS)[keyof typeof FILTERS];

export const FILTER_NAMES: readonly FilterName[] = Object.values(FILTERS);
