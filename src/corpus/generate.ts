/**
 * A deterministic synthetic archive for tests and benchmarks: realistic
 * articles (sentences from the bundled articles, places over all 63
 * provinces and their districts and communes, officials with ranks and
 * titles, units, dates 2015–2026), valid under the article schema. Article i
 * depends only on i, so a small corpus is the start of a larger one.
 */
import { stringify } from "yaml";
import { type Commune, type District, gazetteer, group } from "../domain/gazetteer.ts";
import { PROVINCES_BEFORE_2025, PROVINCES_TODAY } from "../domain/places.ts";
import { RANKS } from "../domain/people.ts";
import { slugify } from "../domain/text.ts";
import { escapeMarkdown } from "../ingest/write.ts";

/** mulberry32: small, fast, good enough for test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Lương Triệu Hà Lò Giàng Cầm Nông".split(
    " ",
  );
const MIDDLE = "Văn Thị Đình Minh Quang Hữu Thành Ngọc Đức Xuân Thanh Mạnh Trọng Tiến Công Anh A".split(" ");
const GIVEN =
  "Trung Tuấn Dũng Hùng Minh Cường Hào Khang Vừ Giang Lợi Bắc Sơn Hải Long Nam Phong Thắng Lâm Đạt Hưng Tâm Nghĩa Quý".split(
    " ",
  );
const KINDS = ["sơ kết", "tổng kết", "triển khai nhiệm vụ", "rút kinh nghiệm", "giao ban"];
const TOPICS = [
  "công tác quân sự, quốc phòng",
  "công tác quốc phòng, quân sự địa phương",
  "nhiệm vụ Quân sự, Quốc phòng và An ninh",
  "công tác tuyển chọn và gọi công dân nhập ngũ",
  "diễn tập khu vực phòng thủ",
  "công tác giáo dục quốc phòng và an ninh",
  "huấn luyện dân quân tự vệ",
];
const CAPTIONS = [
  "Toàn cảnh Hội nghị",
  "Các đại biểu dự hội nghị",
  "Đại biểu tham luận tại Hội nghị",
  "Quang cảnh buổi lễ",
];
const BYLINES = ["Tùng Lâm", "Thảo Linh", "Duy Hanh", "Văn Nghị", "Minh Cường", "A Cớ", "Hồng Hà", "Thu Trang"];

export interface CorpusArticle {
  /** Path below the output folder: "YYYY/MM/<slug>.md". */
  path: string;
  text: string;
}

interface Pools {
  sentences: string[];
  districtsByProvince: Map<string, District[]>;
  communesByDistrict: Map<string, Commune[]>;
}

/** Sentences of the bundled articles' bodies: the vocabulary of the corpus. */
export function sentencePool(bodies: readonly string[]): string[] {
  return bodies
    .flatMap((body) => body.split(/\n\s*\n/u))
    .filter((block) => !block.startsWith("*"))
    .flatMap((block) => block.replace(/\\(.)/gu, "$1").split(/(?<=[.;])\s+(?=\p{Lu})/u))
    .map((s) => s.trim())
    .filter((s) => s.length > 40 && s.length < 400);
}

