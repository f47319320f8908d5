// Reads CoNLL-U treebank files (Universal Dependencies) into plain sentence records for training
// and evaluation. Empty nodes (ids like 8.1) are dropped; multiword tokens ("don't" over "do" +
// "n't") are kept beside the syntactic words so raw-text tokenization can be scored.
import { readFileSync } from 'node:fs';

export interface ConlluWord {
  /** 1-based position in the sentence. */
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** 0 for the root. */
  head: number;
  deprel: string;
  /** Raw MISC column ("_" when empty). */
  misc: string;
}

export interface ConlluMultiword {
  /** First and last word id covered by this surface token. */
  first: number;
  last: number;
  form: string;
  misc: string;
}

export interface ConlluSentence {
  /** Comment lines as key -> value ("text", "sent_id", "newdoc id", "newpar" ...). */
  comments: Map<string, string>;
  words: ConlluWord[];
  multiwords: ConlluMultiword[];
}

/** Parses CoNLL-U text; throws with the line number on a malformed word line. */
export function parseConllu(text: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let current: ConlluSentence = { comments: new Map(), words: [], multiwords: [] };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') {
      if (current.words.length > 0) sentences.push(current);
      current = { comments: new Map(), words: [], multiwords: [] };
      continue;
    }
    if (line.startsWith('#')) {
      const eq = line.indexOf('=');
      const key = (eq < 0 ? line.slice(1) : line.slice(1, eq)).trim();
      current.comments.set(key, eq < 0 ? '' : line.slice(eq + 1).trim());
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) throw new Error(`conllu: line ${i + 1} has ${cols.length} columns`);
    const id = cols[0];
    if (id.includes('.')) continue;
    const dash = id.indexOf('-');
    if (dash >= 0) {
      current.multiwords.push({
        first: Number(id.slice(0, dash)),
        last: Number(id.slice(dash + 1)),
        form: cols[1],
        misc: cols[9],
      });
      continue;
    }
    current.words.push({
      id: Number(id),
      form: cols[1],
      lemma: cols[2],
      upos: cols[3],
      xpos: cols[4],
      feats: cols[5],
      head: cols[6] === '_' ? 0 : Number(cols[6]),
      deprel: cols[7],
      misc: cols[9],
    });
  }
  if (current.words.length > 0) sentences.push(current);
  return sentences;
}

export function readConllu(file: string): ConlluSentence[] {
  return parseConllu(readFileSync(file, 'utf8'));
}

/** Value of one MISC attribute ("SpaceAfter", "Entity" ...) or undefined. */
export function miscValue(misc: string, key: string): string | undefined {
  if (misc === '_') return undefined;
  for (const part of misc.split('|')) {
    if (part.startsWith(key + '=')) return part.slice(key.length + 1);
  }
  return undefined;
}
