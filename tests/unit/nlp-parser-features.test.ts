// Parser features: on states reached by random legal transitions over hand-made sentences, the
// ids parserFeatures writes equal those of a plain reference that reads every template's values
// from the state and hashes them with feat1..feat4, with and without word clusters; and so do the
// ids a compact model hashes in its own memory from the values parserStep writes.
import { describe, expect, it } from 'vitest';
import {
  CompactModel,
  HashIndex,
  Rng,
  feat1,
  feat2,
  feat3,
  feat4,
  hashString,
} from '../../server/nlp/learn/index.ts';
import {
  MAX_PARSER_FEATURES,
  ParserTokens,
  parserFeatures,
  parserStep,
  parserTemplates,
} from '../../server/nlp/parser/features.ts';
import { fillTokens } from '../../server/nlp/parser/parser-model.ts';
import { ParseState } from '../../server/nlp/parser/transitions.ts';
import { normalizeWord } from '../../server/nlp/tagger/word-hashes.ts';

/** Templates in output order: number, then the values as "position.attribute". */
type Template = [number, ...string[]];
const TEMPLATES: Template[] = [
  [1, 's0.w'],
  [2, 's0.t'],
  [3, 's0.w', 's0.t'],
  [4, 's1.w'],
  [5, 's1.t'],
  [6, 's1.w', 's1.t'],
  [7, 'b0.w'],
  [8, 'b0.t'],
  [9, 'b0.w', 'b0.t'],
  [10, 'b1.w'],
  [11, 'b1.t'],
  [12, 'b1.w', 'b1.t'],
  [13, 'b2.w'],
  [14, 'b2.t'],
  [15, 's2.t'],
  [16, 's2.w'],
  [17, 's0.u', 'b0.u'],
  [20, 's0.w', 's0.t', 'b0.w', 'b0.t'],
  [21, 's0.w', 's0.t', 'b0.w'],
  [22, 's0.w', 'b0.w', 'b0.t'],
  [23, 's0.w', 's0.t', 'b0.t'],
  [24, 's0.t', 'b0.w', 'b0.t'],
  [25, 's0.w', 'b0.w'],
  [26, 's0.t', 'b0.t'],
  [27, 'b0.t', 'b1.t'],
  [30, 's1.w', 's1.t', 's0.w', 's0.t'],
  [31, 's1.w', 's1.t', 's0.t'],
  [32, 's1.t', 's0.w', 's0.t'],
  [33, 's1.w', 's0.w'],
  [34, 's1.t', 's0.t'],
  [35, 's1.w', 's0.w', 'b0.t'],
  [40, 'b0.t', 'b1.t', 'b2.t'],
  [41, 's0.t', 'b0.t', 'b1.t'],
  [42, 's1.t', 's0.t', 'b0.t'],
  [43, 's2.t', 's1.t', 's0.t'],
  [44, 's0.t', 's0l.t', 'b0.t'],
  [45, 's0.t', 's0r.t', 'b0.t'],
  [46, 's0.t', 'b0.t', 'b0l.t'],
  [47, 's1.t', 's0.t', 's0l.t'],
  [48, 's1.t', 's0.t', 's0r.t'],
  [49, 's1.t', 's1r.t', 's0.t'],
  [50, 's1.t', 's1l.t', 's0.t'],
  [51, 's0.w', 'b0.t', 'b1.t'],
  [52, 's0.t', 'b0.w', 'b1.t'],
  [60, 's0.w', 'dist'],
  [61, 's0.t', 'dist'],
  [62, 'b0.w', 'dist'],
  [63, 'b0.t', 'dist'],
  [64, 's0.w', 'b0.w', 'dist', 'zero'],
  [65, 's0.t', 'b0.t', 'dist'],
  [66, 's1.t', 's0.t', 'dist01'],
  [67, 's1.w', 's0.w', 'dist01'],
  [70, 's0.w', 's0.vr'],
  [71, 's0.t', 's0.vr'],
  [72, 's0.w', 's0.vl'],
  [73, 's0.t', 's0.vl'],
  [74, 'b0.w', 'b0.vl'],
  [75, 'b0.t', 'b0.vl'],
  [76, 's1.t', 's1.vr', 's0.t'],
  [80, 's0l.w'],
  [81, 's0l.t'],
  [82, 's0l.l'],
  [83, 's0r.w'],
  [84, 's0r.t'],
  [85, 's0r.l'],
  [86, 'b0l.w'],
  [87, 'b0l.t'],
  [88, 'b0l.l'],
  [89, 's1r.l'],
  [90, 's1l.l'],
  [91, 's0.t', 's0l.l'],
  [92, 's0.t', 's0r.l'],
  [93, 'b0.t', 'b0l.l'],
  [94, 's0.t', 's0l.l', 's0r.l'],
  [95, 's1.t', 's1r.l', 's0.t'],
  [100, 's0l2.t'],
  [101, 's0l2.l'],
  [102, 's0r2.t'],
  [103, 's0r2.l'],
  [104, 'b0l2.t'],
  [105, 'b0l2.l'],
  [106, 's0.t', 's0l.t', 's0l2.t'],
  [107, 's0.t', 's0r.t', 's0r2.t'],
  [108, 'b0.t', 'b0l.t', 'b0l2.t'],
  [109, 's1r2.l', 's1r.l'],
  [110, 's0.w', 's0.rs'],
  [111, 's0.t', 's0.rs'],
  [112, 's0.w', 's0.ls'],
  [113, 's0.t', 's0.ls'],
  [114, 'b0.w', 'b0.ls'],
  [115, 'b0.t', 'b0.ls'],
  [116, 's1.t', 's1.rsv'],
  [130, 's0.u'],
  [131, 'b0.u'],
  [132, 's1.u', 's0.u'],
  [133, 'b0.u', 'b1.u'],
  [134, 's0.u', 'b0.u', 'b1.u'],
  [135, 's1.u', 's0.u', 'b0.u'],
  [136, 's0.u', 'b0.u', 'dist'],
  [137, 's0.sf'],
  [138, 'b0.sf'],
  [139, 's0.sf', 'b0.t'],
  [140, 's0.t', 'b0.sf'],
  [150, 's1.w', 's1r.l', 's0.t'],
  [151, 's1.w', 's0.t', 's0l.l'],
  [152, 's0.w', 's0l.l', 's1.t'],
  [153, 's1.w', 's1r.t', 's0.t'],
  [154, 's0.w', 's0l.l', 'b0.t'],
];
const CLUSTER_TEMPLATES: Template[] = [
  [120, 's0.c'],
  [121, 'b0.c'],
  [122, 's1.c'],
  [123, 's0.c', 'b0.c'],
  [124, 's0.cs', 'b0.cs'],
  [125, 's0.cs', 'b0.t', 'dist'],
  [126, 's0.t', 'b0.cs', 'dist'],
  [127, 's1.c', 's0.c'],
  [128, 'b1.c'],
];

