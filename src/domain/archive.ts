/**
 * The archive's browsing structure, computed once for the whole collection:
 * articles by month, by place (province as published, then district), by
 * person and by unit; related articles; previous and next by date. Every
 * grouping is a single pass plus sorts (O(N log N)); related articles look
 * only at the nearest neighbours in time inside each group, never at all
 * pairs.
 */
import type { Article } from "./article.ts";
import { vnParts } from "./dates.ts";
import { NO_RULES, type PeopleRules } from "./people-file.ts";
import { canonical, nameKey, slugify } from "./text.ts";

export interface ArchiveItem {
  /** Collection id: "YYYY/MM/<slug>". */
  id: string;
  data: Article;
}

export interface Group<T extends ArchiveItem = ArchiveItem> {
  /** Display name: the canonical spelling of the name ("Đảng ủy", not "Đảng uỷ"). */
  name: string;
  /** ASCII slug, unique among its siblings. */
  slug: string;
  /** Newest first. */
  items: T[];
}

export interface PlaceGroup<T extends ArchiveItem = ArchiveItem> extends Group<T> {
  districts: Group<T>[];
}

export interface TimelineEntry {
  /** The article's date. */
  date: Date;
  id: string;
  rank?: string;
  titles: string[];
}

export interface PersonGroup<T extends ArchiveItem = ArchiveItem> extends Group<T> {
  /** Ranks and titles as reported, oldest first. */
  timeline: TimelineEntry[];
}

export interface Archive<T extends ArchiveItem = ArchiveItem> {
  /** All items, newest first. */
  items: T[];
  /** "YYYY" → "MM" → items (newest first); years newest first. */
  months: Map<string, Map<string, T[]>>;
  provinces: PlaceGroup<T>[];
  people: PersonGroup<T>[];
  units: Group<T>[];
  related: Map<string, T[]>;
  previous: Map<string, T | undefined>;
  next: Map<string, T | undefined>;
  /** The person (display name, as on /nhan-vat/) an official of an article is. */
  identify: (item: T, name: string) => string;
  /** Groups by name key, for pages that link to them (no scans over all groups per page). */
  provinceByKey: Map<string, PlaceGroup<T>>;
  districtByKey: Map<string, Group<T>>;
  unitByKey: Map<string, Group<T>>;
  personByKey: Map<string, PersonGroup<T>>;
}

const newestFirst = (a: ArchiveItem, b: ArchiveItem) =>
  b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id);

const collator = new Intl.Collator("vi", { sensitivity: "base" });

/** Vietnamese alphabetical order (a, ă, â, b, c, d, đ, e, ê …). */
export const byVietnamese = (a: string, b: string): number => collator.compare(a, b) || a.localeCompare(b);

/** Groups items by a key; each group is named by the first spelling seen (canonical form) and slugged uniquely. */
function groupBy<T extends ArchiveItem>(
  items: readonly T[],
  keysOf: (item: T) => { key: string; name: string }[],
): Group<T>[] {
  const groups = new Map<string, { name: string; items: T[] }>();
  for (const item of items) {
    const seen = new Set<string>();
    for (const { key, name } of keysOf(item)) {
      if (seen.has(key)) continue;
      seen.add(key);
      const group = groups.get(key);
      if (group) group.items.push(item);
      else groups.set(key, { name: canonical(name), items: [item] });
    }
  }
  const sorted = [...groups.values()].sort((a, b) => byVietnamese(a.name, b.name));
  const used = new Map<string, number>();
  return sorted.map((group) => {
    const base = slugify(group.name) || "khong-ten";
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { name: group.name, slug: n === 1 ? base : `${base}-${n}`, items: group.items.sort(newestFirst) };
  });
}

const keyed = (name: string | undefined) => (name ? [{ key: nameKey(name), name }] : []);

/**
 * Up to `limit` related articles for each item: those sharing people, unit or
 * district, scored people 3, unit 2, district 1, nearest in time first. Only
 * the `window` neighbours on each side within a group are considered.
 */
