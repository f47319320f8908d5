// Reported speech on the tree: which reporting verb each token's clause is the content of (ccomp,
// parataxis, "according to"), found in one top-down pass so nested chains stay linear; which
// sentences a quotation runs over; and what a speaker's own clause does not commit to.
import type { Mention, Sentence } from '../types.ts';
import type { Frame } from './frames.ts';
import { caseOf } from '../case-words.ts';
import { child, type Tree } from './tree.ts';

/** A speaker and the reporting verb (or -1 for a quote carried over from an earlier sentence). */
export interface Speech {
  speaker: Mention;
  at: number;
  lemma: string;
  addressees: Mention[];
  /** The reporting verb's own frame, when it has one ("told", "warned"). */
  frame: Frame | null;
  quoted: boolean;
  /** The content comes first and the speaker is only cited for it ("…, X said", "according to X"). */
  attributed: boolean;
  /** For "according to X": the clause X is the source of. */
  root?: number;
}

const QUOTES = /["“”«»]/;

/** Whether the sentence holds a quotation mark. */
export function hasQuote(tree: Tree): boolean {
  return QUOTES.test(tree.sentence.text);
}

/** Whether the sentence opens with a quotation mark (a quote continuing from the sentence before). */
export function opensQuote(tree: Tree): boolean {
  return /^["“«]/.test(tree.sentence.text.trimStart());
}

/**
 * For each sentence, whether a quotation is still open where it starts: opened in an earlier
 * sentence and not yet closed ("“A. B,” X said": B starts inside). A paragraph break closes any
 * quote left open, and so does a run of more than `MAX_QUOTE_RUN` sentences (an unpaired mark).
 */
export function openQuotes(text: string, sentences: readonly Sentence[]): boolean[] {
  const out: boolean[] = [];
  let open = false;
  let run = 0;
  sentences.forEach((s, n) => {
    const next = sentences[n + 1];
    if (open && ++run > MAX_QUOTE_RUN) open = false;
    out.push(open);
    const end = next ? next.start : Math.max(s.end, text.length);
    // By character code: “ « open, ” » close, " toggles, a blank line closes.
    for (let i = s.start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x201c || c === 0xab) open = true;
      else if (c === 0x201d || c === 0xbb) open = false;
      else if (c === 0x22) open = !open;
      else if (c === 0x0a && text.charCodeAt(i + 1) === 0x0a) open = false;
      else continue;
      run = 0;
    }
  });
  return out;
}

/** Sentences one quotation may run over before an unpaired mark is assumed. */
const MAX_QUOTE_RUN = 6;

/**
 * Whether the phrase at i opens with a quotation mark (after any comma or colon before it, and
 * after the clause's own mark: "because “Y has been …”").
 */
function quotedFrom(tree: Tree, i: number): boolean {
  for (let j = Math.max(0, tree.lo[i]! - 1); j <= tree.hi[i]!; j++) {
    const t = tree.tokens[j]!;
    if (QUOTES.test(t.text)) return true;
    if (t.pos !== 'PUNCT' && j >= tree.lo[i]! && !(t.deprel === 'mark' && t.head === i))
      return false;
  }
  return false;
}

/** Whether the clause at i opens with "that" and has its own subject. */
function thatClause(tree: Tree, i: number): boolean {
  const mark = child(tree, i, 'mark');
  return (
    mark >= 0 &&
    tree.tokens[mark]!.text.toLowerCase() === 'that' &&
    child(tree, i, 'nsubj', 'nsubj:pass', 'expl') >= 0
  );
}

/**
 * For every token, the speech whose content it lies in (the innermost one), or -1. `speeches[k].at`
 * is the reporting verb; its ccomp (or the clause it is a parataxis of, "“…,” X said") is the
 * content. `carried`, when given, is the speech of a quote the sentence continues.
 */
export function speechScopes(tree: Tree, speeches: Speech[], carried: number): number[] {
  const n = tree.tokens.length;
  // Plain arrays: for a sentence's few dozen slots they are cheaper to make than typed arrays.
  const contentOf = new Array<number>(n).fill(-1);
  const verbOf = new Array<number>(n).fill(-1);
  speeches.forEach((sp, k) => {
    if (sp.at < 0) {
      if (sp.root !== undefined && contentOf[sp.root]! < 0) contentOf[sp.root] = k;
      return;
    }
    verbOf[sp.at] = k;
    const v = tree.tokens[sp.at]!;
    for (const c of tree.kids[sp.at]!) {
      const d = tree.tokens[c]!.deprel;
      if (d === 'ccomp' || (d === 'parataxis' && c > sp.at)) contentOf[c] = k;
      // "said that A, and that B": a second content clause the parser coordinated with the verb.
      else if (d === 'conj' && c > sp.at && thatClause(tree, c)) contentOf[c] = k;
      // "X tweeted, “It's time to stop Y's attacks”": a quotation parsed as the object, as an
      // oblique with no case word, or as a clause of the verb ("told reporters that A, because
      // “B …”", with the "because" clause hung on the reporting verb).
      else if (
        ((d === 'advcl' && c > sp.at) ||
          ((d === 'obj' || (d === 'obl' && child(tree, c, 'case') < 0)) &&
            sp.frame?.speech === 'say')) &&
        quotedFrom(tree, c)
      )
        contentOf[c] = k;
    }
    if (v.deprel === 'parataxis' && v.head >= 0 && contentOf[v.head] < 0) contentOf[v.head] = k;
  });
  const scope = new Array<number>(n).fill(-1);
  const inherited = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = tree.tokens[i]!.head;
    if (h < 0 || h >= n || h === i) {
      inherited[i] = carried;
      scope[i] = contentOf[i] >= 0 ? contentOf[i]! : carried;
      stack.push(i);
    }
  }
  while (stack.length > 0) {
    const x = stack.pop()!;
    for (const c of tree.kids[x]!) {
      let s = scope[x]!;
      // "“…,” X said": the reporting verb hangs on its own content, but is outside it.
      const k = verbOf[c]!;
      if (k >= 0 && contentOf[x] === k) s = inherited[x]!;
      inherited[c] = s;
      scope[c] = contentOf[c]! >= 0 ? contentOf[c]! : s;
      stack.push(c);
    }
  }
  return scope;
}

