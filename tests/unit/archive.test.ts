import { describe, expect, it } from "vitest";
import { articleSchema } from "../../src/domain/article.ts";
import { buildArchive, byVietnamese } from "../../src/domain/archive.ts";

const item = (id: string, fields: Record<string, unknown>) => ({
  id,
  data: articleSchema.parse({ title: id, locality: { province: "Hà Giang" }, ...fields }),
});

const items = [
  item("2023/11/a", {
    date: "2023-11-23",
    unit: "Đảng uỷ quân sự huyện Bắc Mê",
    locality: { province: "Hà Giang", district: "Bắc Mê" },
    officials: [{ name: "Tô Tuấn Anh", rank: "Thượng tá", titles: ["Chính ủy"] }],
  }),
  item("2024/06/b", {
    date: "2024-06-28",
    unit: "Đảng ủy Quân sự huyện Bắc Mê",
    locality: { province: "Hà Giang", district: "Bắc Mê" },
    officials: [{ name: "Tô Tuấn Anh", rank: "Đại tá", titles: ["Chính ủy Bộ CHQS tỉnh"] }],
  }),
  item("2022/01/c", {
    date: "2022-01-05",
    locality: { province: "Yên Bái" },
    officials: [{ name: "Đinh Văn Đức" }, { name: "Dương Văn Dũng" }],
  }),
];
const archive = buildArchive(items);

describe("archive structure", () => {
  it("orders articles newest first and links previous (older) and next (newer)", () => {
    expect(archive.items.map((i) => i.id)).toEqual(["2024/06/b", "2023/11/a", "2022/01/c"]);
    expect(archive.previous.get("2023/11/a")?.id).toBe("2022/01/c");
    expect(archive.next.get("2023/11/a")?.id).toBe("2024/06/b");
    expect(archive.next.get("2024/06/b")).toBeUndefined();
  });

  it("groups by year and month", () => {
    expect([...archive.months.keys()]).toEqual(["2024", "2023", "2022"]);
    expect(
      archive.months
        .get("2023")
        ?.get("11")
        ?.map((i) => i.id),
    ).toEqual(["2023/11/a"]);
  });

  it("treats both tone-mark styles as one unit, shown in the canonical spelling", () => {
    expect(archive.units.map((u) => [u.name, u.slug, u.items.length])).toEqual([
      ["Đảng ủy Quân sự huyện Bắc Mê", "dang-uy-quan-su-huyen-bac-me", 2],
    ]);
  });

  it("keeps a person's ranks and titles over time, oldest first", () => {
    const person = archive.people.find((p) => p.name === "Tô Tuấn Anh")!;
    expect(person.timeline.map((t) => [t.id, t.rank])).toEqual([
      ["2023/11/a", "Thượng tá"],
      ["2024/06/b", "Đại tá"],
    ]);
  });

  it("sorts names in Vietnamese order: d before đ", () => {
    expect(archive.people.map((p) => p.name)).toEqual(["Dương Văn Dũng", "Đinh Văn Đức", "Tô Tuấn Anh"]);
    expect(["ê", "e", "đ", "d", "ă", "a", "â"].sort(byVietnamese)).toEqual(["a", "ă", "â", "d", "đ", "e", "ê"]);
  });

  it("places districts under provinces and relates articles that share people, unit or district", () => {
    const haGiang = archive.provinces.find((p) => p.name === "Hà Giang")!;
    expect(haGiang.districts.map((d) => [d.name, d.items.length])).toEqual([["Bắc Mê", 2]]);
    expect(archive.related.get("2023/11/a")?.map((i) => i.id)).toEqual(["2024/06/b"]);
    expect(archive.related.get("2022/01/c") ?? []).toEqual([]);
  });
});

describe("people.yaml", async () => {
  const { peopleRules } = await import("../../src/domain/people-file.ts");

  it("merges two spellings into one person and splits one name by province", () => {
    const rules = peopleRules(
      [
        "merge:",
        "  - [Tô Tuấn Anh, Tô Tuấn Anh]",
        "  - [Dương Văn Dũng, Dương Văn Dủng]",
        "split:",
        "  - name: Đinh Văn Đức",
        "    by_province:",
        "      Yên Bái: Đinh Văn Đức (Yên Bái)",
      ].join("\n"),
    );
    expect(rules.identify("Dương Văn Dủng", "Hà Giang")).toBe("Dương Văn Dũng");
    expect(rules.identify("Đinh Văn Đức", "Yên Bái")).toBe("Đinh Văn Đức (Yên Bái)");
    expect(rules.identify("Đinh Văn Đức", "Hà Giang")).toBe("Đinh Văn Đức");
    const split = buildArchive(items, rules);
    expect(split.people.map((p) => p.name)).toContain("Đinh Văn Đức (Yên Bái)");
    expect(split.people.map((p) => p.name)).not.toContain("Đinh Văn Đức");
  });

  it("names the file and the fix when the file is wrong", () => {
    expect(() => peopleRules("merge:\n  - Tô Tuấn Anh\n")).toThrow(
      /content\/people\.yaml: merge\.0: .*merge: \[\[Tên A, Tên B\]\]/u,
    );
  });
});