function pools(sentences: string[]): Pools {
  const g = gazetteer();
  return {
    sentences,
    districtsByProvince: group(g.districts, (d) => d.provinceCode),
    // In the order of communesByName, as the corpus has always drawn them (keeps it identical).
    communesByDistrict: group([...g.communesByName.values()].flat(), (c) => c.districtCode),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

function article(i: number, p: Pools): { title: string; date: string; text: string } {
  const rand = random(0x9e3779b9 ^ Math.imul(i + 1, 2654435761));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const day0 = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2026, 5, 30) - day0;
  const when = new Date(day0 + Math.floor(rand() * (span / 86_400_000)) * 86_400_000);
  const [y, m, d] = [when.getUTCFullYear(), when.getUTCMonth() + 1, when.getUTCDate()];
  const hasTime = rand() < 0.5;
  const date = hasTime
    ? `${y}-${pad(m)}-${pad(d)}T${pad(7 + Math.floor(rand() * 11))}:${pad(Math.floor(rand() * 60))}:00+07:00`
    : `${y}-${pad(m)}-${pad(d)}`;
  const afterReform = when >= new Date(Date.UTC(2025, 6, 1));

  const provinceRecord = pick(PROVINCES_BEFORE_2025);
  const province = afterReform ? pick(PROVINCES_TODAY) : provinceRecord.name;
  const district = afterReform ? undefined : pick(p.districtsByProvince.get(provinceRecord.code) ?? []);
  const communes = district ? (p.communesByDistrict.get(district.code) ?? []) : [];
  const named = communes.length ? [...new Set([pick(communes).name, pick(communes).name])] : [];
  const level = district
    ? district.type === "huyen"
      ? "huyện"
      : district.type === "quan"
        ? "quận"
        : district.type === "thi-xa"
          ? "thị xã"
          : "thành phố"
    : "tỉnh";
  const placeName = district ? district.name : province;
  const unit = afterReform
    ? pick([`Bộ CHQS tỉnh ${province}`, `Ban Chỉ huy Phòng thủ khu vực ${1 + Math.floor(rand() * 9)}`])
    : pick([`Đảng ủy Quân sự ${level} ${placeName}`, `Ban CHQS ${level} ${placeName}`, `UBND ${level} ${placeName}`]);
  const kind = pick(KINDS);
  const topic = pick(TOPICS);
  const title = `${unit} ${kind} ${topic} ${pick(["năm", "6 tháng đầu năm", "giai đoạn"])} ${y}`;

  const committee = {
    tỉnh: "Tỉnh ủy",
    huyện: "Huyện ủy",
    "thành phố": "Thành ủy",
    "thị xã": "Thị ủy",
    quận: "Quận ủy",
  }[level];
  const command = level === "tỉnh" ? "Bộ CHQS tỉnh" : `Ban CHQS ${level}`;
  const officials = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, k) => {
    const rank = rand() < 0.5 ? RANKS[8 + Math.floor(rand() * 7)] : undefined;
    const name = `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const titles = rank
      ? [`${pick(["Chỉ huy trưởng", "Chính trị viên", "Phó Chỉ huy trưởng"])} ${command}`]
      : [
          pick([
            `Bí thư ${committee}`,
            `Phó Bí thư ${committee}`,
            `Chủ tịch UBND ${level}`,
            `Ủy viên BTV ${committee}`,
          ]),
        ];
    return { name, ...(rank && { rank }), titles, ...(k === 0 && { role: "chủ trì" as const }) };
  });

  const people = officials
    .map((o) => `đồng chí ${o.rank ? `${o.rank} ` : ""}${o.name}, ${o.titles.join(", ")}`)
    .join("; ");
  const lead = `${pick(["Sáng", "Chiều"])} ${d}/${m}/${y}, ${unit} tổ chức hội nghị ${kind} ${topic}${named.length ? ` tại xã ${named.join(", ")}` : ""}. Dự có ${people}.`;
  const paragraphs = [escapeMarkdown(lead), `*${escapeMarkdown(pick(CAPTIONS))}*`];
  const count = 3 + Math.floor(rand() * 5);
  for (let k = 0; k < count; k++) paragraphs.push(escapeMarkdown(`${pick(p.sentences)} ${pick(p.sentences)}`));

  const data = {
    title,
    date,
    dateInferred: false,
    locality: {
      province,
      ...(district && {
        district:
          district.type === "huyen"
            ? district.name
            : `${level.charAt(0).toUpperCase()}${level.slice(1)} ${district.name}`,
      }),
      ...(named.length && { communes: named }),
    },
    unit,
    officials,
    byline: [pick(BYLINES)],
  };
  return { title, date, text: `---\n${stringify(data, { lineWidth: 0 })}---\n\n${paragraphs.join("\n\n")}\n` };
}

/** Articles 0 … count-1 of the synthetic archive, in order, with unique file paths. */
export function* generateCorpus(count: number, sentences: string[]): Generator<CorpusArticle> {
  const p = pools(sentences);
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const { title, date, text } = article(i, p);
    const folder = `${date.slice(0, 4)}/${date.slice(5, 7)}`;
    const slug = slugify(title, 70);
    let file = `${folder}/${slug}.md`;
    for (let n = 2; used.has(file); n++) file = `${folder}/${slug}-${n}.md`;
    used.add(file);
    yield { path: file, text };
  }
}
