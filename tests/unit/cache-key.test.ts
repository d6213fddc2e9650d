/**
 * Page cache keys (src/lib/cache-key.ts): a page is rebuilt exactly when something it shows changed.
 * Every page of a person or place shows the whole group, so a change anywhere in the group must reach
 * every one of its pages, while the group is hashed only once however many pages it has.
 */
import { describe, expect, it } from "vitest";
import { cacheKey } from "../../src/lib/cache-key.ts";

const entry = (id: string, digest: string) => ({ id, digest, collection: "articles", data: { title: id } });

function person(digestOfLast: string) {
  const items = Array.from({ length: 45 }, (_, i) => entry(`2024/01/bai-${i}`, i === 44 ? digestOfLast : `d${i}`));
  return { name: "Nguyễn Văn A", slug: "nguyen-van-a", items, timeline: [] };
}

describe("page cache keys", () => {
  it("change on every page of a group when one of its articles changes, even on pages that do not list it", () => {
    const before = person("old");
    const after = person("new");
    const firstPage = (group: ReturnType<typeof person>) => ({
      kind: "person",
      person: group,
      page: { number: 1, total: 3, items: group.items.slice(0, 20) },
    });
    expect(cacheKey(firstPage(after))).not.toBe(cacheKey(firstPage(before)));
  });

  it("stay the same for the same content, built again from new objects", () => {
    const page = (group: ReturnType<typeof person>) => ({
      kind: "person",
      person: group,
      page: { number: 2, total: 3, items: group.items.slice(20, 40) },
    });
    expect(cacheKey(page(person("x")))).toBe(cacheKey(page(person("x"))));
  });

  it("tell the pages of one group apart", () => {
    const group = person("x");
    const page = (n: number) => ({
      kind: "person",
      person: group,
      page: { number: n, total: 3, items: group.items.slice((n - 1) * 20, n * 20) },
    });
    expect(new Set([1, 2, 3].map((n) => cacheKey(page(n)))).size).toBe(3);
  });

  it("count an article by its content digest, not by the object", () => {
    expect(cacheKey(entry("2024/01/a", "d1"))).toBe(
      cacheKey({ ...entry("2024/01/a", "d1"), data: { title: "other" } }),
    );
    expect(cacheKey(entry("2024/01/a", "d1"))).not.toBe(cacheKey(entry("2024/01/a", "d2")));
  });
});