function relatedArticles<T extends ArchiveItem>(
  groups: { weight: number; groups: Group<T>[] }[],
  limit = 5,
  window = 6,
): Map<string, T[]> {
  const scores = new Map<string, Map<string, { item: T; score: number }>>();
  for (const { weight, groups: list } of groups) {
    for (const group of list) {
      const items = group.items;
      items.forEach((item, i) => {
        const mine = scores.get(item.id) ?? new Map<string, { item: T; score: number }>();
        scores.set(item.id, mine);
        for (let j = Math.max(0, i - window); j <= Math.min(items.length - 1, i + window); j++) {
          if (j === i) continue;
          const other = items[j]!;
          const entry = mine.get(other.id) ?? { item: other, score: 0 };
          entry.score += weight;
          mine.set(other.id, entry);
        }
      });
    }
  }
  const related = new Map<string, T[]>();
  for (const [id, candidates] of scores) {
    related.set(
      id,
      [...candidates.values()]
        .sort((a, b) => b.score - a.score || newestFirst(a.item, b.item))
        .slice(0, limit)
        .map((c) => c.item),
    );
  }
  return related;
}

/** Builds the archive structure from validated articles; `people` applies content/people.yaml. */
export function buildArchive<T extends ArchiveItem>(input: readonly T[], people: PeopleRules = NO_RULES): Archive<T> {
  const items = [...input].sort(newestFirst);

  const months = new Map<string, Map<string, T[]>>();
  for (const item of items) {
    const { year, month } = vnParts(item.data.date);
    const y = String(year);
    const m = String(month).padStart(2, "0");
    const byMonth = months.get(y) ?? new Map<string, T[]>();
    months.set(y, byMonth);
    const list = byMonth.get(m);
    if (list) list.push(item);
    else byMonth.set(m, [item]);
  }

  const provinceGroups = groupBy(items, (item) => keyed(item.data.locality.province));
  const provinces: PlaceGroup<T>[] = provinceGroups.map((province) => ({
    ...province,
    districts: groupBy(province.items, (item) => keyed(item.data.locality.district)),
  }));

  const who = (item: T, name: string) => people.identify(name, item.data.locality.province);
  const peopleGroups = groupBy(items, (item) => item.data.officials.flatMap((o) => keyed(who(item, o.name))));
  const personGroups: PersonGroup<T>[] = peopleGroups.map((person) => {
    const key = nameKey(person.name);
    const timeline = person.items
      .flatMap((item) =>
        item.data.officials
          .filter((o) => nameKey(who(item, o.name)) === key)
          .slice(0, 1)
          .map((o) => ({ date: item.data.date, id: item.id, ...(o.rank && { rank: o.rank }), titles: o.titles })),
      )
      .sort((a, b) => a.date.getTime() - b.date.getTime());
    return { ...person, timeline };
  });

  const units = groupBy(items, (item) => keyed(item.data.unit));
  const districts = provinces.flatMap((p) => p.districts);
  const related = relatedArticles([
    { weight: 3, groups: personGroups },
    { weight: 2, groups: units },
    { weight: 1, groups: districts },
  ]);

  const previous = new Map<string, T | undefined>();
  const next = new Map<string, T | undefined>();
  items.forEach((item, i) => {
    // "Previous" is the older article, "next" the newer one.
    previous.set(item.id, items[i + 1]);
    next.set(item.id, items[i - 1]);
  });

  const byKey = <G extends Group<T>>(groups: G[]) => new Map(groups.map((g) => [nameKey(g.name), g]));
  return {
    items,
    months,
    provinces,
    people: personGroups,
    units,
    related,
    previous,
    next,
    identify: who,
    provinceByKey: byKey(provinces),
    // District keys carry their province: the same district name exists in several provinces.
    districtByKey: new Map(
      provinces.flatMap((p) => p.districts.map((d) => [`${nameKey(p.name)}|${nameKey(d.name)}`, d])),
    ),
    unitByKey: byKey(units),
    personByKey: byKey(personGroups),
  };
}
