/** A valid article file, with fields replaced or added, for fixtures written on the fly. */
export function articleText(
  fields: Record<string, string> = {},
  body = "Sáng 23/11/2023, hội nghị đã diễn ra.\n",
): string {
  const base: Record<string, string> = {
    title: "Hội nghị tổng kết công tác quân sự",
    date: "2023-11-23",
    locality: "\n  province: Yên Bái\n  district: Mù Cang Chải",
    ...fields,
  };
  const lines = Object.entries(base)
    .filter(([, value]) => value !== "")
    .map(([key, value]) => `${key}:${value.startsWith("\n") ? "" : " "}${value}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}`;
}