/** "according to X": X is the speaker of the clause the phrase modifies. */
export function accordingTo(tree: Tree): { clause: number; obl: number }[] {
  const out: { clause: number; obl: number }[] = [];
  tree.tokens.forEach((t, i) => {
    if (
      (t.deprel === 'obl' || t.deprel === 'nmod') &&
      t.head >= 0 &&
      caseOf(tree.tokens, i) === 'according to'
    )
      out.push({ clause: t.head, obl: i });
  });
  return out;
}

/** Verbs of wishing whose past tense reports a wish that was not met ("we had hoped to ..."). */
const WISHES = new Set(['hope', 'wish', 'want']);

/**
 * Whether the predicate at i sits under a past wish of the speaker ("We hoped it would be possible
 * to settle with Y"): an act hoped for and not done, neither a pledge nor an act.
 */
export function unmetWish(tree: Tree, i: number): boolean {
  for (let x = tree.tokens[i]!.head, n = 0; x >= 0 && n < 5; x = tree.tokens[x]!.head, n++) {
    const t = tree.tokens[x]!;
    if (WISHES.has(t.lemma) && (t.xpos === 'VBD' || t.xpos === 'VBN')) return true;
    if (t.deprel === 'root' || t.deprel === 'parataxis') break;
  }
  return false;
}

/** Whether the predicate at i is a passive with no doer stated ("the leader was killed"). */
export function agentlessPassive(tree: Tree, i: number): boolean {
  return (
    child(tree, i, 'aux:pass', 'nsubj:pass') >= 0 &&
    !tree.kids[i]!.some((k) => tree.tokens[k]!.deprel === 'obl:agent')
  );
}
