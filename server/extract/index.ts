// Public face of the extractor: one article in, the stancegraph/extraction@1 JSON out.
export { extractArticle, sentencesOf, EXTRACTOR_VERSION } from './pipeline.ts';
export { documentId, contentHash } from '../model/index.ts';
export type { ArticleInput } from './types.ts';
export { knownActor, officesForRoleWord } from './gazetteer.ts';
export {
  isGenericBodyName,
  resolveActorName,
  resolveCountry,
  type ResolvedName,
} from './resolve-name.ts';
export { slugify } from './names.ts';
