/** /admin/config.yml: the browser editor's configuration, generated from the article schema. */
import type { APIRoute } from "astro";
import { stringify } from "yaml";
import { cmsConfig } from "../../editor/cms-config.ts";
import { site } from "../../site.ts";

export const GET: APIRoute = () =>
  new Response(
    stringify(
      cmsConfig({ repo: site.cms.repo, branch: site.cms.branch, siteUrl: site.url, contentDir: "content/articles" }),
      { lineWidth: 0 },
    ),
    { headers: { "content-type": "application/yaml; charset=utf-8" } },
  );
