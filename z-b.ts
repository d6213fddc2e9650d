import { serveStatic } from "./tests/helpers/serve.ts";
import { launchChromium } from "./tests/helpers/browser.ts";
const site = await serveStatic(process.argv[2]!);
const browser = await launchChromium();
const page = await browser.newPage();
const byKind = new Map<string, number>();
page.on("requestfinished", async (req) => {
  if (!req.url().includes("/pagefind/")) return;
  const size = (await req.sizes()).responseBodySize;
  const u = new URL(req.url()).pathname.replace(/^\/pagefind\//, "");
  const kind = u
    .replace(/^[^/]*\//, (m) => (/^\d/.test(m) ? "SHARD/" : m))
    .replace(/_[0-9a-f]+\./, "_*.")
    .replace(/\?.*/, "");
  byKind.set(kind, (byKind.get(kind) ?? 0) + size);
});
await page.goto(site.url + "tim-kiem/");
await page.waitForLoadState("networkidle");
await page.fill("#q", process.argv[3] ?? "hội nghị");
await page.keyboard.press("Enter");
await page.waitForFunction(() => /^\d/.test(document.getElementById("search-status")?.textContent ?? ""), null, {
  timeout: 30000,
});
await page.waitForLoadState("networkidle");
console.log(
  [...byKind]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${(v / 1024).toFixed(1)} KB ${k}`)
    .join("\n"),
);
console.log("total", ([...byKind.values()].reduce((a, b) => a + b, 0) / 1024).toFixed(0), "KB");
await browser.close();
await site.close();
