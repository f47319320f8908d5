// Public face of the extractor: one article in, the stancegraph/extraction@1 JSON out.
export {
  extractArticle,
  documentId,
  contentHash,
  sentencesOf,
  EXTRACTOR_VERSION,
} from './pipeline.ts';
export type { ArticleInput } from './types.ts';
