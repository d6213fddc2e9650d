/**
 * `npm run ingest` end to end, in a scratch folder: good and bad inputs side
 * by side, re-runs, an editor's change, duplicates, --dry-run and --json.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../helpers/html.ts";
import { root, shared } from "../helpers/paths.ts";
import { scratchDir } from "../helpers/scratch.ts";

let work: string;
const inputs = () => path.join(work, "in");
const run = (args: string[], out = path.join(work, "out")) => {
  const result = spawnSync(process.execPath, [path.join(root, "scripts/ingest.ts"), ...args, "--out", out], {
    cwd: root,
    encoding: "utf8",
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    lines: `${result.stdout}${result.stderr}`.split("\n"),
  };
};
const seed = (name: string) => path.join(shared, "seeds", name);

beforeAll(() => {
  work = scratchDir("ingest");
  const dir = inputs();
  spawnSync("mkdir", ["-p", dir]);
  copyFileSync(seed("000_91b290148046f118.txt"), path.join(dir, "lam-binh.txt"));
  copyFileSync(seed("003_e6d1110da6cb5adf.txt"), path.join(dir, "mu-cang-chai.txt"));
  writeFileSync(path.join(dir, "empty.txt"), "");
  writeFileSync(
    path.join(dir, "binary.txt"),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  );
  writeFileSync(
    path.join(dir, "not-utf8.txt"),
    Buffer.from("Tin \x81\x8d\x8f\x90 bài \x9d\xff\xfe viết \x80\x82\x83\x84", "latin1"),
  );
  writeFileSync(path.join(dir, "huge.txt"), Buffer.alloc(20 * 1024 * 1024, 0x61));
  writeFileSync(path.join(dir, "no-title.txt"), "2261 lượt xem\nIn Đọc bài\n");
  writeFileSync(
    path.join(dir, "no-date.txt"),
    "Hội nghị tổng kết\n\nBan CHQS huyện Lâm Bình tổ chức hội nghị tổng kết.\n",
  );
  writeFileSync(
    path.join(dir, "no-slug.txt"),
    "!!! ???\n\nSáng 23/11/2023, Ban CHQS huyện Lâm Bình tổ chức hội nghị.\n",
  );
  // A page in TCVN3 (8-bit, invalid UTF-8) and one whose title tries to climb out of the output folder.
  writeFileSync(
    path.join(dir, "tcvn3.txt"),
    Buffer.from(
      "Ban CHQS huyÖn B¾c Mª ra qu©n huÊn luyÖn\nS¸ng 5/1/2024, Ban CHQS huyÖn B¾c Mª tæ chøc lÔ ra qu©n huÊn luyÖn.\n",
      "latin1",
    ),
  );
  writeFileSync(
    path.join(dir, "escape.txt"),
    "../../../../etc/passwd\n\nSáng 6/1/2024, Ban CHQS huyện Bắc Mê tổ chức hội nghị.\n",
  );
  const page = readFileSync(seed("002_f924bb84406c7faf.txt"), "utf8");
  writeFileSync(
    path.join(dir, "batch.jsonl"),
    [
      JSON.stringify({ url: "https://hagiang.gov.vn/tin/so-ket-quy-che.html", text: page }),
      JSON.stringify({
        url: "https://hagiang.gov.vn/tin/so-ket-quy-che.html",
        text: `${page}\nMột dòng thêm ở bản sao.`,
      }),
      "{ không phải JSON",
    ].join("\n"),
  );
});

describe("npm run ingest", () => {
  let first: ReturnType<typeof run>;
  beforeAll(() => {
    first = run([inputs()]);
  });

  it("imports the good inputs and exits 1 because some failed", () => {
    expect(first.status).toBe(1);
    const files = listFiles(path.join(work, "out"));
    expect(files).toEqual([
      "2023/08/so-ket-thuc-hien-quy-che-phoi-hop-giua-dang-uy-quan-su-tinh-voi-cac-huyen-uy.md",
      "2023/11/hoi-nghi-ban-chap-hanh-dang-bo-quan-su-huyen-ra-quyet-lanh-dao-thuc-hien-nhiem.md",
      "2023/11/ubnd-huyen-mu-cang-chai-trien-khai-nhiem-vu-quan-su-quoc-phong-va-an-ninh-nam.md",
      "2024/01/ban-chqs-huyen-bac-me-ra-quan-huan-luyen.md",
      "2024/01/etc-passwd.md",
    ]);
  });

  it("repairs a TCVN3 page and keeps a hostile title inside the output folder", () => {
    const tcvn3 = readFileSync(path.join(work, "out/2024/01/ban-chqs-huyen-bac-me-ra-quan-huan-luyen.md"), "utf8");
    expect(tcvn3).toContain("title: Ban CHQS huyện Bắc Mê ra quân huấn luyện");
    expect(tcvn3).toContain("bảng mã TCVN3");
    expect(readFileSync(path.join(work, "out/2024/01/etc-passwd.md"), "utf8")).toContain(
      "title: ../../../../etc/passwd\n",
    );
  });

  it("gives each bad input one line naming the file and the problem, and no stack trace", () => {
    const line = (file: string) => first.lines.filter((l) => l.includes(file));
    expect(line("empty.txt")).toEqual([expect.stringMatching(/^✗ .*empty\.txt: tệp rỗng$/u)]);
    expect(line("binary.txt")).toEqual([expect.stringMatching(/binary\.txt: tệp nhị phân/u)]);
    expect(line("not-utf8.txt")).toEqual([expect.stringMatching(/not-utf8\.txt: không phải UTF-8/u)]);
    expect(line("huge.txt")).toEqual([expect.stringMatching(/huge\.txt: tệp quá lớn \(20\.0 MB, tối đa 5\.0 MB/u)]);
    expect(line("no-title.txt")).toEqual([
      expect.stringMatching(/no-title\.txt: (không tìm thấy tiêu đề|không có nội dung)/u),
    ]);
    expect(line("no-date.txt")).toEqual([expect.stringMatching(/no-date\.txt: không tìm thấy ngày/u)]);
    expect(line("no-slug.txt")).toEqual([expect.stringMatching(/no-slug\.txt: tiêu đề không tạo được tên tệp/u)]);
    expect(line("batch.jsonl:3")).toEqual([expect.stringMatching(/batch\.jsonl:3: dòng không phải JSON hợp lệ/u)]);
    expect(first.lines.some((l) => /^\s+at /u.test(l))).toBe(false);
  });

  it("reports a second input with the same source URL as a duplicate and skips it", () => {
    expect(first.lines.find((l) => l.includes("batch.jsonl:2"))).toMatch(
      /bỏ qua: trùng với .*so-ket-thuc-hien-quy-che/u,
    );
  });

  it("prints a summary line", () => {
    expect(first.lines.some((l) => /^\d+ đầu vào: 5 mới, 1 bỏ qua, 8 lỗi$/u.test(l))).toBe(true);
  });

  it("changes nothing when run again on the same inputs", () => {
    const before = listFiles(path.join(work, "out")).map((f) => readFileSync(path.join(work, "out", f), "utf8"));
    const again = run([inputs()]);
    expect(again.lines.filter((l) => l.startsWith("✓")).every((l) => /\[(không đổi|bỏ qua: trùng)/u.test(l))).toBe(
      true,
    );
    const after = listFiles(path.join(work, "out")).map((f) => readFileSync(path.join(work, "out", f), "utf8"));
    expect(after).toEqual(before);
  });

  it("never overwrites an article an editor has changed, unless --force", () => {
    const file = path.join(
      work,
      "out/2023/11/hoi-nghi-ban-chap-hanh-dang-bo-quan-su-huyen-ra-quyet-lanh-dao-thuc-hien-nhiem.md",
    );
    const edited = readFileSync(file, "utf8").replace("Tùng Lâm", "Tùng Lâm (biên tập)");
    writeFileSync(file, edited);
    const again = run([path.join(inputs(), "lam-binh.txt")]);
    expect(again.lines.find((l) => l.includes("lam-binh.txt"))).toMatch(/bỏ qua: biên tập viên đã sửa bài/u);
    expect(readFileSync(file, "utf8")).toBe(edited);
    const forced = run([path.join(inputs(), "lam-binh.txt"), "--force"]);
    expect(forced.lines.find((l) => l.includes("lam-binh.txt"))).toMatch(/\[cập nhật\]/u);
    expect(readFileSync(file, "utf8")).not.toContain("(biên tập)");
  });

  it("writes nothing with --dry-run, and still reports duplicates", () => {
    const out = path.join(work, "dry");
    const dry = run([path.join(inputs(), "lam-binh.txt"), path.join(inputs(), "batch.jsonl"), "--dry-run"], out);
    expect(dry.lines.find((l) => l.includes("batch.jsonl:2"))).toMatch(/bỏ qua: trùng/u);
    expect(dry.lines.find((l) => l.includes("batch.jsonl:1"))).toMatch(/Bắc Mê, Hà Giang/u);
    expect(existsSync(out)).toBe(false);
  });

  it("prints one JSON object per article on stdout with --json, and nothing else", () => {
    const json = run(
      [path.join(inputs(), "lam-binh.txt"), path.join(inputs(), "mu-cang-chai.txt"), "--json", "--dry-run"],
      path.join(work, "json"),
    );
    const lines = json.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    const articles = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(articles.map((a) => a.title)).toEqual([
      expect.stringMatching(/^Hội nghị Ban chấp hành/u),
      expect.stringMatching(/^UBND huyện Mù Cang Chải/u),
    ]);
    for (const article of articles) {
      expect(Object.keys(article)).toEqual(
        expect.arrayContaining(["title", "date", "locality", "officials", "body", "input"]),
      );
    }
  });
});