/** The word hash the parser gives a token (what cluster tables are keyed by). */
const hashOf = (w: string): number => hashString(normalizeWord(w), 2);

const NONE_WORD = 0x3c1e57a1;
const NONE_TAG = 0xffff;
const NONE_LABEL = 0xfffe;

function bucket(d: number): number {
  return d < 5 ? d : d < 10 ? 5 : 6;
}

/** The reference: each value looked up by name, each id hashed from scratch. */
function referenceFeatures(st: ParseState, tk: ParserTokens): number[] {
  const at = (k: number): number => (k < st.sp ? st.stack[st.sp - 1 - k] : -1);
  const s0 = at(0);
  const s1 = at(1);
  const pos: Record<string, number> = {
    s0,
    s1,
    s2: at(2),
    b0: st.b,
    b1: st.b + 1 <= st.n ? st.b + 1 : -1,
    b2: st.b + 2 <= st.n ? st.b + 2 : -1,
  };
  const child = (arr: Int32Array, i: number): number => (i < 0 ? -1 : arr[i]);
  for (const p of ['s0', 's1', 'b0']) {
    pos[`${p}l`] = child(st.lc1, pos[p]);
    pos[`${p}l2`] = child(st.lc2, pos[p]);
    pos[`${p}r`] = child(st.rc1, pos[p]);
    pos[`${p}r2`] = child(st.rc2, pos[p]);
  }
  const value = (name: string): number => {
    if (name === 'zero') return 0;
    if (name === 'dist') return s0 >= 0 ? bucket(st.b - s0) : 7;
    if (name === 'dist01') return s1 >= 0 ? bucket(s0 - s1) : 7;
    const [p, attr] = name.split('.');
    const i = pos[p];
    if (i === undefined) throw new Error(`unknown position ${p}`);
    switch (attr) {
      case 'w':
        return i < 0 ? NONE_WORD : tk.word[i];
      case 't':
        return i < 0 ? NONE_TAG : tk.tag[i];
      case 'u':
        return i < 0 ? NONE_TAG : tk.upos[i];
      case 'sf':
        return i < 0 ? NONE_TAG : tk.suffix[i];
      case 'c':
        return i < 0 ? NONE_TAG : tk.cluster[i];
      case 'cs':
        return i < 0 ? NONE_TAG : tk.clusterShort[i];
      case 'l':
        return i < 0 ? NONE_LABEL : st.labels[i];
      case 'vl':
        return i < 0 ? 0 : st.nLeft[i];
      case 'vr':
        return i < 0 ? 0 : st.nRight[i];
      case 'ls':
        return i < 0 ? -1 : st.leftLabels[i];
      case 'rs':
        return i < 0 ? -1 : st.rightLabels[i];
      case 'rsv':
        return i >= 0 && st.nRight[i] > 0 ? st.rightLabels[i] : -1;
      default:
        throw new Error(`unknown attribute ${attr}`);
    }
  };
  const hash = ([t, ...names]: Template): number => {
    const v = names.map(value);
    if (v.length === 1) return feat1(t, v[0]);
    if (v.length === 2) return feat2(t, v[0], v[1]);
    if (v.length === 3) return feat3(t, v[0], v[1], v[2]);
    return feat4(t, v[0], v[1], v[2], v[3]);
  };
  const list = TEMPLATES.map(hash);
  if (tk.hasClusters) list.push(...CLUSTER_TEMPLATES.map(hash));
  return list;
}

