import { describe, expect, it } from "vitest";
import { resolveLocality } from "../../src/domain/locality.ts";

const resolve = (text: string, extra: { url?: string; publisher?: string } = {}) => {
  const r = resolveLocality({ text, ...extra });
  return { province: r.province, district: r.districtLabel, communes: r.communes, review: r.review };
};

describe("locality", () => {
  it("places an article by a named district", () => {
    expect(resolve("Đảng uỷ quân sự huyện Lâm Bình tổ chức hội nghị.")).toMatchObject({
      province: "Tuyên Quang",
      district: "Lâm Bình",
    });
  });

  it("places an article by the set of communes it names, when the district is never named (seed 001)", () => {
    expect(
      resolve("Chỉ đạo 5 xã Cẩm Yên, Canh Nậu, Phú Kim, Bình Yên, Chàng Sơn làm tốt công tác chuẩn bị diễn tập."),
    ).toEqual({
      province: "Hà Nội",
      district: "Thạch Thất",
      communes: ["Cẩm Yên", "Canh Nậu", "Phú Kim", "Bình Yên", "Chàng Sơn"],
      review: [],
    });
  });

  it("places an article by the portal address <district>.<province>.gov.vn", () => {
    expect(
      resolve("Ban CHQS huyện tổ chức hội nghị.", { url: "https://krongpa.gialai.gov.vn/tin-tuc/123" }),
    ).toMatchObject({
      province: "Gia Lai",
      district: "Krông Pa",
    });
  });

  it("does not take a province portal for the district of the same name", () => {
    // hagiang.gov.vn is the province's portal; Thành phố Hà Giang would be thanhpho.hagiang.gov.vn.
    expect(
      resolve("Sáng 24.8, tại huyện Bắc Mê, Đảng ủy Quân sự tỉnh tổ chức hội nghị.", {
        url: "https://hagiang.gov.vn/tin/1.html",
      }),
    ).toMatchObject({
      province: "Hà Giang",
      district: "Bắc Mê",
    });
  });

  it("places an article by its publisher", () => {
    expect(resolve("Đảng ủy Quân sự tỉnh tổ chức hội nghị.", { publisher: "Báo Hà Giang" })).toMatchObject({
      province: "Hà Giang",
    });
  });

  it("matches names spelled differently from the statistics list, keeping the article's spelling", () => {
    expect(resolve("UBND huyện Mù Cang Chải triển khai nhiệm vụ")).toMatchObject({
      province: "Yên Bái",
      district: "Mù Cang Chải",
    });
  });

  it("writes a city district with its type", () => {
    expect(resolve("Đảng ủy Quân sự thành phố Bắc Kạn sơ kết giữa nhiệm kỳ")).toMatchObject({
      province: "Bắc Kạn",
      district: "Thành phố Bắc Kạn",
    });
  });

  it("uses a named commune with a named province to pick the district among same-name districts", () => {
    // "Châu Thành" is a district name in several provinces; the province settles it.
    expect(resolve("Ban CHQS huyện Châu Thành, tỉnh Tiền Giang tổ chức diễn tập.")).toMatchObject({
      province: "Tiền Giang",
      district: "Châu Thành",
    });
  });

  it("flags a district name that ten provinces share, for the editor to settle", () => {
    const result = resolve("Ban CHQS huyện Châu Thành tổ chức diễn tập.");
    expect(result.review.join(" ")).toMatch(/^locality\.province: chọn .*, nhưng bài cũng có dấu hiệu của/u);
  });

  it("resolves communes whose names recur elsewhere by the set they form", () => {
    // "Phúc Sơn" alone exists in five districts; with "Phúc Yên" only Lâm Bình has both.
    expect(resolve("Diễn tập chiến đấu xã Phúc Sơn, Phúc Yên trong khu vực phòng thủ.")).toMatchObject({
      province: "Tuyên Quang",
      district: "Lâm Bình",
      communes: ["Phúc Sơn", "Phúc Yên"],
    });
  });

  it("reports an article with no place at all", () => {
    expect(resolve("Hội nghị diễn ra thành công tốt đẹp.")).toMatchObject({ province: undefined });
  });
});
