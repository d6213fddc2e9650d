import type { APIRoute } from "astro";
import { allArticles } from "../lib/articles.ts";
import { feed } from "../lib/feed.ts";
import { site } from "../site.ts";

export const GET: APIRoute = async (context) => feed(site.name, await allArticles(), context.site);
