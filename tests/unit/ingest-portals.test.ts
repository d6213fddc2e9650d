/**
 * The importer on pages shaped like other portals than the seeds': breadcrumbs,
 * a clock, a stamp after the title, a dateline, lower-case ranks, a town
 * (thị xã) with wards, and batch records that carry their own dates.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/ingest/extract.ts";
import { root } from "../helpers/paths.ts";

describe("a provincial newspaper page", () => {
  const text = readFileSync(path.join(root, "tests/fixtures/ingest/quang-ninh.txt"), "utf8");
  const { article, body } = extractArticle({ input: "quang-ninh.txt", text });

  it("skips breadcrumbs and the portal clock, and takes the stamp after the title", () => {
    expect(article.title).toBe("Thị xã Đông Triều: Tổng kết công tác quốc phòng, quân sự địa phương năm 2016");
    expect(article.date).toBe("2016-12-20T09:43:00+07:00");
    expect(body.map((b) => b.text).join("\n")).not.toMatch(/Trang chủ|20\/12\/2023|Tin cùng chuyên mục|Nguồn/u);
  });

  it("places a town (thị xã) and its wards", () => {
    expect(article.locality).toEqual({
      province: "Quảng Ninh",
      district: "Thị xã Đông Triều",
      communes: ["Mạo Khê", "Kim Sơn", "Xuân Sơn"],
    });
    expect(article.unit).toBe("Ban CHQS thị xã Đông Triều");
  });

  it("reads ranks in any case and the role from a sentence that opens with it", () => {
    expect(article.officials).toEqual([
      { name: "Nguyễn Văn Thành", rank: "Thiếu tướng", titles: ["Phó Tư lệnh Quân khu 3"], role: "kết luận" },
      { name: "Hoàng Văn Nam", titles: ["Phó Bí thư Thường trực Thị ủy"] },
      { name: "Phạm Minh Đức", rank: "Thượng tá", titles: ["Chỉ huy trưởng Ban CHQS thị xã"] },
    ]);
    expect(article.byline).toEqual(["Hồng Hà"]);
    expect(article.source).toEqual({ name: "Báo Quảng Ninh" });
  });
});

describe("batch records (.jsonl)", () => {
  const page = [
    "Ban CHQS huyện Bắc Mê ra quân huấn luyện",
    "Sáng 5/1, Ban CHQS huyện Bắc Mê tổ chức lễ ra quân huấn luyện. Dự có đồng chí Nguyễn Văn A, Chủ tịch UBND huyện.",
  ].join("\n");

  it("takes the publication time a record carries when the page shows none", () => {
    const { article } = extractArticle({ input: "a.jsonl:1", text: page, published: "2024-01-05T10:30:00+07:00" });
    expect(article).toMatchObject({ date: "2024-01-05T10:30:00+07:00", dateInferred: false });
  });

  it("infers the year from the scrape date when nothing else gives it, and says so", () => {
    const { article } = extractArticle({ input: "a.jsonl:2", text: page, fetchedAt: "2024-03-01T08:00:00Z" });
    expect(article).toMatchObject({ date: "2024-01-05", dateInferred: true });
    expect(article.review).toEqual([
      expect.stringMatching(/^date: bài chỉ ghi "Sáng 5\/1"; năm 2024 suy ra từ ngày thu thập/u),
    ]);
  });

  it("uses the record's URL as the source and as a place clue", () => {
    const { article } = extractArticle({
      input: "a.jsonl:3",
      text: page.replace(" huyện Bắc Mê", " huyện"),
      url: "https://bacme.hagiang.gov.vn/tin/1",
      published: "2024-01-05",
    });
    expect(article.source).toEqual({ url: "https://bacme.hagiang.gov.vn/tin/1" });
    expect(article.locality).toMatchObject({ province: "Hà Giang", district: "Bắc Mê" });
  });
});

describe("legacy encodings end to end", () => {
  it("imports a VNI page and flags it for review", () => {
    const vni = [
      "Ban CHQS huyeän Baéc Meâ ra quaân huaán luyeän",
      "Saùng 5/1/2024, Ban CHQS huyeän Baéc Meâ toå chöùc leã ra quaân huaán luyeän.",
    ].join("\n");
    const { article } = extractArticle({ input: "vni.txt", text: vni });
    expect(article.title).toBe("Ban CHQS huyện Bắc Mê ra quân huấn luyện");
    expect(article.locality).toMatchObject({ province: "Hà Giang", district: "Bắc Mê" });
    expect(article.review).toContain("body: văn bản gốc ở bảng mã VNI, đã chuyển sang Unicode — kiểm tra dấu");
  });
});
