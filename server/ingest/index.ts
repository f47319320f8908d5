// Public face of ingest: article files in, extractions stored and added to the graph.
export { parseArticle, loadArticleFile } from './article-file.ts';
export { ArticleError, ARTICLE_ERROR_CODES, type ArticleErrorCode } from './article-error.ts';
export { MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARS, checkArticleText } from './article-checks.ts';
export { normalisePublished } from './published-date.ts';
export { checkArticleUrl, urlProblem } from './article-url.ts';
export {
  ARTICLE_EXTENSIONS,
  collectArticleFiles,
  ingestArticle,
  ingestPaths,
  type IngestDeps,
  type IngestError,
  type IngestOptions,
  type IngestResult,
  type IngestSummary,
} from './ingest.ts';
export * from './import/index.ts';
