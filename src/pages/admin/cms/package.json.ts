/** /admin/cms/package.json: what the editor's update check reads; the installed version, so it never nags. */
import type { APIRoute } from "astro";
import { cmsVersion } from "../../../editor/cms-assets.ts";

export const GET: APIRoute = () =>
  new Response(JSON.stringify({ name: "@sveltia/cms", version: cmsVersion }), {
    headers: { "content-type": "application/json" },
  });
