// Public face of the name finder: finds person, organization, place and other names in a tagged
// sentence with a trained sequence labeller (BILOU classes, Viterbi over averaged-perceptron
// scores), using the project's gazetteer as a feature so that known names are found more surely
// while unknown ones are still found from their form and context.
//
//   const lexicon = loadNameLexicon('graph-data/gazetteer');
//   const names = findNames(tokens, lexicon); // NameSpan[] over one sentence's tokens
//   const perSentence = findNamesInDocument(sentences, lexicon); // NameSpan[][], labels made
//                                                                // consistent across the article
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NameSpan } from '../types.ts';
import type { NameToken } from './features.ts';
import type { NameLexicon } from './lexicon.ts';
import { NameFinder } from './name-finder.ts';

export {
  NameFinder,
  NAME_MODEL_KIND,
  NAME_MODEL_VERSION,
  type ScoredDocument,
  type ScoredSpan,
} from './name-finder.ts';
export { addLoneSurnames } from './lone-surnames.ts';
export { gazetteerSplits } from './gazetteer-split.ts';
export { leftOutGivenName, personStart } from './given-names.ts';
export { joinHyphenated } from './hyphen-names.ts';
export { knownLabel, knownNames } from './known-names.ts';
export { consistentLabels, type ConsistencyThresholds } from './document.ts';
export {
  DEFAULT_GAZETTEER,
  NameLexicon,
  buildNameLexicon,
  loadNameLexicon,
  matchLexicon,
  lexiconKey,
  type GazetteerData,
  type LexiconEntry,
  type LexiconKind,
  type LexiconMatch,
} from './lexicon.ts';
export {
  NAME_LABELS,
  CLASS_COUNT,
  encodeBilou,
  decodeBilou,
  className,
  type LabelledSpan,
} from './bilou.ts';
export { wordShape, shortShape, type NameToken } from './features.ts';

/** Where the committed model lives. */
export const DEFAULT_NAME_MODEL = path.join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'graph-data',
  'models',
  'names.bin',
);

/** Reads a name-finder model file. */
export function loadNameFinder(file: string = DEFAULT_NAME_MODEL): NameFinder {
  return NameFinder.fromBuffer(readFileSync(file));
}

let defaultFinder: NameFinder | undefined;

/** The committed model, loaded once on first use; throws when the file is missing. */
export function defaultNameFinder(): NameFinder {
  if (!defaultFinder) {
    if (!existsSync(DEFAULT_NAME_MODEL))
      throw new Error(`names: no model at ${DEFAULT_NAME_MODEL} (run npm run train)`);
    defaultFinder = loadNameFinder(DEFAULT_NAME_MODEL);
  }
  return defaultFinder;
}

/**
 * Names in one sentence: tokens carry text, offsets and upos/xpos tags; `lexicon` is the
 * gazetteer's name lexicon (an empty `new NameLexicon()` works too). Uses the committed model
 * unless another finder is given.
 */
export function findNames(
  tokens: readonly NameToken[],
  lexicon: NameLexicon,
  finder: NameFinder = defaultNameFinder(),
): NameSpan[] {
  return finder.findNames(tokens, lexicon);
}

/**
 * Names in every sentence of one document, with labels made consistent across it (see
 * {@link NameFinder.findNamesInDocument}); `sentences` are token lists as for {@link findNames}.
 */
export function findNamesInDocument(
  sentences: readonly (readonly NameToken[])[],
  lexicon: NameLexicon,
  finder: NameFinder = defaultNameFinder(),
): NameSpan[][] {
  return finder.findNamesInDocument(sentences, lexicon);
}
