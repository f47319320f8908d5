// Beam search over arc-hybrid transitions and its global training: a beam of width 1 takes the
// greedy parser's actions (on the committed model and on random scores); each hypothesis's score is
// the sum of the scores of its own actions; a beam wide enough to keep every hypothesis finds the
// best-scoring transition sequence; the gold flag marks exactly the hypotheses that build the gold
// tree, and a scorer that penalizes losing a gold arc reaches it; a beam-trained parser reproduces a
// tiny treebank and saves its width with the model.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../server/nlp/learn/index.ts';
import { BeamSearch, legalLogSoftmax, type GoldTree } from '../../server/nlp/parser/beam-search.ts';
import { Parser, isProjective, loadParser, trainParser } from '../../server/nlp/parser/index.ts';
import { bestLegal } from '../../server/nlp/parser/parser-model.ts';
import { ParseState, forcedAction } from '../../server/nlp/parser/transitions.ts';
import { loadTagger } from '../../server/nlp/tagger/index.ts';
import { readTrees } from '../../server/nlp/train/treebank-files.ts';

const MODELS = path.join(import.meta.dirname, '../../graph-data/models');
const N_LABELS = 3;
const ROOT = 1;
const N_ACTIONS = 1 + 2 * N_LABELS;

/** A scorer whose scores depend only on the state (stack, buffer front, arcs) and a seed. */
function stateScorer(seed: number): (st: ParseState) => Float64Array {
  const out = new Float64Array(N_ACTIONS);
  return (st) => {
    let h = seed;
    const mix = (x: number): void => {
      h = Math.imul(h ^ (x + 0x9e37), 0x85ebca6b) >>> 0;
    };
    mix(st.b);
    for (let i = 0; i < st.sp; i++) mix(st.stack[i]);
    for (let i = 0; i < st.n; i++) mix(st.heads[i] * 7 + st.labels[i]);
    for (let a = 0; a < N_ACTIONS; a++) {
      mix(a);
      out[a] = (h % 1000) / 10 - 50;
    }
    return out;
  };
}

/** Every transition sequence with its summed score (forced steps add nothing), by brute force. */
function allSequences(
  n: number,
  scorer: (st: ParseState) => Float64Array,
): { score: number; heads: number[]; labels: number[] }[] {
  const done: { score: number; heads: number[]; labels: number[] }[] = [];
  const walk = (prefix: number[], score: number): void => {
    const st = new ParseState(N_LABELS, ROOT);
    st.reset(n);
    for (const a of prefix) st.apply(a);
    if (st.isTerminal()) {
      done.push({
        score,
        heads: Array.from(st.heads.subarray(0, n)),
        labels: Array.from(st.labels.subarray(0, n)),
      });
      return;
    }
    const forced = forcedAction(st);
    if (forced >= 0) return walk([...prefix, forced], score);
    const s = Float64Array.from(scorer(st));
    for (let a = 0; a < N_ACTIONS; a++) if (st.isLegal(a)) walk([...prefix, a], score + s[a]);
  };
  walk([], 0);
  return done;
}

/** A random projective tree over n words (root = n) with random labels, `root` on the root arc. */
function randomGold(rng: Rng, n: number): GoldTree {
  // Built by a random legal transition sequence, which only ever makes projective trees.
  const st = new ParseState(N_LABELS, ROOT);
  st.reset(n);
  while (!st.isTerminal()) {
    const legal: number[] = [];
    for (let a = 0; a < N_ACTIONS; a++) if (st.isLegal(a)) legal.push(a);
    st.apply(legal[rng.int(legal.length)]);
  }
  return { heads: st.heads.slice(0, n + 1), labels: st.labels.slice(0, n + 1) };
}

