/** Worker thread of the article loader: reads, renders and caches its share of the changed articles. */
import path from "node:path";
import { answerShare } from "../lib/worker-shares.ts";
import { readArticles, type ArticleSource } from "./article-loader.ts";

await answerShare((sources: ArticleSource[], { folder, root }: { folder: string; root: string }) =>
  readArticles(sources, folder, (file) => path.relative(root, file).split(path.sep).join("/")),
);
