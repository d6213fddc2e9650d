import { describe, expect, it } from "vitest";
import { canonical, closest, fold, isSlug, nameKey, nfc, slugify, withToneStyle } from "../../src/domain/text.ts";

const nfd = (s: string) => s.normalize("NFD");

describe("nfc", () => {
  it("recomposes scraped NFD text (ộ as o + U+0302 + U+0323)", () => {
    const decomposed = "Hội nghị".normalize("NFD");
    expect(decomposed).not.toBe("Hội nghị");
    expect(nfc(decomposed)).toBe("Hội nghị");
    expect(nfc("o\u0302\u0323")).toBe("ộ");
  });
});

describe("canonical tone-mark form", () => {
  // The three pairs whose placement differs between the two styles, in both cases.
  const pairs: [modern: string, traditional: string][] = [
    ["hoà", "hòa"],
    ["hoá", "hóa"],
    ["hoả", "hỏa"],
    ["hoã", "hõa"],
    ["hoạ", "họa"],
    ["khoẻ", "khỏe"],
    ["khoè", "khòe"],
    ["khoé", "khóe"],
    ["khoẽ", "khõe"],
    ["khoẹ", "khọe"],
    ["thuỷ", "thủy"],
    ["tuỳ", "tùy"],
    ["tuý", "túy"],
    ["luỹ", "lũy"],
    ["thuỵ", "thụy"],
    ["uỷ", "ủy"],
    ["Uỷ", "Ủy"],
    ["UỶ", "ỦY"],
    ["HOÀ", "HÒA"],
    ["KHOẺ", "KHỎE"],
  ];

  it.each(pairs)("%s and %s share one canonical form, the traditional one", (modern, traditional) => {
    expect(canonical(modern)).toBe(traditional);
    expect(canonical(traditional)).toBe(traditional);
    expect(withToneStyle(traditional, "modern")).toBe(modern);
  });

  it("treats NFD input like NFC input", () => {
    for (const word of ["Đảng uỷ", "Huyện ủy", "Thừa Thiên Huế", "khuỷu", "Nguyễn"]) {
      expect(canonical(nfd(word))).toBe(canonical(word));
    }
  });

  it("puts the mark on ơ in ươ, and on ă â ê ô ơ ư otherwise", () => {
    expect(canonical("ngừơi")).toBe("người");
    expect(canonical(nfd("giường"))).toBe("giường");
    expect(withToneStyle("thuở", "modern")).toBe("thuở");
    expect(canonical("thuế")).toBe("thuế");
    expect(canonical("khuấy")).toBe("khuấy");
    expect(canonical("xoắn")).toBe("xoắn");
  });

  it("puts the mark on the last vowel before a final consonant, in both styles", () => {
    for (const word of ["hoàng", "huỳnh", "toán", "khoảng", "quyền"]) {
      expect(canonical(word)).toBe(word);
      expect(withToneStyle(word, "modern")).toBe(word);
    }
  });

  it("puts the mark on the middle of three vowels", () => {
    for (const word of ["khuya", "khuỷu", "ngoẹo", "oải", "tuổi", "người"]) {
      expect(canonical(word)).toBe(word);
    }
  });

  it("counts qu and gi as consonants", () => {
    expect(canonical("quý")).toBe("quý");
    expect(withToneStyle("quý", "modern")).toBe("quý");
    expect(canonical("quả")).toBe("quả");
    expect(canonical("giá")).toBe("giá");
    expect(canonical("gì")).toBe("gì");
    expect(canonical("giữ")).toBe("giữ");
  });

  it("makes mixed-style sentences from the seeds compare equal", () => {
    const a = "Bí thư Huyện uỷ, Chủ tịch UBND huyện, Bí thư Đảng uỷ quân sự huyện";
    const b = "Bí thư Huyện ủy, Chủ tịch UBND huyện, Bí thư Đảng ủy quân sự huyện";
    expect(a).not.toBe(b);
    expect(canonical(a)).toBe(canonical(b));
    expect(canonical(a)).toBe(b);
  });

  it("leaves words that are not one syllable, numbers and punctuation alone", () => {
    expect(canonical("COVID-19, 23/11/2023 – Điện Biên Phủ")).toBe("COVID-19, 23/11/2023 – Điện Biên Phủ");
  });
});

describe("fold", () => {
  it("strips every mark and folds đ→d, keeping case", () => {
    expect(fold("Đảng ủy Quân sự")).toBe("Dang uy Quan su");
    expect(fold("Mù Cang Chải")).toBe("Mu Cang Chai");
    expect(fold(nfd("Ủy ban nhân dân"))).toBe("Uy ban nhan dan");
    expect(fold("đồng chí")).toBe("dong chi");
  });

  it("makes both tone-mark styles fold alike", () => {
    expect(fold("Uỷ ban")).toBe(fold("Ủy ban"));
  });
});

describe("nameKey", () => {
  it("identifies a name across tone style, normalisation, case and spacing", () => {
    const key = nameKey("Đảng ủy Quân sự huyện Lâm Bình");
    expect(nameKey("Đảng uỷ quân sự huyện Lâm Bình")).toBe(key);
    expect(nameKey(nfd("ĐẢNG UỶ QUÂN SỰ  huyện  Lâm Bình "))).toBe(key);
    expect(nameKey("Đảng ủy Quân sự huyện Lâm Bính")).not.toBe(key);
  });
});

describe("slugify", () => {
  it("makes ASCII slugs", () => {
    expect(slugify("Mù Cang Chải")).toBe("mu-cang-chai");
    expect(slugify("Đảng ủy Quân sự tỉnh Hà Giang")).toBe("dang-uy-quan-su-tinh-ha-giang");
    expect(slugify("Quân sự, Quốc phòng & An ninh — năm 2024!")).toBe("quan-su-quoc-phong-an-ninh-nam-2024");
    expect(slugify(nfd("Thừa Thiên Huế"))).toBe("thua-thien-hue");
  });

  it("cuts long titles at a word boundary", () => {
    const slug = slugify(
      "Hội nghị Ban chấp hành Đảng bộ quân sự huyện ra quyết lãnh đạo thực hiện nhiệm vụ Quân sự Quốc phòng",
      40,
    );
    expect(slug).toBe("hoi-nghi-ban-chap-hanh-dang-bo-quan-su");
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(isSlug(slug)).toBe(true);
  });

  it("returns an empty slug for text without letters or digits", () => {
    expect(slugify("— … —")).toBe("");
    expect(isSlug("")).toBe(false);
    expect(isSlug("hội-nghị")).toBe(false);
  });
});

describe("closest", () => {
  it("suggests the intended name for a typo or a name typed without marks", () => {
    expect(closest("Ha Giang", ["Hà Giang", "Hà Nam", "Hà Nội"])).toBe("Hà Giang");
    expect(closest("offcials", ["officials", "title"])).toBe("officials");
    expect(closest("xyz", ["Hà Giang", "Hà Nội"])).toBeUndefined();
  });
});
