import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { articleSchema } from "./domain/article.ts";
import { nfc } from "./domain/text.ts";
import { site } from "./site.ts";

const articles = defineCollection({
  loader: glob({
    pattern: "**/*.md",
    base: site.contentDir,
    // Keep the path as written ("2023/11/<slug>"): the build checks it and
    // names a bad file name instead of silently slugifying it.
    generateId: ({ entry }) => nfc(entry.replace(/\.md$/, "")),
  }),
  schema: articleSchema,
});

export const collections = { articles };
