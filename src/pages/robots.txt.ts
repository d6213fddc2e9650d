import type { APIRoute } from "astro";
import { withBase } from "../lib/urls.ts";

/** Everything may be crawled but the search page and the editor; the sitemap says what there is. */
export const GET: APIRoute = ({ site }) =>
  new Response(
    [
      "User-agent: *",
      `Disallow: ${withBase("tim-kiem/")}`,
      `Disallow: ${withBase("admin/")}`,
      `Sitemap: ${new URL(withBase("sitemap-index.xml"), site).href}`,
      "",
    ].join("\n"),
    { headers: { "content-type": "text/plain; charset=utf-8" } },
  );