const SENTENCES = [
  'Ministers from the African Union urged Sudan to reopen the border crossing .',
  'Jakarta summoned the ambassador after the vessel was seized by coast guards .',
  'They said Bogotá would not extradite him .',
  'Ukraine',
  'The council , which met in Nairobi on Tuesday , condemned the attack on the convoy near Goma and called for an inquiry .',
];

/** Walks random legal transitions over each sentence, comparing ids at every state. */
function compareOnRandomParses(clusters: HashIndex | null, seed: number): number {
  const nLabels = 5;
  const rng = new Rng(seed);
  const tk = new ParserTokens();
  const out = new Uint32Array(MAX_PARSER_FEATURES);
  const st = new ParseState(nLabels, 1);
  // A model with one weight per class under one key: only the ids it hashes matter here.
  const model = new CompactModel(
    3,
    Uint32Array.of(7),
    Uint32Array.of(0, 1),
    Uint16Array.of(0),
    Int16Array.of(1),
    1,
  );
  model.setTemplates(parserTemplates(clusters !== null));
  let states = 0;
  for (let round = 0; round < 6; round++) {
    for (const sentence of SENTENCES) {
      const words = sentence.split(' ');
      const xpos = Uint32Array.from(words, () => rng.int(40));
      const upos = Uint32Array.from(words, () => rng.int(17));
      fillTokens(tk, words, xpos, upos, clusters);
      st.reset(words.length);
      while (!st.isTerminal()) {
        const k = parserFeatures(st, tk, out);
        const want = referenceFeatures(st, tk);
        expect(Array.from(out.subarray(0, k))).toEqual(want);
        model.input.fill(0);
        const m = parserStep(st, tk, model.values, model.input);
        model.scoreTemplates(m);
        expect(Array.from(model.input.subarray(0, m))).toEqual(want);
        states++;
        const legal: number[] = [];
        for (let a = 0; a < 1 + 2 * nLabels; a++) if (st.isLegal(a)) legal.push(a);
        st.apply(legal[rng.int(legal.length)]);
      }
    }
  }
  return states;
}

describe('parser features', () => {
  it('equal the reference ids at every state of random parses', () => {
    expect(compareOnRandomParses(null, 11)).toBeGreaterThan(300);
  });

  it('equal the reference ids with word clusters, including the cluster templates', () => {
    const clusters = new HashIndex(64);
    let id = 1;
    for (const s of SENTENCES)
      for (const w of s.split(' ')) if (w.length > 3) clusters.set(hashOf(w), (id++ << 16) | id);
    const tk = new ParserTokens();
    fillTokens(tk, ['Nairobi'], [3], [2], clusters);
    expect(tk.hasClusters).toBe(true);
    expect(compareOnRandomParses(clusters, 12)).toBeGreaterThan(300);
  });

  it('start afresh for each sentence filled into the same tokens', () => {
    const tk = new ParserTokens();
    const st = new ParseState(3, 1);
    const out = new Uint32Array(MAX_PARSER_FEATURES);
    const first = (words: string[]): number[] => {
      fillTokens(tk, words, new Uint32Array(words.length), new Uint32Array(words.length), null);
      st.reset(words.length);
      st.apply(0);
      return Array.from(out.subarray(0, parserFeatures(st, tk, out)));
    };
    const a = first(['Tehran', 'protested']);
    const b = first(['Lima', 'protested']);
    expect(b).not.toEqual(a);
    expect(b).toEqual(referenceFeatures(st, tk));
  });
});
