/** Worker thread of the article loader: reads, renders and caches its share of the changed articles. */
import { answerShare } from "../lib/worker-shares.ts";
import { readArticles, type ArticleSource } from "./article-loader.ts";

await answerShare((sources: ArticleSource[], { folder }: { folder: string }) => readArticles(sources, folder));
