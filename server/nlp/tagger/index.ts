// Public face of the part-of-speech tagger: load a trained model (graph-data/models/tagger.bin)
// and tag sentences given as arrays of token strings with UPOS and Penn Treebank (XPOS) tags.
//
//   const tagger = loadTagger('graph-data/models/tagger.bin');
//   const { upos, xpos } = tagger.tag(['Ghana', 'released', 'the', 'crew', '.']);
//
// `tagIds` returns class ids in a reused buffer for callers (the parser) that avoid strings.
import { Tagger } from './tagger-model.ts';

export { Tagger, type TagResult } from './tagger-model.ts';
export { trainTagger, type TaggedSentence, type TaggerTrainOptions } from './learn-tagger.ts';

/** Loads a tagger model from a file path. */
export function loadTagger(file: string): Tagger {
  return Tagger.load(file);
}

/** Loads a tagger model from bytes. */
export function taggerFromBuffer(data: Uint8Array): Tagger {
  return Tagger.fromBuffer(data);
}
