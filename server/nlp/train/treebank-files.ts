// Where the training and evaluation treebanks live under ../shared/treebanks, and loading them
// as plain word/tag/tree records (training: EWT train + GUM cc-by train; choosing: the two dev
// files; reporting: EWT test and the news half of PUD, never trained on).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readConllu, type ConlluSentence } from './conllu.ts';

export interface TreeSentence {
  id: string;
  words: string[];
  upos: string[];
  xpos: string[];
  /** 0-based head index, -1 for the root. */
  heads: number[];
  deprels: string[];
}

export function toTreeSentence(s: ConlluSentence): TreeSentence {
  return {
    id: s.comments.get('sent_id') ?? '',
    words: s.words.map((w) => w.form),
    upos: s.words.map((w) => w.upos),
    xpos: s.words.map((w) => w.xpos),
    heads: s.words.map((w) => w.head - 1),
    deprels: s.words.map((w) => w.deprel),
  };
}

export function readTrees(file: string): TreeSentence[] {
  return readConllu(file).map(toTreeSentence);
}

/** Default location of the treebanks: ../shared/treebanks beside the checkout. */
export function defaultTreebanks(): string {
  return path.resolve(import.meta.dirname, '../../../../shared/treebanks');
}

export const TREEBANK_FILES = {
  ewtTrain: 'en-ewt/en_ewt-ud-train.conllu',
  ewtDev: 'en-ewt/en_ewt-ud-dev.conllu',
  ewtTest: 'en-ewt/en_ewt-ud-test.conllu',
  gumTrain: 'en-gum/en_gum-cc-by-train.conllu',
  gumDev: 'en-gum/en_gum-cc-by-dev.conllu',
  pud: 'en-pud/en_pud-ud-test.conllu',
} as const;

/** True when every file the trainers need is present. */
export function treebanksPresent(dir: string): boolean {
  return Object.values(TREEBANK_FILES).every((f) => existsSync(path.join(dir, f)));
}

export function loadSplit(dir: string, key: keyof typeof TREEBANK_FILES): TreeSentence[] {
  const trees = readTrees(path.join(dir, TREEBANK_FILES[key]));
  return key === 'pud' ? trees.filter((t) => t.id.startsWith('n')) : trees;
}

/** Training sentences: EWT train followed by GUM cc-by train. */
export function loadTrain(dir: string): TreeSentence[] {
  return [...loadSplit(dir, 'ewtTrain'), ...loadSplit(dir, 'gumTrain')];
}

/** Development sentences: EWT dev followed by GUM cc-by dev. */
export function loadDev(dir: string): TreeSentence[] {
  return [...loadSplit(dir, 'ewtDev'), ...loadSplit(dir, 'gumDev')];
}
