// Public face of the extractor: one article in, the stancegraph/extraction@1 JSON out.
export { extractArticle, sentencesOf, EXTRACTOR_VERSION } from './pipeline.ts';
export { documentId, contentHash } from '../model/index.ts';
export type { ArticleInput } from './types.ts';
