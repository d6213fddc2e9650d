/** Pagination of lists ("…/trang/2/"). */

export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** Number of pages; at least 1, so an empty list still has its first page. */
  total: number;
  items: T[];
}

/** Splits `items` into pages of `size`. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    number: i + 1,
    total,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

/** Each page of `items` with its path: `root` for the first, then "`root`/trang/N". */
export function pagedPaths<T>(root: string, items: readonly T[], size: number): { path: string; page: Page<T> }[] {
  return paginate(items, size).map((page) => ({
    path: page.number === 1 ? root : `${root}/trang/${page.number}`,
    page,
  }));
}
