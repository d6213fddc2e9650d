import { describe, expect, it } from "vitest";
import { isPlaceName } from "../../src/domain/locality.ts";
import { extractOfficials, normalizeTitle } from "../../src/domain/officials.ts";

const officials = (...paragraphs: string[]) => extractOfficials(paragraphs, isPlaceName);

describe("officials", () => {
  it('reads "đồng chí <name>, <titles> <role>" with titles after a comma', () => {
    expect(
      officials(
        "Đồng chí Nguyễn Thành Trung, Uỷ viên BCH Đảng bộ tỉnh, Bí thư huyện uỷ, Chủ tịch UBND huyện chủ trì hội nghị.",
      ),
    ).toEqual([
      {
        name: "Nguyễn Thành Trung",
        titles: ["Uỷ viên BCH Đảng bộ tỉnh", "Bí thư Huyện uỷ", "Chủ tịch UBND huyện"],
        role: "chủ trì",
      },
    ]);
  });

  it('reads a stacked honorific and rank: "đồng chí Đại tá Tô Tuấn Anh"', () => {
    expect(officials("Dự hội nghị có đồng chí Đại tá Tô Tuấn Anh, Chính ủy Bộ CHQS tỉnh.")).toEqual([
      { name: "Tô Tuấn Anh", rank: "Đại tá", titles: ["Chính ủy Bộ CHQS tỉnh"] },
    ]);
  });

  it('reads the other honorifics: "đ/c", "ông", "bà", and "QNCN" after a rank', () => {
    expect(
      officials(
        "Dự có đ/c Hoàng Văn Nam, Phó Chủ tịch UBND huyện; ông Lý Văn Tâm, Trưởng phòng Nội vụ; bà Lò Thị Mai, Chủ tịch Hội Phụ nữ huyện; Thiếu tá QNCN Đinh Công Sơn, Trợ lý Ban CHQS huyện.",
      ),
    ).toEqual([
      { name: "Hoàng Văn Nam", titles: ["Phó Chủ tịch UBND huyện"] },
      { name: "Lý Văn Tâm", titles: ["Trưởng phòng Nội vụ"] },
      { name: "Lò Thị Mai", titles: ["Chủ tịch Hội Phụ nữ huyện"] },
      { name: "Đinh Công Sơn", rank: "Thiếu tá", titles: ["Trợ lý Ban CHQS huyện"] },
    ]);
  });

  it("reads lower-case ranks and normalises them", () => {
    expect(officials("Tham dự có thiếu tướng Nguyễn Văn Hùng, Phó Tư lệnh Quân khu 2.")).toEqual([
      { name: "Nguyễn Văn Hùng", rank: "Thiếu tướng", titles: ["Phó Tư lệnh Quân khu 2"] },
    ]);
  });

  it("reads titles after a dash in every spacing (' - ', '–', '- ')", () => {
    const found = officials(
      "Dự có đồng chí Giàng A Vừ - Phó Bí thư Thường trực Huyện ủy; đồng chí Lê Trọng Khang – Phó Bí thư Huyện ủy, Chủ tịch UBND huyện.",
      "Thượng tá Cấn Đình Trung- Ủy viên BTV huyện ủy- Chỉ huy trưởng Ban CHQS huyện phát biểu kết luận hội nghị.",
    );
    expect(found).toEqual([
      { name: "Giàng A Vừ", titles: ["Phó Bí thư Thường trực Huyện ủy"] },
      { name: "Lê Trọng Khang", titles: ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"] },
      {
        name: "Cấn Đình Trung",
        rank: "Thượng tá",
        titles: ["Ủy viên BTV Huyện ủy", "Chỉ huy trưởng Ban CHQS huyện"],
        role: "kết luận",
      },
    ]);
  });

  it('reads a list after "các đồng chí:" and stops at the first non-title ("lãnh đạo …")', () => {
    const found = officials(
      "Dự có các đồng chí: Lại Tiến Giang, Ủy viên BTV Tỉnh ủy, Chỉ huy trưởng Bộ CHQS tỉnh; Hầu Minh Lợi, Ủy viên BTV Tỉnh ủy, Bí thư Thành ủy Hà Giang; lãnh đạo các Ban xây dựng Đảng Tỉnh ủy.",
    );
    expect(found.map((o) => o.name)).toEqual(["Lại Tiến Giang", "Hầu Minh Lợi"]);
    expect(found[1]!.titles).toEqual(["Ủy viên BTV Tỉnh ủy", "Bí thư Thành ủy Hà Giang"]);
  });

  it('reads titles before the name: "Chủ nhiệm UBKT Tỉnh ủy Trần Quang Minh"', () => {
    expect(officials("Chủ nhiệm UBKT Tỉnh ủy Trần Quang Minh thảo luận tại hội nghị")).toEqual([
      { name: "Trần Quang Minh", titles: ["Chủ nhiệm UBKT Tỉnh ủy"] },
    ]);
  });

  it("takes the role from a sentence that opens with it", () => {
    expect(
      officials(
        "Phát biểu kết luận Hội nghị, đồng chí Lê Trọng Khang – Phó Bí thư Huyện ủy nhấn mạnh một số nhiệm vụ.",
      ),
    ).toEqual([{ name: "Lê Trọng Khang", titles: ["Phó Bí thư Huyện ủy"], role: "kết luận" }]);
  });

  it("merges mentions of one person across tone styles; presiding outranks concluding", () => {
    const found = officials(
      "Đồng chí Nguyễn Mạnh Dũng, Quyền Bí thư Tỉnh ủy, Bí thư Đảng ủy Quân sự tỉnh chủ trì hội nghị.",
      "Quyền Bí thư Tỉnh uỷ Nguyễn Mạnh Dũng phát biểu kết luận hội nghị",
    );
    expect(found).toEqual([
      { name: "Nguyễn Mạnh Dũng", titles: ["Quyền Bí thư Tỉnh ủy", "Bí thư Đảng ủy Quân sự tỉnh"], role: "chủ trì" },
    ]);
  });

  it("does not take titles, places or reporters for people", () => {
    expect(officials("Đồng chí Phó Bí thư Thường trực Huyện ủy cũng nhấn mạnh nhiệm vụ.")).toEqual([]);
    expect(officials("Bí thư Thành ủy Hà Giang phát biểu.")).toEqual([]);
    expect(officials("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.")).toEqual([]);
    expect(extractOfficials(["Đồng chí Văn Nghị, Phóng viên"], isPlaceName, ["Văn Nghị"])).toEqual([]);
  });
});

describe("normalizeTitle", () => {
  it("capitalises the title and party committees, keeping the tone style", () => {
    expect(normalizeTitle("bí thư huyện uỷ")).toBe("Bí thư Huyện uỷ");
    expect(normalizeTitle("chủ nhiệm chính trị Bộ chỉ huy quân sự tỉnh")).toBe(
      "Chủ nhiệm chính trị Bộ chỉ huy quân sự tỉnh",
    );
    expect(normalizeTitle("Ủy viên BTV huyện ủy")).toBe("Ủy viên BTV Huyện ủy");
  });
});
