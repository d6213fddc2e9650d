import { describe, expect, it } from "vitest";
import {
  PROVINCES_BEFORE_2025,
  PROVINCES_TODAY,
  absorbedProvinces,
  isKnownProvince,
  provinceToday,
  suggestProvince,
} from "../../src/domain/places.ts";
import { nameKey } from "../../src/domain/text.ts";

describe("the gazetteer", () => {
  it("has 63 provinces before the reform and 34 today", () => {
    expect(PROVINCES_BEFORE_2025).toHaveLength(63);
    expect(PROVINCES_TODAY).toHaveLength(34);
  });

  it("maps every one of the 63 to exactly one province of today", () => {
    for (const { name } of PROVINCES_BEFORE_2025) {
      expect(provinceToday(name), name).toBeDefined();
    }
    const absorbed = PROVINCES_TODAY.flatMap((today) => absorbedProvinces(today)).map(nameKey);
    expect(absorbed).toHaveLength(63);
    expect(new Set(absorbed).size).toBe(63);
    expect(new Set(absorbed)).toEqual(new Set(PROVINCES_BEFORE_2025.map((p) => nameKey(p.name))));
  });

  it("gives the province of today for the seeds' provinces", () => {
    expect(provinceToday("Hà Giang")).toBe("Tuyên Quang");
    expect(provinceToday("Tuyên Quang")).toBe("Tuyên Quang");
    expect(provinceToday("Yên Bái")).toBe("Lào Cai");
    expect(provinceToday("Bắc Kạn")).toBe("Thái Nguyên");
    expect(provinceToday("Hà Nội")).toBe("Hà Nội");
    expect(provinceToday("Thừa Thiên Huế")).toBe("Huế");
    expect(provinceToday("Huế")).toBe("Huế");
  });

  it("matches names in either tone style", () => {
    expect(isKnownProvince("Hoà Bình")).toBe(true);
    expect(isKnownProvince("Hòa Bình")).toBe(true);
    expect(provinceToday("Hoà Bình")).toBe("Phú Thọ");
    expect(provinceToday("Khánh Hoà")).toBe("Khánh Hòa");
  });

  it("rejects unknown names and suggests the nearest", () => {
    expect(isKnownProvince("Ha Giang")).toBe(false);
    expect(suggestProvince("Ha Giang")).toBe("Hà Giang");
    expect(suggestProvince("Tuyen Quang")).toBe("Tuyên Quang");
    expect(isKnownProvince("Gotham")).toBe(false);
    expect(suggestProvince("Gotham")).toBeUndefined();
  });
});
