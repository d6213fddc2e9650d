/**
 * Site URLs. Every internal link is built here so that the base path
 * (a site published under /archive/) is applied once.
 */
import { site } from "../site.ts";

// From the site's address, like `base` in astro.config.mjs (not import.meta.env.BASE_URL, which a
// BASE_URL variable in the environment of the build overrides).
const base = new URL(site.url).pathname.replace(/\/?$/, "/");

/** A path inside the site: withBase("bai-viet/2023/11/x/") → "/archive/bai-viet/2023/11/x/". */
export function withBase(path: string): string {
  return base + path.replace(/^\//, "");
}

/** The page of an article whose collection id is "YYYY/MM/<slug>". */
export function articleUrl(id: string): string {
  return withBase(`bai-viet/${id}/`);
}

/** Page `n` of a paginated list rooted at `root` ("" for the home page). */
export function listPageUrl(root: string, n: number): string {
  return withBase(n <= 1 ? root : `${root}trang/${n}/`);
}

/** /luu-tru/, /luu-tru/2023/, /luu-tru/2023/11/ */
export function archiveUrl(year?: string, month?: string): string {
  return withBase(["luu-tru", year, month].filter(Boolean).join("/") + "/");
}

/** /dia-phuong/, /dia-phuong/<province>/, /dia-phuong/<province>/<district>/ */
export function placeUrl(province?: string, district?: string): string {
  return withBase(["dia-phuong", province, district].filter(Boolean).join("/") + "/");
}

/** /nhan-vat/ and /nhan-vat/<person>/ */
export function personUrl(slug?: string): string {
  return withBase(["nhan-vat", slug].filter(Boolean).join("/") + "/");
}

/** /don-vi/ and /don-vi/<unit>/ */
export function unitUrl(slug?: string): string {
  return withBase(["don-vi", slug].filter(Boolean).join("/") + "/");
}
