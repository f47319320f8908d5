// The WebAssembly scorer of compact models against plain sums over the stored entries: random
// small models of many class counts (inline rows, packed rows longer than the inline width, dense
// rows, every class split), feature lists with absent and colliding keys, lists longer than one
// call's input, sums added onto a slice of a bigger array; the same sums after a save/load round
// trip; and the committed tagger and parser give the same tags and trees as loops that score
// every step with a plain sum over the model's stored arrays.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ClassPart,
  CompactModel,
  INPUT_CAPACITY,
  Rng,
  VALUE_CAPACITY,
  featPrefix,
  featWith1,
  featWith2,
  featWith3,
  featWith4,
  loadModel,
  saveModel,
  type AnyTypedArray,
} from '../../server/nlp/learn/index.ts';
import { ParserTokens, parserFeatures } from '../../server/nlp/parser/features.ts';
import { loadParser } from '../../server/nlp/parser/index.ts';
import { bestLegal, fillTokens } from '../../server/nlp/parser/parser-model.ts';
import { ParseState, forcedAction } from '../../server/nlp/parser/transitions.ts';
import { loadTagger } from '../../server/nlp/tagger/index.ts';
import { randomCompactModel, randomFeatureList } from './helpers/compact-models.ts';

const MODELS = path.join(import.meta.dirname, '../../graph-data/models');

/** A plain sum over a model's stored arrays (its save form, keys sorted), feature by feature. */
function plainScorer(model: CompactModel): (feats: ArrayLike<number>, n: number) => Int32Array {
  const { arrays } = model.toParts('m.');
  const keys = arrays['m.keys'] as Uint32Array;
  const counts: AnyTypedArray = arrays['m.counts'];
  const classes: AnyTypedArray = arrays['m.classes'];
  const weights = arrays['m.weights'] as Int16Array;
  const start = new Uint32Array(keys.length + 1);
  for (let f = 0; f < keys.length; f++) start[f + 1] = start[f] + counts[f];
  return (feats, n) => {
    const out = new Int32Array(model.nClasses);
    for (let i = 0; i < n; i++) {
      const f = sortedIndexOf(keys, feats[i]);
      if (f >= 0) for (let e = start[f]; e < start[f + 1]; e++) out[classes[e]] += weights[e];
    }
    return out;
  };
}

function sortedIndexOf(keys: Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] === key) return mid;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Distinct keys, many sharing their low bits so that probes walk runs of occupied slots. */
function collidingKeys(rng: Rng, count: number): Uint32Array {
  const chosen = new Set<number>();
  while (chosen.size < count)
    chosen.add(((Math.floor(rng.next() * 0x10000) << 16) | rng.int(48)) >>> 0);
  return Uint32Array.from(chosen).sort();
}

/** Known keys (some repeated), absent keys with colliding low bits, and random ones. */
function featureList(rng: Rng, keys: Uint32Array, length: number): Uint32Array {
  return randomFeatureList(rng, keys, length, 48);
}

