// Reading the dependency tree of one sentence for the actor stage: the head of a span, the
// subtree under a node, the title phrase tied to a name from the left and the appositions tied to
// it from the right, in the shapes the parser gives them.
import type { Token } from '../types.ts';

/** How far a climb or a subtree reaches, in tokens (keeps long sentences linear). */
export const REACH = 30;

/** True when token `k` lies under `root` (within a bounded climb). */
function under(tokens: Token[], k: number, root: number): boolean {
  let h = tokens[k]!.head;
  for (let steps = 0; h >= 0 && steps < REACH; steps++) {
    if (h === root) return true;
    h = tokens[h]!.head;
  }
  return false;
}

/** Tokens of the subtree under `root` (inclusive), as the contiguous range they span. */
export function subtreeRange(tokens: Token[], root: number): [number, number] {
  let lo = root;
  let hi = root;
  while (lo > 0 && root - lo < REACH && under(tokens, lo - 1, root)) lo--;
  while (hi < tokens.length - 1 && hi - root < REACH && under(tokens, hi + 1, root)) hi++;
  return [lo, hi];
}

/** The token of [first, last] whose head lies outside the span. */
export function headOf(tokens: Token[], first: number, last: number): number {
  for (let k = first; k <= last; k++) {
    const h = tokens[k]!.head;
    if (h < first || h > last) return k;
  }
  return last;
}

/** Words a title phrase runs through that the parser may hang anywhere ("and", "of", ","). */
const LINK_TAGS = /^(?:CC|IN|DT|POS|,|HYPH|TO)$/;
/** Relations a parser gives both a title and the name after it when it splits them in two. */
const TWIN_RELATIONS = new Set(['nsubj', 'nsubj:pass', 'obj', 'iobj', 'obl', 'obl:agent', 'nmod']);

/**
 * The first token of the title phrase the parse ties to the name at [first, last] from the left
 * ("Kenyan ambassador to the AU Grace Wanjiru"), or `first` when there is none; the phrase starts
 * at `floor` at the earliest (after another person's name). Every shape a
 * parser gives a title is read: the title under the name (compound, amod, nmod:desc, flat), the
 * name under the title (appos, flat, nmod, conj), or both under one head in the same relation
 * ("Ghana's President, Kwame Asante, said": two subjects of "said").
 */
export function titleStart(tokens: Token[], first: number, last: number, floor = 0): number {
  const nameHead = headOf(tokens, first, last);
  const above = tokens[nameHead]!.head;
  const nameRel = tokens[nameHead]!.deprel;
  // "the president of the Commission, Dr. Amadou Diallo": a name after a comma may be parsed as
  // the conjunct or apposition of the title's own head.
  let c = first - 1;
  while (c >= 0 && tokens[c]!.head === nameHead && tokens[c]!.deprel !== 'punct') c--;
  const afterComma = tokens[c]?.xpos === ',' && /^(?:conj|appos|parataxis)$/.test(nameRel);
  let lo = first;
  // "Chilean envoy Marta Rojas": a demonym the parser made a second subject beside the title.
  const titleHead = above >= 0 && above < first ? above : -1;
  for (let k = first - 1; k >= floor && first - k <= 14; k--) {
    const t = tokens[k]!;
    if (LINK_TAGS.test(t.xpos)) continue;
    // "Former Chilean President X": an adjective right before the title modifies it, wherever
    // the parser hung it.
    if (/^JJ/.test(t.xpos) && k === lo - 1 && lo < first) {
      lo = k;
      continue;
    }
    if (!/^(?:NN|JJ|CD|VBN)/.test(t.xpos)) break;
    // Climb through nominal heads left of the name until one is tied to the name.
    let linked = false;
    let p = k;
    for (let steps = 0; steps < REACH && !linked; steps++) {
      const h = tokens[p]!.head;
      linked =
        (h >= first && h <= last) ||
        above === p ||
        // The name hangs on a word inside the title ("the chair of the Audit Office, Dr. X").
        (titleHead >= 0 && under(tokens, titleHead, p)) ||
        (titleHead >= 0 &&
          h >= 0 &&
          h === tokens[titleHead]!.head &&
          p < titleHead &&
          tokens[p]!.deprel === tokens[titleHead]!.deprel) ||
        (h >= 0 &&
          h === above &&
          ((TWIN_RELATIONS.has(tokens[p]!.deprel) && tokens[p]!.deprel === nameRel) || afterComma));
      if (h < floor || h >= first || !/^(?:NN|JJ|CD)/.test(tokens[h]!.xpos)) break;
      p = h;
    }
    if (!linked) break;
    lo = k;
  }
  return lo;
}

/**
 * The role phrases the parse attaches after the name at [first, last]: an apposition ("X, the
 * secretary-general of Y"), each conjunct of it ("X, an exile in Oslo and the deputy head of
 * Y"), or a "who is" relative clause; their first and last tokens, the apposition first.
 */
export function appositionAfter(tokens: Token[], first: number, last: number): [number, number][] {
  const to = Math.min(tokens.length, last + REACH);
  const above = tokens[headOf(tokens, first, last)]!.head;
  const comma = tokens[last + 1]?.xpos === ',';
  for (let c = last + 1; c < to; c++) {
    const t = tokens[c]!;
    let lo: number;
    let hi: number;
    // "Denny Roy, senior fellow at X, said": a parser may hang the apposition on the name's own
    // head; a nominal right after the name's comma, under the same head, is read as one.
    const sibling =
      comma &&
      above >= 0 &&
      t.head === above &&
      /^(?:NN|JJ)/.test(t.xpos) &&
      !/^(?:punct|cc|mark|case|conj)$/.test(t.deprel) &&
      subtreeRange(tokens, c)[0] === last + 1;
    if (sibling) [lo, hi] = subtreeRange(tokens, c);
    else if (t.head < first || t.head > last) continue;
    else if (t.deprel === 'appos') [lo, hi] = subtreeRange(tokens, c);
    else if (t.deprel === 'acl:relcl' && /^NN/.test(t.xpos)) {
      // "X, who is the head of Y": the predicate noun and what follows it.
      const who = tokens.findIndex(
        (x, k) => k > last && k < c && x.head === c && /^who$/i.test(x.text),
      );
      const cop = tokens.findIndex(
        (x, k) => k > who && k < c && x.head === c && x.deprel === 'cop',
      );
      if (who < 0 || cop < 0) continue;
      lo = cop + 1;
      hi = subtreeRange(tokens, c)[1];
    } else continue;
    while (lo < hi && /^(?:,|-LRB-|``)$/.test(tokens[lo]!.xpos)) lo++;
    while (hi > lo && /^(?:,|\.|-RRB-|'')$/.test(tokens[hi]!.xpos)) hi--;
    if (lo <= last) continue;
    const out: [number, number][] = [[lo, hi]];
    for (let k = c + 1; k <= hi; k++) {
      if (tokens[k]!.head !== c || tokens[k]!.deprel !== 'conj') continue;
      let [clo, chi] = subtreeRange(tokens, k);
      while (clo < chi && /^(?:CC|,)$/.test(tokens[clo]!.xpos)) clo++;
      while (chi > clo && /^(?:,|\.)$/.test(tokens[chi]!.xpos)) chi--;
      out.push([clo, Math.min(chi, hi)]);
    }
    return out;
  }
  return [];
}
