import { describe, expect, it } from "vitest";
import {
  formatVnDate,
  formatVnShortDate,
  hasTimeOfDay,
  parseArticleDate,
  toMachineDate,
  toVnIso,
  vnMidnight,
} from "../../src/domain/dates.ts";

describe("parseArticleDate", () => {
  it("reads a date alone as that day in Vietnam", () => {
    const date = parseArticleDate("2023-11-23")!;
    expect(date.toISOString()).toBe("2023-11-22T17:00:00.000Z");
    expect(hasTimeOfDay(date)).toBe(false);
  });

  it("reads YAML's UTC-midnight Date for an unquoted date as the same calendar day", () => {
    const fromYaml = new Date(Date.UTC(2023, 10, 23));
    expect(parseArticleDate(fromYaml)!.getTime()).toBe(parseArticleDate("2023-11-23")!.getTime());
  });

  it("keeps the instant of a time with an offset", () => {
    expect(parseArticleDate("2024-06-28T16:13:00+07:00")!.toISOString()).toBe("2024-06-28T09:13:00.000Z");
    expect(parseArticleDate(new Date("2024-06-28T16:13:00+07:00"))!.toISOString()).toBe("2024-06-28T09:13:00.000Z");
    expect(parseArticleDate("2024-06-28T09:13:00Z")!.toISOString()).toBe("2024-06-28T09:13:00.000Z");
  });

  it("reads a time without an offset as Vietnam time", () => {
    expect(parseArticleDate("2023-11-16T14:14")!.toISOString()).toBe("2023-11-16T07:14:00.000Z");
  });

  it.each(["32/13/2023", "2023-13-01", "2023-02-29", "2023-11-31", "2023-11-23T24:00", "23/11/2023", "", "2023"])(
    "rejects %j",
    (text) => {
      expect(parseArticleDate(text)).toBeUndefined();
    },
  );

  it("accepts 29 February in a leap year", () => {
    expect(parseArticleDate("2024-02-29")).toBeDefined();
  });

  it("rejects values that are not dates", () => {
    expect(parseArticleDate(20231123)).toBeUndefined();
    expect(parseArticleDate(undefined)).toBeUndefined();
    expect(parseArticleDate(new Date(Number.NaN))).toBeUndefined();
  });
});

describe("formatting in Vietnam time", () => {
  it('writes "Thứ Năm, 23/11/2023"', () => {
    expect(formatVnDate(vnMidnight(2023, 11, 23))).toBe("Thứ Năm, 23/11/2023");
  });

  it("names every weekday, Sunday as Chủ Nhật", () => {
    const names = [19, 20, 21, 22, 23, 24, 25].map((day) => formatVnDate(vnMidnight(2023, 11, day)).split(",")[0]);
    expect(names).toEqual(["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]);
  });

  it("adds the time when it is known, on the Vietnam calendar day", () => {
    // 20:30 UTC on the 27th is 03:30 on the 28th in Vietnam.
    expect(formatVnDate(new Date("2024-06-27T20:30:00Z"))).toBe("Thứ Sáu, 28/06/2024, 03:30");
    expect(formatVnDate(parseArticleDate("2024-06-28T16:13:00+07:00")!)).toBe("Thứ Sáu, 28/06/2024, 16:13");
  });

  it("gives machine-readable values with the +07:00 offset", () => {
    const withTime = parseArticleDate("2023-11-16T14:14:00+07:00")!;
    expect(toVnIso(withTime)).toBe("2023-11-16T14:14:00+07:00");
    expect(toMachineDate(withTime)).toBe("2023-11-16T14:14:00+07:00");
    expect(toMachineDate(vnMidnight(2023, 11, 23))).toBe("2023-11-23");
    expect(formatVnShortDate(withTime)).toBe("16/11/2023");
  });
});
