/**
 * Organising units: "Đảng ủy Quân sự huyện Lâm Bình", "Ban CHQS huyện Thạch
 * Thất", "Bộ CHQS tỉnh", "UBND huyện Mù Cang Chải", "Bộ Tư lệnh Thủ đô Hà
 * Nội", "Quân khu II" … written many ways in articles ("Đảng uỷ quân sự",
 * "Ban chỉ huy quân sự", "Ủy ban nhân dân"). Each kind has one written form.
 */
type Level = "tỉnh" | "huyện" | "thành phố" | "thị xã" | "quận" | "xã" | "phường";

interface UnitKind {
  /** The written form used in frontmatter. */
  label: string;
  /** How articles write it (without the level word). */
  pattern: string;
  /** The levels it exists at; none for units named outright. */
  levels: readonly Level[];
}

const LEVELS = "tỉnh|huyện|thành phố|thị xã|quận|xã|phường|Tỉnh|Huyện|Thành phố|Thị xã|Quận|TP\\.?";

const KINDS: readonly UnitKind[] = [
  {
    label: "Đảng ủy Quân sự",
    pattern: "Đảng\\s+[uủ][ỷy]\\s+[Qq]uân\\s+sự",
    levels: ["tỉnh", "huyện", "thành phố", "thị xã", "quận"],
  },
  {
    label: "Bộ CHQS",
    pattern: "Bộ\\s+(?:CHQS|[Cc]hỉ\\s+huy\\s+[Qq]uân\\s+sự)",
    levels: ["tỉnh", "thành phố"],
  },
  {
    label: "Ban CHQS",
    pattern: "Ban\\s+(?:CHQS|[Cc]hỉ\\s+huy\\s+[Qq]uân\\s+sự)",
    levels: ["huyện", "thành phố", "thị xã", "quận", "xã", "phường"],
  },
  {
    label: "UBND",
    pattern: "(?:UBND|[UỦ][ỷy]\\s+ban\\s+[Nn]hân\\s+dân)",
    levels: ["tỉnh", "huyện", "thành phố", "thị xã", "quận"],
  },
  {
    label: "Hội đồng Giáo dục Quốc phòng và An ninh",
    pattern: "Hội\\s+đồng\\s+[Gg]iáo\\s+dục\\s+[Qq]uốc\\s+phòng\\s+(?:và|-)\\s+[Aa]n\\s+ninh",
    levels: ["tỉnh", "huyện", "thành phố", "thị xã", "quận"],
  },
  {
    label: "Ban Chỉ huy Phòng thủ khu vực",
    pattern: "Ban\\s+[Cc]hỉ\\s+huy\\s+[Pp]hòng\\s+thủ\\s+khu\\s+vực(?:\\s+\\d+)?",
    levels: [],
  },
  { label: "Bộ Tư lệnh Thủ đô Hà Nội", pattern: "Bộ\\s+Tư\\s+lệnh\\s+Thủ\\s+đô(?:\\s+Hà\\s+Nội)?", levels: [] },
  {
    label: "Bộ Tư lệnh TP Hồ Chí Minh",
    pattern: "Bộ\\s+Tư\\s+lệnh\\s+(?:TP\\.?|[Tt]hành\\s+phố)\\s+Hồ\\s+Chí\\s+Minh",
    levels: [],
  },
  {
    label: "Quân khu",
    pattern: "(?:Bộ\\s+Tư\\s+lệnh\\s+)?Quân\\s+khu\\s+(?:[1-9]|IX|VII|V|IV|III|II|I)(?![\\p{L}\\d])",
    levels: [],
  },
];

const NAME_AFTER = "((?:\\s+\\p{Lu}[\\p{Ll}\\p{M}]*){1,4})?";

export interface UnitMention {
  label: string;
  level?: Level;
  /** The place named after the level word, if any ("Lâm Bình"). */
  place?: string;
  /** Position in the text, to prefer the first of equals. */
  index: number;
}

function normalizeLevel(level: string): Level {
  const lower = level.toLowerCase().replace(/\.$/, "");
  return (lower === "tp" ? "thành phố" : lower) as Level;
}

/** Every unit mention in `text`, in order. `isPlace` decides whether the words after the level are a place name. */
export function findUnits(text: string, isPlace: (name: string) => boolean): UnitMention[] {
  const mentions: UnitMention[] = [];
  for (const kind of KINDS) {
    const pattern = kind.levels.length
      ? new RegExp(`(?<![\\p{L}])${kind.pattern}\\s+(${LEVELS})(?![\\p{L}])${NAME_AFTER}`, "gu")
      : new RegExp(`(?<![\\p{L}])(${kind.pattern})`, "gu");
    for (const match of text.matchAll(pattern)) {
      if (!kind.levels.length) {
        const label = kind.label === "Quân khu" ? `Quân khu ${match[1]!.split(/\s+/u).at(-1)}` : kind.label;
        mentions.push({ label, index: match.index });
        continue;
      }
      const level = normalizeLevel(match[1]!);
      if (!kind.levels.includes(level)) continue;
      // Take the longest run of capitalised words that is a place ("Mù Cang Chải").
      const words = (match[2] ?? "").trim().split(/\s+/u).filter(Boolean);
      let place: string | undefined;
      for (let n = words.length; n > 0; n--) {
        const candidate = words.slice(0, n).join(" ");
        if (isPlace(candidate)) {
          place = candidate;
          break;
        }
      }
      mentions.push({ label: kind.label, level, ...(place && { place }), index: match.index });
    }
  }
  return mentions.sort((a, b) => a.index - b.index);
}

/**
 * The organising unit: the unit kind the article names most (the subject of
 * the lead sentence counts double), written as "<kind> <level> <place>" with
 * the place from the text or, failing that, from the resolved locality.
 */
export function chooseUnit(
  mentions: readonly UnitMention[],
  organiserIndex: number | undefined,
  placeFor: (level: Level) => string | undefined,
): string | undefined {
  const scores = new Map<string, { score: number; first: UnitMention; place?: string }>();
  for (const mention of mentions) {
    // Commune-level units are mentioned in passing ("Ban CHQS các xã"); they are rarely the organiser.
    if (mention.level === "xã" || mention.level === "phường") continue;
    const key = `${mention.label}|${mention.level ?? ""}`;
    const entry = scores.get(key) ?? { score: 0, first: mention };
    entry.score += mention.index === organiserIndex ? 3 : 1;
    if (!entry.place && mention.place) entry.place = mention.place;
    scores.set(key, entry);
  }
  let best: { score: number; first: UnitMention; place?: string } | undefined;
  for (const entry of scores.values()) {
    if (!best || entry.score > best.score || (entry.score === best.score && entry.first.index < best.first.index)) {
      best = entry;
    }
  }
  if (!best) return undefined;
  const { label, level } = best.first;
  if (!level) return label;
  const place = best.place ?? placeFor(level);
  return [label, level, place].filter(Boolean).join(" ");
}
