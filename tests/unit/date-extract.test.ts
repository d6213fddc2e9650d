import { describe, expect, it } from "vitest";
import { findEventDate, inferYear, parseStampLine } from "../../src/domain/date-extract.ts";

describe("publication stamps (every format in DOMAIN.md)", () => {
  it.each([
    ["(16:13:00 28/06/2024)", { year: 2024, month: 6, day: 28, hour: 16, minute: 13 }],
    ["16/11/2023 2:14:00 CH", { year: 2023, month: 11, day: 16, hour: 14, minute: 14 }],
    ["16/11/2023 9:05:00 SA", { year: 2023, month: 11, day: 16, hour: 9, minute: 5 }],
    ["16/11/2023 12:30:00 SA", { year: 2023, month: 11, day: 16, hour: 0, minute: 30 }],
    ["Publish date 22/06/2024 | 08:05", { year: 2024, month: 6, day: 22, hour: 8, minute: 5 }],
    ["Thứ 6, 23/06/2023 | 11:38:14 [GMT +7]", { year: 2023, month: 6, day: 23, hour: 11, minute: 38 }],
    ["08:52 27/08/2021", { year: 2021, month: 8, day: 27, hour: 8, minute: 52 }],
    ["20/12/2016 - 09:43", { year: 2016, month: 12, day: 20, hour: 9, minute: 43 }],
    ["27-02-2024, 12:05", { year: 2024, month: 2, day: 27, hour: 12, minute: 5 }],
    ["Ngày đăng: 05/01/2022 07:30", { year: 2022, month: 1, day: 5, hour: 7, minute: 30 }],
  ])("reads %j", (line, expected) => {
    expect(parseStampLine(line)).toMatchObject({ ...expected, hasTime: true });
  });

  it('reads a date without a time: "15 Tháng 9, 2025"', () => {
    expect(parseStampLine("15 Tháng 9, 2025")).toMatchObject({ year: 2025, month: 9, day: 15, hasTime: false });
  });

  it("marks a weekday with a date and no time, the shape of a portal's clock", () => {
    expect(parseStampLine("Chủ Nhật, 15/06/2025")).toMatchObject({ hasTime: false, hasWeekday: true });
  });

  it.each([
    "Ngày 16/11/2023, Ủy ban nhân dân huyện đã tổ chức Hội nghị",
    "2261 lượt xem",
    "31/02/2024 10:00",
    "Hội nghị sơ kết 6 tháng đầu năm 2024",
  ])("is not fooled by %j", (line) => {
    expect(parseStampLine(line)).toBeUndefined();
  });
});

describe("event dates at the start of the lead", () => {
  it.each([
    ["Sáng 23/11/2023, tại phòng họp Ban chỉ huy quân sự huyện", { day: 23, month: 11, year: 2023 }],
    ["Chiều 28-6, tại Hội trường Ban CHQS huyện", { day: 28, month: 6 }],
    ["Sáng 24.8, tại huyện Bắc Mê", { day: 24, month: 8 }],
    ["CTTBTG - Sáng 24.8, tại huyện Bắc Mê", { day: 24, month: 8 }],
    ["Chiều 22/3, Đảng ủy Quân sự thành phố Bắc Kạn", { day: 22, month: 3 }],
    ["Sáng ngày 20.6.2024, Ban CHQS huyện", { day: 20, month: 6, year: 2024 }],
    ["Tối ngày 20.6.2024, tại nhà văn hóa", { day: 20, month: 6, year: 2024 }],
    ["Chiều nay, ngày 9/12/2021, tại Bộ CHQS tỉnh", { day: 9, month: 12, year: 2021 }],
    ["Sáng nay (9/10), Bộ CHQS tỉnh tổ chức", { day: 9, month: 10 }],
    ["Từ ngày 21 đến ngày 28-8, Ban CHQS huyện", { day: 21, month: 8 }],
    ["Ngày 16/11/2023, Ủy ban nhân dân huyện", { day: 16, month: 11, year: 2023 }],
  ])("reads %j", (lead, expected) => {
    const found = findEventDate(lead)!;
    expect(found).toMatchObject(expected);
    if (!("year" in expected)) expect(found.year).toBeUndefined();
  });

  it('corrects a year typo "22024" and says so', () => {
    expect(findEventDate("Sáng 20/6/22024, tại hội trường")).toMatchObject({ year: 2024, yearTypo: "22024" });
  });

  it("ignores dates later in the lead (an anniversary is not the event)", () => {
    expect(findEventDate("Năm 2023, Đảng ủy đã tổ chức kỷ niệm ngày 27/7/1947")).toBeUndefined();
    expect(findEventDate("Trong không khí phấn khởi kỷ niệm 22/12, Ban CHQS huyện")).toBeUndefined();
  });
});

describe("year inference", () => {
  it("dates a mid-term review half-way through its term", () => {
    expect(inferYear(24, 8, "Hội nghị sơ kết giữa nhiệm kỳ 2020 – 2025 …", undefined)).toMatchObject({ year: 2023 });
    expect(
      inferYear(22, 3, "sơ kết giữa nhiệm kỳ thực hiện nghị quyết … nhiệm kỳ 2020-2025", undefined)?.reason,
    ).toContain("giữa nhiệm kỳ 2020–2025");
  });

  it("puts a late-year conference about next year's tasks in the year before", () => {
    const text = "Hội nghị tổng kết công tác quân sự năm 2023, triển khai nhiệm vụ năm 2024.";
    expect(inferYear(20, 12, text, undefined)).toMatchObject({ year: 2023 });
  });

  it("takes the latest year named as done", () => {
    expect(inferYear(15, 6, "Kết quả 6 tháng đầu năm 2022 đạt cao, so với năm 2021 tăng 5%.", undefined)).toMatchObject(
      {
        year: 2022,
      },
    );
  });

  it("falls back on the date the page was scraped, never after it", () => {
    const fetched = new Date("2024-03-10T00:00:00+07:00");
    expect(inferYear(5, 3, "Không có năm nào.", fetched)).toMatchObject({ year: 2024 });
    expect(inferYear(20, 11, "Không có năm nào.", fetched)).toMatchObject({ year: 2023 });
  });

  it("gives up rather than guess when nothing names a year", () => {
    expect(inferYear(5, 3, "Không có năm nào.", undefined)).toBeUndefined();
  });
});
