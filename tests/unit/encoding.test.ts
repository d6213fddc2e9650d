import { describe, expect, it } from "vitest";
import { decodeBytes, fromTcvn3, fromVni, repairMojibake, repairText } from "../../src/domain/encoding.ts";

const PARAGRAPH =
  "Sáng 23/11/2023, Đảng ủy Quân sự huyện Lâm Bình tổ chức hội nghị Ban chấp hành Đảng bộ quân sự huyện. " +
  "Đồng chí Nguyễn Thành Trung, Bí thư Huyện ủy, Chủ tịch UBND huyện chủ trì hội nghị.";

/** The inverse of the TCVN3 table, to make TCVN3 bytes from Unicode text. */
function toTcvn3Bytes(text: string): Uint8Array {
  const inverse = new Map<string, number>();
  for (let byte = 0xa0; byte <= 0xff; byte++) inverse.set(fromTcvn3(String.fromCharCode(byte)), byte);
  return new Uint8Array(
    [...text.normalize("NFC")].map((ch) => {
      const byte = inverse.get(ch) ?? ch.charCodeAt(0);
      if (byte > 0xff) throw new Error(`no TCVN3 byte for ${ch}`);
      return byte;
    }),
  );
}

describe("legacy encodings", () => {
  it("converts the TCVN3 example of DOMAIN.md", () => {
    expect(fromTcvn3("Héi nghÞ §¶ng ñy")).toBe("Hội nghị Đảng ủy");
  });

  it("converts the VNI example of DOMAIN.md", () => {
    expect(fromVni("Hoäi nghò")).toBe("Hội nghị");
    expect(fromVni("Ñaûng uûy quaân söï huyeän Laâm Bình")).toBe("Đảng ủy quân sự huyện Lâm Bình");
    expect(fromVni("Thöôïng taù Nguyeãn Ñình Tuaán")).toBe("Thượng tá Nguyễn Đình Tuấn");
  });

  it("detects and repairs TCVN3 text read as Latin-1", () => {
    const latin1 = new TextDecoder("latin1").decode(toTcvn3Bytes(PARAGRAPH));
    expect(repairText(latin1)).toEqual({ text: PARAGRAPH, repair: "tcvn3", broken: false });
  });

  it("detects and repairs VNI text", () => {
    const vni = "Saùng 23/11/2023, Ñaûng uûy Quaân söï huyeän Laâm Bình toå chöùc hoäi nghò Ban chaáp haønh.";
    expect(repairText(vni)).toMatchObject({
      text: "Sáng 23/11/2023, Đảng ủy Quân sự huyện Lâm Bình tổ chức hội nghị Ban chấp hành.",
      repair: "vni",
    });
  });

  it("repairs UTF-8 that was read as Windows-1252", () => {
    const mojibake = new TextDecoder("windows-1252").decode(new TextEncoder().encode(PARAGRAPH));
    expect(mojibake).toContain("Ä");
    expect(repairMojibake(mojibake)).toBe(PARAGRAPH);
    expect(repairText(mojibake)).toMatchObject({ text: PARAGRAPH, repair: "mojibake" });
  });

  it("leaves correct Vietnamese alone, stray symbols and both tone styles included", () => {
    const text = `${PARAGRAPH} Nhiệt độ 30°C, sau ½ ngày làm việc, Uỷ ban « nhân dân » § 3.`;
    expect(repairText(text)).toEqual({ text, broken: false });
  });

  it("says so when text is broken beyond repair", () => {
    expect(repairText("Tin ‚ƒ„†‡ˆ‰ bài Š‹ŒŽ•˜™ viết š›œžŸ").broken).toBe(true);
  });
});

describe("decoding bytes", () => {
  it("reads UTF-8 with or without a BOM, to NFC", () => {
    const nfd = new TextEncoder().encode(`\uFEFF${PARAGRAPH.normalize("NFD")}`);
    expect(decodeBytes(nfd)).toEqual({ text: PARAGRAPH, broken: false });
  });

  it("reads a TCVN3 8-bit file (invalid UTF-8)", () => {
    expect(decodeBytes(toTcvn3Bytes(PARAGRAPH))).toMatchObject({ text: PARAGRAPH, repair: "tcvn3" });
  });

  it("rejects empty, binary and undecodable files", () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ problem: "empty" });
    expect(decodeBytes(new TextEncoder().encode("  \n\t \n"))).toEqual({ problem: "empty" });
    expect(decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({ problem: "binary" });
    expect(decodeBytes(new Uint8Array([0x48, 0xc3, 0x28, 0xa0, 0xa1, 0x20, 0x41]))).toEqual({ problem: "not-text" });
  });
});