describe('beam search', () => {
  it('of width 1 takes the greedy actions on random scores', () => {
    const rng = new Rng(3);
    for (let t = 0; t < 200; t++) {
      const n = 1 + rng.int(10);
      const scorer = stateScorer(t);
      const beam = new BeamSearch(N_LABELS, ROOT, 1);
      beam.reset(n);
      while (!beam.isDone()) beam.advance(scorer);
      const st = new ParseState(N_LABELS, ROOT);
      st.reset(n);
      while (!st.isTerminal()) {
        const f = forcedAction(st);
        st.apply(f >= 0 ? f : bestLegal(st, scorer(st)));
      }
      expect(Array.from(beam.states[0].heads.subarray(0, n))).toEqual(
        Array.from(st.heads.subarray(0, n)),
      );
      expect(Array.from(beam.states[0].labels.subarray(0, n))).toEqual(
        Array.from(st.labels.subarray(0, n)),
      );
    }
  });

  it('scores each hypothesis by its own actions, keeps them best first and all finish together', () => {
    const rng = new Rng(11);
    for (let t = 0; t < 60; t++) {
      const n = 2 + rng.int(9);
      const scorer = stateScorer(100 + t);
      const beam = new BeamSearch(N_LABELS, ROOT, 1 + rng.int(6));
      beam.reset(n);
      while (!beam.isDone()) beam.advance(scorer);
      expect(beam.steps).toBe(2 * n);
      for (let i = 0; i < beam.count; i++) {
        expect(beam.states[i].isTerminal()).toBe(true);
        if (i > 0) expect(beam.scores[i]).toBeLessThanOrEqual(beam.scores[i - 1]);
        const st = new ParseState(N_LABELS, ROOT);
        st.reset(n);
        let score = 0;
        for (const a of beam.actionsOf(i)) {
          expect(st.isLegal(a)).toBe(true);
          if (forcedAction(st) < 0) score += scorer(st)[a];
          st.apply(a);
        }
        expect(score).toBeCloseTo(beam.scores[i], 9);
        expect(Array.from(st.heads.subarray(0, n))).toEqual(
          Array.from(beam.states[i].heads.subarray(0, n)),
        );
      }
    }
  });

  it('wide enough to keep every hypothesis, finds the best-scoring sequence', () => {
    for (let t = 0; t < 12; t++) {
      const n = 2 + (t % 3);
      const scorer = stateScorer(500 + t);
      const all = allSequences(n, scorer);
      const bestScore = Math.max(...all.map((s) => s.score));
      const beam = new BeamSearch(N_LABELS, ROOT, all.length);
      beam.reset(n);
      while (!beam.isDone()) beam.advance(scorer);
      expect(beam.count).toBe(all.length);
      expect(beam.scores[0]).toBeCloseTo(bestScore, 9);
      // A narrow beam finds no better than the exact best.
      const narrow = new BeamSearch(N_LABELS, ROOT, 2);
      narrow.reset(n);
      while (!narrow.isDone()) narrow.advance(scorer);
      expect(narrow.scores[0]).toBeLessThanOrEqual(bestScore + 1e-9);
    }
  });

  it('flags exactly the hypotheses that build the gold tree, and reaches it when losing a gold arc costs most', () => {
    const rng = new Rng(29);
    const costs = new Int32Array(N_ACTIONS);
    for (let t = 0; t < 100; t++) {
      const n = 1 + rng.int(10);
      const gold = randomGold(rng, n);
      const random = stateScorer(900 + t);
      // Random scores with a large penalty on the actions that lose a gold arc.
      const oracle = (st: ParseState): Float64Array => {
        const s = Float64Array.from(random(st));
        st.costs(gold.heads, gold.labels, costs);
        for (let a = 0; a < N_ACTIONS; a++) if (costs[a] > 0) s[a] -= 1e6;
        return s;
      };
      for (const scorer of [random, oracle]) {
        const beam = new BeamSearch(N_LABELS, ROOT, 1 + rng.int(4));
        beam.reset(n);
        while (!beam.isDone()) beam.advance(scorer, gold);
        for (let i = 0; i < beam.count; i++) {
          const st = beam.states[i];
          const same =
            Array.from(st.heads.subarray(0, n)).join() ===
              Array.from(gold.heads.subarray(0, n)).join() &&
            Array.from(st.labels.subarray(0, n)).join() ===
              Array.from(gold.labels.subarray(0, n)).join();
          expect(beam.correct[i] === 1).toBe(same);
        }
        if (scorer === oracle) expect(beam.correct[0]).toBe(1);
      }
    }
  });

  it('log-probabilities: a softmax over the legal actions, so all sequences of a sentence sum to 1', () => {
    const rng = new Rng(17);
    const out = new Float64Array(N_ACTIONS);
    for (let t = 0; t < 8; t++) {
      const n = 2 + (t % 3);
      const raw = stateScorer(700 + t);
      const factor = 0.02 + rng.next() / 10;
      const scorer = (st: ParseState): Float64Array => {
        const s = raw(st);
        legalLogSoftmax(st, s, factor, out);
        // Each step's legal actions: probabilities summing to 1, ordered as the raw scores.
        let z = 0;
        for (let a = 0; a < N_ACTIONS; a++) {
          if (!st.isLegal(a)) continue;
          z += Math.exp(out[a]);
          for (let b = 0; b < N_ACTIONS; b++)
            if (st.isLegal(b) && s[b] > s[a]) expect(out[b]).toBeGreaterThan(out[a]);
        }
        expect(z).toBeCloseTo(1, 9);
        return out;
      };
      const count = allSequences(n, raw).length;
      const beam = new BeamSearch(N_LABELS, ROOT, count);
      beam.reset(n);
      while (!beam.isDone()) beam.advance(scorer);
      let total = 0;
      for (let i = 0; i < beam.count; i++) total += Math.exp(beam.scores[i]);
      expect(total).toBeCloseTo(1, 9);
    }
  });

  it('drops hypotheses further than the margin below the best', () => {
    let pruned = 0;
    for (let t = 0; t < 30; t++) {
      const n = 3 + (t % 6);
      const scorer = stateScorer(300 + t);
      const beam = new BeamSearch(N_LABELS, ROOT, 6, 20);
      const wide = new BeamSearch(N_LABELS, ROOT, 6);
      beam.reset(n);
      wide.reset(n);
      while (!beam.isDone()) {
        beam.advance(scorer);
        wide.advance(scorer);
        for (let i = 0; i < beam.count; i++)
          expect(beam.scores[i]).toBeGreaterThanOrEqual(beam.scores[0] - 20);
        if (beam.count < wide.count) pruned++;
      }
    }
    // The margin is not idle on these scores.
    expect(pruned).toBeGreaterThan(0);
  });

  it('settings are saved with a model whose width is above 1, and a greedy model keeps its bytes', () => {
    const file = path.join(MODELS, 'parser.bin');
    const parser = loadParser(file);
    expect(parser.toBuffer().equals(readFileSync(file))).toBe(true);
    parser.beamWidth = 2;
    parser.beamTemperature = 32;
    parser.beamMargin = 1.25;
    const again = Parser.fromBuffer(parser.toBuffer());
    expect([again.beamWidth, again.beamTemperature, again.beamMargin]).toEqual([2, 32, 1.25]);
  });

  it('of width 1 gives the committed parser greedy trees', () => {
    const tagger = loadTagger(path.join(MODELS, 'tagger.bin'));
    const parser = loadParser(path.join(MODELS, 'parser.bin'));
    expect(parser.beamWidth).toBe(1);
    const rng = new Rng(41);
    const vocabulary =
      'the minister said that Russia and Japan will hold talks in Tokyo on Monday after a missile test , which officials condemned .'.split(
        ' ',
      );
    let differ = 0;
    for (let t = 0; t < 150; t++) {
      const words = Array.from(
        { length: 3 + rng.int(25) },
        () => vocabulary[rng.int(vocabulary.length)],
      );
      const tags = tagger.tag(words);
      const greedy = parser.parseIds(words, tags.upos, tags.xpos);
      const heads = Array.from(greedy.heads.subarray(0, words.length));
      const labels = Array.from(greedy.labels.subarray(0, words.length));
      for (const temperature of [0, 32]) {
        // Raw sums and log-probabilities pick the same best action at each step.
        parser.beamTemperature = temperature;
        const one = parser.searchIds(words, tags.upos, tags.xpos, 1);
        expect(Array.from(one.heads.subarray(0, words.length))).toEqual(heads);
        expect(Array.from(one.labels.subarray(0, words.length))).toEqual(labels);
      }
      const four = parser.searchIds(words, tags.upos, tags.xpos, 4);
      if (Array.from(four.heads.subarray(0, words.length)).join() !== heads.join()) differ++;
    }
    // The search is not the greedy parser under another name: a wider beam changes some trees.
    expect(differ).toBeGreaterThan(0);
  });
});

describe('global training for beam search', () => {
  const fixture = readTrees(path.join(import.meta.dirname, '../fixtures/treebank/mini.conllu'));

  it('reproduces the projective training trees and saves its width', () => {
    for (const beamUpdate of ['max-violation', 'early'] as const) {
      const parser = trainParser(fixture, { epochs: 30, beam: 3, beamUpdate });
      expect(parser.beamWidth).toBe(3);
      for (const s of fixture.filter((t) => isProjective(t.heads))) {
        const r = parser.parse(s.words, s.upos, s.xpos);
        expect(r.heads).toEqual(s.heads);
        expect(r.deprels).toEqual(s.deprels);
      }
      const again = Parser.fromBuffer(parser.toBuffer());
      expect(again.beamWidth).toBe(3);
      expect(again.beamTemperature).toBe(0);
      expect(again.beamMargin).toBe(Infinity);
      for (const s of fixture)
        expect(again.parse(s.words, s.upos, s.xpos)).toEqual(parser.parse(s.words, s.upos, s.xpos));
    }
  });
});
