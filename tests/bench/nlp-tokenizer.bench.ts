// The language layer's tokenizer and lemmatizer against the UD treebanks in ../shared/treebanks:
// sentence and word F1 on raw text rebuilt from EWT test, GUM test and PUD news, lemma accuracy
// with gold tags, speed in sentences/s beside bare wink-nlp on the same text, and time on hostile
// inputs at 1x and 8x (linearity). Prints what it skips when the treebanks are absent.
import { existsSync } from 'node:fs';
import path from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { tokenize } from '../../server/nlp/tokenize/index.ts';
import { LEMMA_MODEL, Lemmatizer, loadLemmatizer } from '../../server/nlp/lemma/index.ts';
import { evaluationSets, scoreTokenizer } from '../../server/nlp/train/evaluate-tokenizer.ts';
import { lemmaAccuracy } from '../../server/nlp/train/train-lemmas.ts';
import { readConllu } from '../../server/nlp/train/conllu.ts';

export const title = 'NLP tokenizer and lemmatizer (UD English)';

const TREEBANKS = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'treebanks');
const PASSES = 3;
const MIN_SENTENCES = 20_000;

const pct = (x: number): string => (100 * x).toFixed(2);

function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/** Hostile inputs, built at a given size, for the linearity figures. */
const HOSTILE: Array<[string, (n: number) => string]> = [
  ['no spaces', (n) => 'abcdefghij'.repeat(n / 10)],
  ['periods', (n) => '.'.repeat(n)],
  ['quotes', (n) => '"\'“”‘’'.repeat(n / 6)],
  ['U.S.U.S.', (n) => 'U.S.'.repeat(n / 4)],
  ['hyphens', (n) => 'a-'.repeat(n / 2)],
  ['mixed scripts', (n) => 'Ωmega-Київ 東京 Mr. É\u0301 😀 '.repeat(n / 24)],
];

/** Milliseconds per call: best of three trials of `reps` calls. */
function perCall(text: string, reps: number): number {
  let best = Infinity;
  for (let trial = 0; trial < 3; trial++) {
    best = Math.min(
      best,
      time(() => {
        for (let r = 0; r < reps; r++) tokenize(text);
      }) / reps,
    );
  }
  return best;
}

function hostileFigures(): void {
  const base = 25_000;
  for (const [name, make] of HOSTILE) {
    const one = make(base);
    const eight = make(base * 8);
    perCall(one, 8); // warm-up
    perCall(eight, 1);
    const oneMs = perCall(one, 8);
    const eightMs = perCall(eight, 1);
    console.log(
      `  ${name.padEnd(14)} ${(one.length / 1e3).toFixed(0)} k chars ${oneMs.toFixed(2)} ms, ` +
        `8x ${eightMs.toFixed(2)} ms (x${(eightMs / oneMs).toFixed(1)})`,
    );
  }
}

function tokenizerScores(sets: ReturnType<typeof evaluationSets>): void {
  console.log('tokenizer against gold raw text (exact offsets; boundaries exclude document ends):');
  for (const set of sets) {
    const s = scoreTokenizer(set.name, set.docs, tokenize);
    console.log(
      `  ${set.name.padEnd(9)} sentence-boundary F1 ${pct(s.boundaries.f1)} ` +
        `(P ${pct(s.boundaries.precision)} R ${pct(s.boundaries.recall)}), ` +
        `sentence spans F1 ${pct(s.sentences.f1)}, words F1 ${pct(s.words.f1)} ` +
        `(P ${pct(s.words.precision)} R ${pct(s.words.recall)}, ${s.words.gold} gold words)`,
    );
  }
  console.log(
    '  targets: words F1 >= 99 on all three; sentence boundaries >= 90 on EWT, >= 95 on PUD news',
  );
}

function lemmaScores(): void {
  const lemmatizer = existsSync(LEMMA_MODEL) ? loadLemmatizer() : new Lemmatizer();
  const rulesOnly = new Lemmatizer();
  if (!existsSync(LEMMA_MODEL)) console.log(`no ${LEMMA_MODEL}: rules only (run npm run train)`);
  console.log(`lemmas with gold tags (${lemmatizer.size} exceptions; target >= 97):`);
  for (const [name, file] of [
    ['EWT test', 'en-ewt/en_ewt-ud-test.conllu'],
    ['GUM test', 'en-gum/en_gum-cc-by-test.conllu'],
  ] as const) {
    const sentences = readConllu(path.join(TREEBANKS, file));
    const a = lemmaAccuracy(sentences, (f, u, x) => lemmatizer.lemmatize(f, u, x));
    const r = lemmaAccuracy(sentences, (f, u, x) => rulesOnly.lemmatize(f, u, x));
    console.log(
      `  ${name} ${pct(a.accuracy)} (${a.correct}/${a.total}); rules alone ${pct(r.accuracy)}`,
    );
  }
}

function speed(sets: ReturnType<typeof evaluationSets>): void {
  // The rebuilt raw documents, repeated to at least MIN_SENTENCES gold sentences.
  const docs = sets.flatMap((s) => s.docs);
  const perRound = docs.reduce((n, d) => n + d.count, 0);
  const rounds = Math.ceil(MIN_SENTENCES / perRound);
  const texts: string[] = [];
  for (let r = 0; r < rounds; r++) for (const d of docs) texts.push(d.text);
  const sentences = perRound * rounds;
  const chars = texts.reduce((n, t) => n + t.length, 0);
  // wink-nlp as the product uses it today (its default pipe) and with sentence boundaries only,
  // the part comparable to this tokenizer.
  const full = winkNLP(model);
  const sbd = winkNLP(model, ['sbd']);
  const ours = (): number => texts.reduce((n, t) => n + tokenize(t).length, 0);
  const winkFull = (): number =>
    texts.reduce((n, t) => n + full.readDoc(t).sentences().length(), 0);
  const winkSbd = (): number => texts.reduce((n, t) => n + sbd.readDoc(t).sentences().length(), 0);
  ours();
  winkFull();
  winkSbd();
  let oursMs = Infinity;
  let fullMs = Infinity;
  let sbdMs = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    oursMs = Math.min(oursMs, time(ours));
    fullMs = Math.min(fullMs, time(winkFull));
    sbdMs = Math.min(sbdMs, time(winkSbd));
  }
  const rate = (ms: number): string => ((sentences / ms) * 1000).toFixed(0);
  console.log(
    `speed on ${sentences} gold sentences (${(chars / 1e6).toFixed(2)} M chars), ` +
      `best of ${PASSES}, interleaved:`,
  );
  console.log(
    `  tokenize: ${rate(oursMs)} sentences/s (${oursMs.toFixed(0)} ms, ` +
      `${(((chars / oursMs) * 1e3) / 1e6).toFixed(1)} M chars/s); target well above 30000`,
  );
  console.log(
    `  wink-nlp readDoc, default pipe: ${rate(fullMs)} sentences/s (${fullMs.toFixed(0)} ms)`,
  );
  console.log(
    `  wink-nlp readDoc, sentence boundaries only: ${rate(sbdMs)} sentences/s ` +
      `(${sbdMs.toFixed(0)} ms)`,
  );
}

export async function run(): Promise<void> {
  if (existsSync(TREEBANKS)) {
    const sets = evaluationSets(TREEBANKS);
    tokenizerScores(sets);
    lemmaScores();
    speed(sets);
  } else {
    console.log(`skipped: no treebanks at ${TREEBANKS} (F1 scores, lemma accuracy and speed)`);
  }
  console.log('hostile inputs, 1x and 8x (linear: 8x should take about 8 times as long):');
  hostileFigures();
}
