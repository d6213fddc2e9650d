/** /admin/fonts/<file>.woff2: the editor's fonts, from the Fontsource npm packages (OFL-1.1). */
import type { APIRoute, GetStaticPaths } from "astro";
import { cmsFont, cmsFonts } from "../../../editor/cms-assets.ts";

export const getStaticPaths = (() =>
  Object.keys(cmsFonts).map((font) => ({ params: { font } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(new Uint8Array(cmsFont(String(params.font))), { headers: { "content-type": "font/woff2" } });
