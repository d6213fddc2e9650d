/** /admin/cms@<version>/locales/<locale>.json: the editor's translations, where its script looks for them. */
import type { APIRoute, GetStaticPaths } from "astro";
import { cmsLocales, cmsVersion } from "../../../../editor/cms-assets.ts";

export const getStaticPaths = (() =>
  Object.entries(cmsLocales()).map(([locale, text]) => ({
    params: { cms: `cms@${cmsVersion}`, locale },
    props: { text },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { text: string }).text, { headers: { "content-type": "application/json" } });
