/**
 * Where an article is about, from every clue it gives at once: the portal
 * address (`<district>.<province>.gov.vn`), districts named with their type
 * ("huyện Lâm Bình"), the set of communes it names (a set that only one
 * district has), provinces named outright or through the publisher ("Báo Hà
 * Giang"). Clues are scored together; a close second is reported, not guessed
 * away.
 */
import { foldKey, gazetteer, type District } from "./gazetteer.ts";
import { PROVINCES_BEFORE_2025 } from "./places.ts";
import { nameKey } from "./text.ts";

export interface LocalityClues {
  /** Body text, title included. */
  text: string;
  /** Source URL or portal address, if known. */
  url?: string;
  /** Publisher named in the source line ("Báo Hà Giang"). */
  publisher?: string;
}

export interface ResolvedLocality {
  province?: string;
  district?: District;
  /** The district as the article writes it ("Lâm Bình", "Thành phố Bắc Kạn"): the archive keeps published spellings. */
  districtLabel?: string;
  communes: string[];
  /** Review notes for the editor: ambiguity, weak evidence. */
  review: string[];
}

const CAPITALISED_RUN = "((?:\\p{Lu}[\\p{Ll}\\p{M}]*)(?:\\s+\\p{Lu}[\\p{Ll}\\p{M}]*){0,3})";

const provinceByKey = new Map(PROVINCES_BEFORE_2025.map((p) => [nameKey(p.name), p]));
const provinceByCompactSlug = new Map(PROVINCES_BEFORE_2025.map((p) => [p.slug.replace(/-/g, ""), p]));

const provinceByFold = new Map(PROVINCES_BEFORE_2025.map((p) => [foldKey(p.name), p]));
/** First syllables (folded) of every province name: a run that starts otherwise is not a province. */
const provinceFirstSyllables = new Set(PROVINCES_BEFORE_2025.map((p) => foldKey(p.name).split(" ")[0]!));

/** True when `name` is a province or district of the gazetteer, in any spelling. */
export function isPlaceName(name: string): boolean {
  const g = gazetteer();
  return (
    provinceByKey.has(nameKey(name)) ||
    g.districtsByName.has(nameKey(name)) ||
    provinceByFold.has(foldKey(name)) ||
    g.districtsByFold.has(foldKey(name))
  );
}

/** Looks a name up by its exact key, then without diacritics. */
function lookupBoth<T>(exact: ReadonlyMap<string, T>, folded: ReadonlyMap<string, T>) {
  return (name: string): T | undefined => exact.get(nameKey(name)) ?? folded.get(foldKey(name));
}

/** The longest prefix of a capitalised run that `lookup` knows, with what it found. */
function longestKnown<T>(run: string, lookup: (name: string) => T | undefined): { name: string; found: T } | undefined {
  const words = run.split(/\s+/u);
  for (let n = words.length; n > 0; n--) {
    const name = words.slice(0, n).join(" ");
    const found = lookup(name);
    if (found !== undefined) return { name, found };
  }
  return undefined;
}

const TYPE_WORD: Record<District["type"], string> = {
  huyen: "",
  quan: "Quận",
  "thi-xa": "Thị xã",
  "thanh-pho": "Thành phố",
};

const DISTRICT_TYPE_BY_WORD: Record<string, District["type"]> = {
  huyện: "huyen",
  quận: "quan",
  "thị xã": "thi-xa",
  "thành phố": "thanh-pho",
  tp: "thanh-pho",
};

