// The arc-hybrid transition system: oracles reproduce gold trees, the dynamic oracle's costs on
// a hand-worked case, and projectivization of a crossing arc.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ParseState,
  SHIFT,
  isProjective,
  projectivize,
  staticOracle,
} from '../../server/nlp/parser/index.ts';
import { readTrees } from '../../server/nlp/train/treebank-files.ts';

const fixture = readTrees(path.join(import.meta.dirname, '../fixtures/treebank/mini.conllu'));
const labels = [...new Set(fixture.flatMap((s) => s.deprels))].sort();
const rootLabel = labels.indexOf('root');

function gold(heads: number[], deprels: string[]): { h: Int32Array; l: Int32Array } {
  const n = heads.length;
  return {
    h: Int32Array.from(heads, (x) => (x < 0 ? n : x)),
    l: Int32Array.from(deprels, (d) => labels.indexOf(d)),
  };
}

function readOut(st: ParseState): { heads: number[]; deprels: string[] } {
  const heads: number[] = [];
  const deprels: string[] = [];
  for (let i = 0; i < st.n; i++) {
    heads.push(st.heads[i] === st.n ? -1 : st.heads[i]);
    deprels.push(labels[st.labels[i]]);
  }
  return { heads, deprels };
}

describe('arc-hybrid oracles', () => {
  const projective = fixture.filter((s) => isProjective(s.heads));

  it('the fixture has projective trees and one non-projective tree', () => {
    expect(projective.length).toBe(fixture.length - 1);
  });

  it('following the static oracle reproduces each projective gold tree exactly', () => {
    for (const s of projective) {
      const st = new ParseState(labels.length, rootLabel, 4);
      const g = gold(s.heads, s.deprels);
      st.reset(s.words.length);
      while (!st.isTerminal()) {
        const a = staticOracle(st, g.h, g.l);
        expect(st.isLegal(a)).toBe(true);
        st.apply(a);
      }
      expect(readOut(st)).toEqual({ heads: s.heads, deprels: s.deprels });
    }
  });

  it('following zero-cost actions of the dynamic oracle reproduces each projective tree', () => {
    const costs = new Int32Array(1 + 2 * labels.length);
    for (const s of projective) {
      const st = new ParseState(labels.length, rootLabel);
      const g = gold(s.heads, s.deprels);
      st.reset(s.words.length);
      while (!st.isTerminal()) {
        st.costs(g.h, g.l, costs);
        // Take the highest-numbered zero-cost action (a different path from the static oracle).
        let pick = -1;
        for (let a = 0; a < costs.length; a++) if (costs[a] === 0) pick = a;
        expect(pick).toBeGreaterThanOrEqual(0);
        st.apply(pick);
      }
      expect(readOut(st)).toEqual({ heads: s.heads, deprels: s.deprels });
    }
  });

  it('gives the costs worked out by hand for "She saw him"', () => {
    // She <-nsubj- saw -obj-> him; saw is the root (index 3 = root at the end of the buffer).
    const L = labels.length;
    const nsubj = labels.indexOf('nsubj');
    const obj = labels.indexOf('obj');
    const g = gold([1, -1, 1], ['nsubj', 'root', 'obj']);
    const st = new ParseState(L, rootLabel);
    const costs = new Int32Array(1 + 2 * L);
    st.reset(3);
    st.costs(g.h, g.l, costs);
    expect(costs[SHIFT]).toBe(0);
    expect(costs[1 + nsubj]).toBe(-1); // nothing on the stack: LEFT is illegal
    st.apply(SHIFT); // stack [She], buffer [saw him ROOT]
    st.costs(g.h, g.l, costs);
    expect(costs[SHIFT]).toBe(1); // She could no longer get saw as its head
    expect(costs[1 + nsubj]).toBe(0); // saw -> She, right label
    expect(costs[1 + obj]).toBe(1); // right head, wrong label
    expect(costs[1 + L + nsubj]).toBe(-1); // RIGHT needs two stack items
    st.apply(SHIFT); // a mistake: stack [She saw], buffer [him ROOT]
    st.costs(g.h, g.l, costs);
    expect(costs[SHIFT]).toBe(0); // him can still attach to saw
    expect(costs[1 + nsubj]).toBe(2); // him -> saw loses saw's dependent him and saw's root arc
    expect(costs[1 + L + obj]).toBe(2); // She -> saw: same two losses
    st.apply(SHIFT);
    st.costs(g.h, g.l, costs);
    expect(costs[1 + L + obj]).toBe(0); // saw -obj-> him
    expect(costs[1 + L + nsubj]).toBe(1);
    expect(costs[SHIFT]).toBe(-1); // the root is never shifted
  });

  it('allows exactly one dependent of the root', () => {
    const st = new ParseState(labels.length, rootLabel);
    st.reset(2);
    st.apply(SHIFT);
    st.apply(SHIFT);
    expect(st.canLeft()).toBe(false); // two stack items and the root in front
    expect(st.isLegal(1 + labels.length + labels.indexOf('obj'))).toBe(true);
    expect(st.isLegal(1 + labels.length + rootLabel)).toBe(false);
  });
});

describe('projectivization', () => {
  it('lifts the crossing arc of the non-projective fixture sentence and keeps the rest', () => {
    const s = fixture.find((t) => !isProjective(t.heads));
    expect(s).toBeDefined();
    const lifted = projectivize(s!.heads);
    expect(isProjective(lifted)).toBe(true);
    // "issue" (index 6) hung from "hearing" (1) across "scheduled"; lifted to "scheduled" (3).
    expect(lifted[6]).toBe(3);
    expect(lifted.filter((h, i) => h !== s!.heads[i]).length).toBe(1);
  });

  it('leaves projective trees unchanged', () => {
    for (const s of fixture.filter((t) => isProjective(t.heads)))
      expect(projectivize(s.heads)).toEqual(s.heads);
  });
});