describe('WebAssembly scorer', () => {
  it('sums like a plain loop for every class count, row length and class split', () => {
    const rng = new Rng(31);
    for (const nClasses of [3, 5, 8, 9, 16, 17, 33, 64, 103]) {
      const keys = collidingKeys(rng, 400);
      // Row lengths from one entry to every class: inline, packed and dense rows all occur.
      const { model, reference } = randomCompactModel(
        rng,
        keys,
        nClasses,
        (f) => 1 + (f % nClasses),
        32767,
        1,
      );
      for (const split of [nClasses, 0, 1, 7, 8, 9, 16, Math.floor(nClasses / 2)]) {
        if (split > nClasses) continue;
        model.splitClasses(split);
        for (let t = 0; t < 20; t++) {
          const feats = featureList(rng, keys, 1 + rng.int(150));
          const want = reference(feats, feats.length);
          model.input.set(feats);
          expect(Array.from(model.scoreInput(feats.length))).toEqual(want);
          const below = Array.from(model.scoreInput(feats.length, ClassPart.below));
          expect(below.slice(0, split)).toEqual(want.slice(0, split));
          const from = Array.from(model.scoreInput(feats.length, ClassPart.from));
          expect(from.slice(split)).toEqual(want.slice(split));
        }
      }
    }
  });

  it('takes lists longer than its input in parts and adds onto a slice of a bigger array', () => {
    const rng = new Rng(5);
    const nClasses = 40;
    const keys = collidingKeys(rng, 300);
    const { model, reference } = randomCompactModel(
      rng,
      keys,
      nClasses,
      (f) => 1 + (f % 40),
      900,
      1,
    );
    const feats = featureList(rng, keys, 2 * INPUT_CAPACITY + 77);
    const big = new Int32Array(3 * nClasses).fill(5);
    model.addScores(feats, feats.length, big.subarray(nClasses, 2 * nClasses));
    const want = reference(feats, feats.length).map((x) => x + 5);
    expect(Array.from(big.subarray(nClasses, 2 * nClasses))).toEqual(want);
    // The rest of the array is untouched.
    expect(Array.from(big.subarray(0, nClasses)).every((x) => x === 5)).toBe(true);
    expect(Array.from(big.subarray(2 * nClasses)).every((x) => x === 5)).toBe(true);
    const out = new Float64Array(nClasses);
    model.score(feats, feats.length, out);
    expect(Array.from(out)).toEqual(reference(feats, feats.length));
    expect(() => model.scoreInput(INPUT_CAPACITY + 1)).toThrow(/too many/);
  });

  it('hashes templates from values as featWith1..4 do, then sums those ids', () => {
    const rng = new Rng(44);
    const nClasses = 103;
    const keys = collidingKeys(rng, 600);
    const { model, reference } = randomCompactModel(
      rng,
      keys,
      nClasses,
      (f) => 1 + (f % nClasses),
      32767,
      1,
    );
    model.splitClasses(40);
    const featWith = [featWith1, featWith2, featWith3, featWith4] as const;
    const values = model.values;
    for (let t = 0; t < 30; t++) {
      // Random templates at random distinct positions; the other positions hold ids written
      // directly (known keys among them).
      const n = 20 + rng.int(200);
      const positions = rng.shuffle(Array.from({ length: n }, (_, i) => i));
      let next = 0;
      const groups = [1, 2, 3, 4].map((arity) => {
        const count = Math.min(rng.int(25), n - next);
        const pos = positions.slice(next, next + count);
        next += count;
        return {
          prefix: pos.map(() => featPrefix(rng.int(400))),
          pos,
          values: Array.from({ length: arity * count }, () => rng.int(VALUE_CAPACITY)),
        };
      });
      model.setTemplates(groups);
      // Values of every sign, some equal to stored keys so that hashed ids vary.
      for (let v = 0; v < VALUE_CAPACITY; v++)
        values[v] =
          rng.next() < 0.2 ? keys[rng.int(keys.length)] : rng.int(0x7fffffff) - 0x3fffffff;
      const direct = featureList(rng, keys, n);
      model.input.set(direct);
      const want = Uint32Array.from(direct);
      groups.forEach((g, k) => {
        for (let j = 0; j < g.pos.length; j++) {
          const args = g.values.slice((k + 1) * j, (k + 1) * (j + 1)).map((v) => values[v]);
          want[g.pos[j]] = (featWith[k] as (...a: number[]) => number)(g.prefix[j], ...args);
        }
      });
      const part = ([ClassPart.all, ClassPart.below, ClassPart.from] as const)[t % 3];
      const sums = Array.from(model.scoreTemplates(n, part));
      expect(Array.from(model.input.subarray(0, n))).toEqual(Array.from(want));
      const plain = reference(want, n);
      const [lo, hi] =
        part === ClassPart.below
          ? [0, 40]
          : part === ClassPart.from
            ? [40, nClasses]
            : [0, nClasses];
      expect(sums.slice(lo, hi)).toEqual(plain.slice(lo, hi));
    }
    expect(() =>
      model.setTemplates([
        { prefix: [1], pos: [0], values: [VALUE_CAPACITY] },
        ...[2, 3, 4].map(() => ({ prefix: [], pos: [], values: [] })),
      ]),
    ).toThrow(/template value/);
  });

  it('gives the same sums after a save/load round trip', () => {
    const rng = new Rng(12);
    const keys = collidingKeys(rng, 500);
    const { model, reference } = randomCompactModel(rng, keys, 61, (f) => 1 + (f % 61), 32767, 0.5);
    const again = loadModel(saveModel(model, { kind: 'test' })).model;
    expect(again.scale).toBe(0.5);
    for (let t = 0; t < 30; t++) {
      const feats = featureList(rng, keys, 120);
      const out = new Float64Array(61);
      again.score(feats, feats.length, out);
      expect(Array.from(out)).toEqual(reference(feats, feats.length));
    }
  });
});

