import { defineCollection } from "astro:content";
import { articleSchema } from "./domain/article.ts";
import { articleLoader } from "./markdown/article-loader.ts";
import { site } from "./site.ts";

const articles = defineCollection({
  loader: articleLoader({ base: site.contentDir }),
  schema: articleSchema,
});

export const collections = { articles };
