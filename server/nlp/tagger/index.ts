// Public face of the part-of-speech tagger: load a trained model (graph-data/models/tagger.bin)
// and tag sentences given as arrays of token strings with UPOS and Penn Treebank (XPOS) tags.
//
//   const tagger = loadTagger('graph-data/models/tagger.bin');
//   const { upos, xpos } = tagger.tag(['Ghana', 'released', 'the', 'crew', '.']);
//
// `tagIds` returns class ids in a reused buffer for callers (the parser) that avoid strings.
import type { NameLexicon } from '../names/lexicon.ts';
import { Tagger } from './tagger-model.ts';

export { Tagger, type TagResult } from './tagger-model.ts';
export { trainTagger, type TaggedSentence, type TaggerTrainOptions } from './learn-tagger.ts';

/**
 * Loads a tagger model from a file path; a model trained with gazetteer features reads `names`
 * (default: the project's gazetteer).
 */
export function loadTagger(file: string, names?: NameLexicon): Tagger {
  return Tagger.load(file, names);
}

/** Loads a tagger model from bytes. */
export function taggerFromBuffer(data: Uint8Array): Tagger {
  return Tagger.fromBuffer(data);
}