/** Resolves the province, district and named communes of an article. */
export function resolveLocality(clues: LocalityClues): ResolvedLocality {
  const g = gazetteer();
  const provinceScore = new Map<string, number>();
  const districtScore = new Map<string, number>();
  const addProvince = (code: string, points: number) =>
    provinceScore.set(code, (provinceScore.get(code) ?? 0) + points);
  /**
   * Evidence for a district counts in full for the district, and for its
   * province shared among the districts that bear the same name.
   */
  const addDistrict = (district: District, points: number, provincePoints = points) => {
    districtScore.set(district.code, (districtScore.get(district.code) ?? 0) + points);
    addProvince(district.provinceCode, provincePoints);
  };
  const review: string[] = [];
  const findDistricts = lookupBoth(g.districtsByName, g.districtsByFold);
  const findProvince = lookupBoth(provinceByKey, provinceByFold);
  const findCommunes = lookupBoth(g.communesByName, g.communesByFold);
  /** How the article spells each district it names. */
  const written = new Map<string, string>();

  // 1. The portal address: krongpa.gialai.gov.vn, hagiang.gov.vn, baohagiang.vn.
  if (clues.url && URL.canParse(clues.url)) {
    const labels = new URL(clues.url).hostname
      .toLowerCase()
      .replace(/^www\./, "")
      .split(".");
    const provinceLabel = labels.find(
      (l) => provinceByCompactSlug.has(l) || provinceByCompactSlug.has(l.replace(/^bao/, "")),
    );
    const province = provinceLabel
      ? (provinceByCompactSlug.get(provinceLabel) ?? provinceByCompactSlug.get(provinceLabel.replace(/^bao/, "")))
      : undefined;
    if (province) addProvince(province.code, 8);
    // Only a label in front of the province's is a district: hagiang.gov.vn is the province portal,
    // bacme.hagiang.gov.vn the district's.
    const districtLabels = provinceLabel ? labels.slice(0, labels.indexOf(provinceLabel)) : labels;
    for (const label of districtLabels) {
      for (const district of g.districtsByCompactSlug.get(label) ?? []) {
        if (!province || district.provinceCode === province.code) addDistrict(district, province ? 10 : 4);
      }
    }
  }

  // 2. Districts named with their type word.
  const districtPattern = new RegExp(`(?<![\\p{L}])(huyện|quận|thị xã|thành phố|TP\\.?)\\s+${CAPITALISED_RUN}`, "gu");
  for (const match of clues.text.matchAll(districtPattern)) {
    const type = DISTRICT_TYPE_BY_WORD[match[1]!.toLowerCase().replace(/\.$/, "")];
    const hit = longestKnown(match[2]!, (name) => {
      const found = findDistricts(name)?.filter((d) => d.type === type);
      return found?.length ? found : undefined;
    });
    if (hit) {
      for (const district of hit.found) {
        addDistrict(district, 6, 6 / hit.found.length);
        if (!written.has(district.code)) written.set(district.code, hit.name);
      }
      continue;
    }
    // "thành phố Hà Nội": a centrally-run city is a province.
    const province = longestKnown(match[2]!, findProvince);
    if (province) addProvince(province.found.code, 5);
  }

  // 3. Communes: "xã Phúc Sơn, Phúc Yên", "5 xã Cẩm Yên, Canh Nậu, Phú Kim, Bình Yên, Chàng Sơn".
  const communeLists = new RegExp(
    // "xã" but not the end of "thị xã" (a district type).
    `(?<![\\p{L}])(?<!thị\\s|Thị\\s)(?:xã|phường|thị trấn)\\s+(${CAPITALISED_RUN.slice(1, -1)}(?:\\s*(?:,|và)\\s*${CAPITALISED_RUN.slice(1, -1)})*)`,
    "gu",
  );
  const named: string[] = [];
  for (const match of clues.text.matchAll(communeLists)) {
    for (const name of match[1]!.split(/\s*(?:,|\svà\s)\s*/u)) {
      if (!named.some((n) => nameKey(n) === nameKey(name))) named.push(name.trim());
    }
  }
  const communesByDistrict = new Map<string, string[]>();
  for (const name of named) {
    for (const commune of findCommunes(name) ?? []) {
      const list = communesByDistrict.get(commune.districtCode) ?? [];
      if (!list.includes(name)) list.push(name);
      communesByDistrict.set(commune.districtCode, list);
    }
  }
  for (const [code, names] of communesByDistrict) {
    // One shared commune name says little; a set of them says much.
    addDistrict(g.districtByCode.get(code)!, names.length >= 2 ? 4 * names.length : 1);
  }

  // 4. Provinces named in the text ("tỉnh Hà Giang", "Thủ đô Hà Nội", or bare) and by the publisher.
  const provincePattern = new RegExp(`(?<![\\p{L}])${CAPITALISED_RUN}`, "gu");
  for (const match of clues.text.matchAll(provincePattern)) {
    if (!provinceFirstSyllables.has(foldKey(match[1]!.split(/\s/u, 1)[0]!))) continue;
    const hit = longestKnown(match[1]!, findProvince);
    if (!hit) continue;
    const named = /(?:tỉnh|Tỉnh|Thủ đô|thủ đô)\s+$/u.test(clues.text.slice(Math.max(0, match.index - 8), match.index));
    addProvince(hit.found.code, named ? 5 : 1);
  }
  if (clues.publisher) {
    const hit = longestKnown(clues.publisher.replace(/^(?:Báo|Đài|Cổng\s+\S+|Trang)\s+/u, ""), findProvince);
    if (hit) addProvince(hit.found.code, 4);
  }

  /** "Lâm Bình" for a huyện, "Thành phố Bắc Kạn" otherwise, in the article's spelling. */
  const label = (district: District): string =>
    [TYPE_WORD[district.type], written.get(district.code) ?? district.name].filter(Boolean).join(" ");

  const rankedProvinces = [...provinceScore].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [best, second] = rankedProvinces;
  if (!best) return { communes: [], review: ["locality: không tìm thấy tỉnh nào trong bài — hãy ghi tỉnh"] };
  const province = PROVINCES_BEFORE_2025.find((p) => p.code === best[0])!;
  if (second && second[1] >= best[1] * 0.8) {
    const other = PROVINCES_BEFORE_2025.find((p) => p.code === second[0])!;
    review.push(
      `locality.province: chọn ${province.name}, nhưng bài cũng có dấu hiệu của ${other.name} — kiểm tra lại`,
    );
  }

  const rankedDistricts = [...districtScore]
    .map(([code, score]) => ({ district: g.districtByCode.get(code)!, score }))
    .filter((d) => d.district.provinceCode === province.code && d.score >= 3)
    .sort((a, b) => b.score - a.score || a.district.code.localeCompare(b.district.code));
  let district: District | undefined = rankedDistricts[0]?.district;
  const runnerUp = rankedDistricts[1];
  if (district && runnerUp && runnerUp.score >= rankedDistricts[0]!.score * 0.8) {
    review.push(`locality.district: ${label(district)} hay ${label(runnerUp.district)}? Bài không đủ rõ — đã để trống`);
    district = undefined;
  }
  const communes = district ? (communesByDistrict.get(district.code) ?? []) : [];
  return {
    province: province.name,
    ...(district && { district, districtLabel: label(district) }),
    communes,
    review,
  };
}