describe('committed models on the WebAssembly scorer', () => {
  const tagger = loadTagger(path.join(MODELS, 'tagger.bin'));
  const parser = loadParser(path.join(MODELS, 'parser.bin'));
  const plain = plainScorer(parser.model);
  const sentences = [
    'Ghana and Togo agreed on Friday to reopen their shared border .',
    'The ambassador was summoned by Warsaw after the drone crossed into Polish airspace .',
    'Farmers near Lahore blocked the highway , demanding higher prices for wheat .',
    'Canada expelled two diplomats whom it accused of spying on Sikh activists .',
    'The council , which meets in Addis Ababa , asked Sudan to open the corridor .',
    'Ecuador said it would not extradite the former president .',
  ];

  it('scores real feature lists as a plain sum over the stored weights does', () => {
    const tokens = new ParserTokens();
    const st = new ParseState(parser.labels.length, parser.labels.indexOf('root'));
    let steps = 0;
    for (const sentence of sentences) {
      const words = sentence.split(' ');
      const tags = tagger.tag(words);
      const xposIds = tags.xpos.map((t) => parser.xposTags.indexOf(t));
      const uposIds = tags.upos.map((t) => parser.uposTags.indexOf(t));
      fillTokens(tokens, words, xposIds, uposIds, parser.clusterIndex);
      st.reset(words.length);
      const feats = new Uint32Array(parser.model.input.length);
      while (!st.isTerminal()) {
        let action = forcedAction(st);
        if (action < 0) {
          const k = parserFeatures(st, tokens, feats);
          const want = plain(feats, k);
          parser.model.input.set(feats.subarray(0, k));
          expect(Array.from(parser.model.scoreInput(k))).toEqual(Array.from(want));
          action = bestLegal(st, want);
          steps++;
        }
        st.apply(action);
      }
    }
    expect(steps).toBeGreaterThan(50);
  });

  it('parses its sentences as a loop scoring with the plain sum does', () => {
    for (const sentence of sentences) {
      const words = sentence.split(' ');
      const tags = tagger.tag(words);
      const tokens = new ParserTokens();
      fillTokens(
        tokens,
        words,
        tags.xpos.map((t) => parser.xposTags.indexOf(t)),
        tags.upos.map((t) => parser.uposTags.indexOf(t)),
        parser.clusterIndex,
      );
      const st = new ParseState(parser.labels.length, parser.labels.indexOf('root'));
      st.reset(words.length);
      const feats = new Uint32Array(parser.model.input.length);
      while (!st.isTerminal())
        st.apply(bestLegal(st, plain(feats, parserFeatures(st, tokens, feats))));
      const got = parser.parse(words, tags.upos, tags.xpos);
      const n = words.length;
      expect(got.heads).toEqual(Array.from(st.heads.subarray(0, n), (h) => (h === n ? -1 : h)));
      expect(got.deprels).toEqual(Array.from(st.labels.subarray(0, n), (l) => parser.labels[l]));
    }
    const words = sentences[1].split(' ');
    const tags = tagger.tag(words);
    const tree = parser.parse(words, tags.upos, tags.xpos);
    const arc = (w: string): string =>
      `${tree.deprels[words.indexOf(w)]} ${words[tree.heads[words.indexOf(w)]]}`;
    expect(arc('ambassador')).toBe('nsubj:pass summoned');
    expect(arc('Warsaw')).toBe('obl:agent summoned');
  });

  it('scores the tagger model as a plain sum over its stored weights does', () => {
    const model = tagger.model;
    const plainTagger = plainScorer(model);
    const rng = new Rng(77);
    const { arrays } = model.toParts('t.');
    const all = arrays['t.keys'] as Uint32Array;
    const keys = Uint32Array.from({ length: 500 }, () => all[rng.int(all.length)]);
    for (let t = 0; t < 40; t++) {
      const feats = featureList(rng, keys, 60);
      const out = new Float64Array(model.nClasses);
      model.score(feats, feats.length, out);
      expect(Array.from(out)).toEqual(Array.from(plainTagger(feats, feats.length)));
    }
  });
});
