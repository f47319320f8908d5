// The tagger's decisions from plain feature scoring, with no cache of any kind: the reference the
// tagger's cached and shortcut paths are checked against.
import {
  MAX_TAGGER_FEATURES,
  clauseRoles,
  clauseState,
  refineFeatures,
  taggerFeatures,
  UNKNOWN_TAG,
} from '../../../server/nlp/tagger/features.ts';
import type { Tagger } from '../../../server/nlp/tagger/index.ts';
import { LEX_SURE } from '../../../server/nlp/tagger/tagger-model.ts';
import { WordHashes } from '../../../server/nlp/tagger/word-hashes.ts';
import { markNames } from '../../../server/nlp/tagger/name-matches.ts';

/** Plain per-class argmax as the tagger takes it: first best wins ties; the gap to the runner-up. */
function argmax(scores: Float64Array, n: number): { best: number; gap: number } {
  let best = 0;
  let second = -Infinity;
  for (let c = 1; c < n; c++) {
    if (scores[c] > scores[best]) {
      second = scores[best];
      best = c;
    } else if (scores[c] > second) second = scores[c];
  }
  return { best, gap: n > 1 ? scores[best] - second : Infinity };
}

/**
 * `tables`: whether the word hashes get the model's tag-set values and gazetteer names (a model
 * without them ignores it).
 */
export function plainTags(tagger: Tagger, words: readonly string[], tables = true): number[] {
  const h = new WordHashes();
  h.fill(words);
  if (tables) tagger.annotate(h);
  if (tables && tagger.names) {
    markNames(words, tagger.names, h.names);
    h.nameFeatures = true;
  }
  const n = words.length;
  const lex = new Uint16Array(n);
  const lexv = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    lexv[i] = tagger.lookup(h.exact[i], h.lower[i]);
    lex[i] = lexv[i] < 0 ? UNKNOWN_TAG : lexv[i] & 0xffff;
  }
  const nc = tagger.nClasses;
  const feats = new Uint32Array(MAX_TAGGER_FEATURES);
  const scores = new Float64Array(nc);
  const first = new Uint16Array(n);
  const settled: boolean[] = [];
  const sureGap = tagger.refine ? tagger.refineMargin / tagger.model.scale : Infinity;
  const roles = tagger.clauseVerb ? clauseRoles(tagger.xpos) : null;
  let p1 = -1;
  let p2 = -1;
  let verb = roles ? 0 : -1;
  for (let i = 0; i < n; i++) {
    if (lexv[i] >= 0 && lexv[i] & LEX_SURE) {
      first[i] = lexv[i] & 0xffff;
      settled.push(true);
    } else {
      tagger.model.score(feats, taggerFeatures(h, lex, i, p1, p2, feats, verb), scores);
      const { best, gap } = argmax(scores, nc);
      first[i] = best;
      settled.push(gap >= sureGap);
    }
    p2 = p1;
    p1 = first[i];
    if (roles) verb = clauseState(verb, roles, first[i]);
  }
  if (!tagger.refine) return [...first];
  const out: number[] = [];
  p1 = -1;
  p2 = -1;
  verb = roles ? 0 : -1;
  for (let i = 0; i < n; i++) {
    let tag = first[i];
    if (!settled[i]) {
      tagger.refine.score(feats, refineFeatures(h, lex, first, i, p1, p2, feats, verb), scores);
      tag = argmax(scores, nc).best;
    }
    out.push(tag);
    p2 = p1;
    p1 = tag;
    if (roles) verb = clauseState(verb, roles, tag);
  }
  return out;
}
