/** /admin/sveltia-cms.js: the browser editor, installed from npm and served from this site (see cms-assets.ts). */
import type { APIRoute } from "astro";
import { cmsScript } from "../../editor/cms-assets.ts";
import { withBase } from "../../lib/urls.ts";

export const GET: APIRoute = () =>
  new Response(cmsScript(withBase("admin/")), { headers: { "content-type": "text/javascript; charset=utf-8" } });
