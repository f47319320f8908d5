// The parser skips scoring at steps with a single legal action: on random transition sequences
// the forced action is exactly the only legal one (and what the scores would choose anyway), and
// the committed parser gives the same trees as a loop that scores every step; the best legal action
// read from integer sums is the one read from the same scores as doubles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../server/nlp/learn/index.ts';
import {
  MAX_PARSER_FEATURES,
  ParserTokens,
  parserFeatures,
} from '../../server/nlp/parser/features.ts';
import { loadParser } from '../../server/nlp/parser/index.ts';
import { bestLegal, fillTokens, type Parser } from '../../server/nlp/parser/parser-model.ts';
import { ParseState, forcedAction } from '../../server/nlp/parser/transitions.ts';
import { loadTagger } from '../../server/nlp/tagger/index.ts';

const MODELS = path.join(import.meta.dirname, '../../graph-data/models');

describe('forced actions', () => {
  it('are the only legal action, chosen whatever the scores; other steps have a choice', () => {
    const nLabels = 6;
    const rootLabel = 2;
    const nActions = 1 + 2 * nLabels;
    const rng = new Rng(5);
    const scores = new Float64Array(nActions);
    let forced = 0;
    let free = 0;
    for (let t = 0; t < 300; t++) {
      const st = new ParseState(nLabels, rootLabel);
      st.reset(1 + rng.int(12));
      while (!st.isTerminal()) {
        const legal: number[] = [];
        for (let a = 0; a < nActions; a++) if (st.isLegal(a)) legal.push(a);
        const f = forcedAction(st);
        if (f >= 0) {
          forced++;
          expect(legal).toEqual([f]);
          for (let k = 0; k < 5; k++) {
            for (let a = 0; a < nActions; a++) scores[a] = (rng.next() - 0.5) * 1e6;
            expect(bestLegal(st, scores)).toBe(f);
          }
        } else {
          free++;
          expect(legal.length).toBeGreaterThan(1);
        }
        st.apply(legal[rng.int(legal.length)]);
      }
    }
    expect(forced).toBeGreaterThan(300);
    expect(free).toBeGreaterThan(300);
  });

  it('choose the same action from integer sums as from the same scores as doubles', () => {
    const nLabels = 5;
    const nActions = 1 + 2 * nLabels;
    const rng = new Rng(9);
    const ints = new Int32Array(nActions);
    const doubles = new Float64Array(nActions);
    const chosen = new Set<number>();
    for (let t = 0; t < 200; t++) {
      const st = new ParseState(nLabels, 1);
      st.reset(1 + rng.int(10));
      while (!st.isTerminal()) {
        // Few distinct values, so ties (lowest action wins) are frequent.
        for (let a = 0; a < nActions; a++) doubles[a] = ints[a] = rng.int(7) - 3;
        const action = bestLegal(st, ints);
        expect(action).toBe(bestLegal(st, doubles));
        expect(st.isLegal(action)).toBe(true);
        chosen.add(action);
        st.apply(action);
      }
    }
    expect(chosen.size).toBeGreaterThan(nActions / 2);
  });
});

/** Parses with every step scored (no forced actions): the reference for the parser's loop. */
function parseScoringEveryStep(
  parser: Parser,
  words: string[],
  upos: string[],
  xpos: string[],
): { heads: number[]; labels: number[] } {
  const n = words.length;
  const tokens = new ParserTokens();
  const xposIds = xpos.map((t) => {
    const i = parser.xposTags.indexOf(t);
    return i < 0 ? 0xfff0 : i;
  });
  const uposIds = upos.map((t) => {
    const i = parser.uposTags.indexOf(t);
    return i < 0 ? 0xfff0 : i;
  });
  fillTokens(tokens, words, xposIds, uposIds, parser.clusterIndex);
  const st = new ParseState(parser.labels.length, parser.labels.indexOf('root'));
  st.reset(n);
  const feats = new Uint32Array(MAX_PARSER_FEATURES);
  const scores = new Float64Array(parser.model.nClasses);
  while (!st.isTerminal()) {
    const k = parserFeatures(st, tokens, feats);
    parser.model.score(feats, k, scores);
    st.apply(bestLegal(st, scores));
  }
  return {
    heads: Array.from(st.heads.subarray(0, n)),
    labels: Array.from(st.labels.subarray(0, n)),
  };
}

describe('committed parser with forced actions', () => {
  const tagger = loadTagger(path.join(MODELS, 'tagger.bin'));
  const parser = loadParser(path.join(MODELS, 'parser.bin'));
  const sentences = [
    'Chile and Peru signed a fishing accord in Lima on Tuesday .',
    'The envoy , who arrived from Nairobi late , said talks with the rebels had stalled .',
    'Mongolia was urged by donors to publish the mining contracts .',
    'Protesters in Dhaka demanded that the minister resign .',
    'Yes .',
    'Officials in Canberra denied it , but Jakarta insisted the boats had been turned back to sea .',
    'Norway , Iceland and the Faroe Islands failed to agree on mackerel quotas for next year .',
  ];

  it('gives the same heads and labels as scoring every step', () => {
    for (const sentence of sentences) {
      const words = sentence.split(' ');
      const tags = tagger.tag(words);
      const expected = parseScoringEveryStep(parser, words, tags.upos, tags.xpos);
      const got = parser.parseIds(words, tags.upos, tags.xpos);
      expect({
        heads: Array.from(got.heads.subarray(0, words.length)),
        labels: Array.from(got.labels.subarray(0, words.length)),
      }).toEqual(expected);
    }
  });
});
