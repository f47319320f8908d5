// Public face of the API client: the typed fetch client, token handling, the document cache and
// the response shapes.
export {
  createApiClient,
  attachmentName,
  queryString,
  ApiRequestError,
  type ApiClient,
  type ApiClientOptions,
} from './client.ts';
export {
  storedToken,
  TOKEN_KEY,
  type AuthConfig,
  type TokenReason,
  type TokenSource,
} from './auth.ts';
export {
  createDocumentCache,
  sentenceAround,
  SENTENCE_FETCHES,
  type DocumentCache,
  type SentenceText,
  type Span,
} from './document-cache.ts';
export { keepReads, KEPT_READS, type KeptReads } from './kept-reads.ts';
export type * from './types.ts';
