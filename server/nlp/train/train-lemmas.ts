// Trains the lemmatizer's exception table from the UD English train files (EWT and GUM): for each
// Penn tag and form, the treebank's usual lemma is stored when the regular rules would get it
// wrong and the treebank agrees with itself, next to a vocabulary of known base forms (every lemma,
// plus forms tagged VB/VBP/NN) that the rules use to choose among candidate stems. Writes
// graph-data/models/lemmas.json (sorted keys and words, so retraining gives the same bytes).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readConllu, type ConlluSentence } from './conllu.ts';
import { lemmaKey, ruleLemma, type KnownWord, type LemmaTable } from '../lemma/index.ts';

/** Train files the table is learnt from, relative to the treebanks folder. */
export const LEMMA_TRAIN_FILES = [
  'en-ewt/en_ewt-ud-train.conllu',
  'en-gum/en_gum-cc-by-train.conllu',
];

/** Share of a form's occurrences its usual lemma must have to be trusted. */
const MIN_AGREEMENT = 0.6;
/** Occurrences a form needs before its lemma is stored (1: dev accuracy is best keeping all). */
const MIN_COUNT = 1;

export interface LemmaModel extends LemmaTable {
  source: string;
  licence: string;
  rebuild: string;
}

/** Tags whose forms the rules inflect regularly. */
const INFLECTED = new Set(['NNS', 'VBD', 'VBG', 'VBN', 'VBZ']);
/** Tags whose forms are base forms themselves. */
const BASE_TAGS = new Set(['VB', 'VBP', 'NN']);
/** What a vocabulary word may look like: lower-case letters, inner hyphens allowed. */
const WORD = /^[a-z]+(?:-[a-z]+)*$/;

/** Known base forms: every lower-case lemma of any POS, plus forms tagged VB/VBP/NN; sorted. */
export function learnVocabulary(sentences: Iterable<ConlluSentence>): string[] {
  const words = new Set<string>();
  for (const s of sentences) {
    for (const w of s.words) {
      // Proper-noun lemmas keep their capital and stay out ("Starr" is no stem of "starring").
      if (WORD.test(w.lemma)) words.add(w.lemma);
      const form = w.form.toLowerCase();
      if (BASE_TAGS.has(w.xpos) && WORD.test(form)) words.add(form);
    }
  }
  return [...words].sort();
}

/** Learns exceptions from sentences: form + tag -> lemma where rules disagree with the treebank. */
export function learnExceptions(
  sentences: Iterable<ConlluSentence>,
  vocabulary: readonly string[] = [],
): LemmaTable {
  const vocab = new Set(vocabulary);
  const known: KnownWord = (word) => vocab.has(word);
  // tag -> key -> lemma -> count, plus the most frequent UPOS per tag and key for the rule.
  const counts = new Map<string, Map<string, Map<string, number>>>();
  const upos = new Map<string, string>();
  const lemmaCounts = new Map<string, number>();
  for (const s of sentences) {
    for (const w of s.words) {
      lemmaCounts.set(w.lemma, (lemmaCounts.get(w.lemma) ?? 0) + 1);
      if (w.lemma === '_' && w.form !== '_') continue;
      const key = lemmaKey(w.form, w.xpos);
      let byKey = counts.get(w.xpos);
      if (!byKey) counts.set(w.xpos, (byKey = new Map()));
      let lemmas = byKey.get(key);
      if (!lemmas) byKey.set(key, (lemmas = new Map()));
      lemmas.set(w.lemma, (lemmas.get(w.lemma) ?? 0) + 1);
      upos.set(`${w.xpos}\t${key}`, w.upos);
    }
  }
  const exceptions: Record<string, Record<string, string>> = {};
  for (const tag of [...counts.keys()].sort()) {
    const forms: Record<string, string> = {};
    const byKey = counts.get(tag)!;
    for (const key of [...byKey.keys()].sort()) {
      const lemmas = byKey.get(key)!;
      let best = '';
      let bestCount = 0;
      let total = 0;
      for (const [lemma, c] of [...lemmas].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        total += c;
        if (c > bestCount) {
          best = lemma;
          bestCount = c;
        }
      }
      const rule = ruleLemma(key, upos.get(`${tag}\t${key}`) ?? '', tag, known);
      if (rule === best) continue;
      if (bestCount / total < MIN_AGREEMENT) continue;
      if ((lemmas.get(rule) ?? 0) >= bestCount) continue;
      if (bestCount < MIN_COUNT) continue;
      // A lemma seen once in the whole treebank, against a regular stem the vocabulary knows, is
      // likelier a slip ("freed" -> "fre", "hinges" -> "hing") than an exception.
      if (INFLECTED.has(tag) && lemmaCounts.get(best) === 1 && known(rule)) continue;
      forms[key] = best;
    }
    if (Object.keys(forms).length > 0) exceptions[tag] = forms;
  }
  return { exceptions };
}

/** Share of words in `sentences` whose lemma `lemmatize` gets right (gold tags given). */
export function lemmaAccuracy(
  sentences: Iterable<ConlluSentence>,
  lemmatize: (form: string, upos: string, xpos: string) => string,
): { correct: number; total: number; accuracy: number } {
  let correct = 0;
  let total = 0;
  for (const s of sentences) {
    for (const w of s.words) {
      total++;
      if (lemmatize(w.form, w.upos, w.xpos) === w.lemma) correct++;
    }
  }
  return { correct, total, accuracy: total ? correct / total : 0 };
}

/** Writes the table compactly: one line per tag, keys sorted, so retraining gives the same bytes. */
export function serializeLemmaModel(model: LemmaModel): string {
  const lines = [
    '{',
    `"source":${JSON.stringify(model.source)},`,
    `"licence":${JSON.stringify(model.licence)},`,
    `"rebuild":${JSON.stringify(model.rebuild)},`,
    '"exceptions":{',
  ];
  const tags = Object.keys(model.exceptions).sort();
  tags.forEach((tag, i) => {
    const forms = model.exceptions[tag]!;
    const body = Object.keys(forms)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${JSON.stringify(forms[k])}`)
      .join(',');
    lines.push(`${JSON.stringify(tag)}:{${body}}${i < tags.length - 1 ? ',' : ''}`);
  });
  lines.push(model.vocabulary === undefined ? '}' : '},');
  if (model.vocabulary !== undefined)
    lines.push(`"vocabulary":${JSON.stringify(model.vocabulary)}`);
  lines.push('}', '');
  return lines.join('\n');
}

/** Trains the exception table from `treebanks` and writes `outDir/lemmas.json`. */
export async function trainLemmas(treebanks: string, outDir: string): Promise<void> {
  const sentences = LEMMA_TRAIN_FILES.flatMap((f) => readConllu(path.join(treebanks, f)));
  const vocabulary = learnVocabulary(sentences);
  const table = learnExceptions(sentences, vocabulary);
  const model: LemmaModel = {
    source:
      'Learnt from the train files of UD English EWT 2.16 and UD English GUM (openly licensed genres; ' +
      'credit to the GUM annotators and the Wikinews, Wikipedia and Wikivoyage contributors).',
    licence: 'CC BY-SA 4.0 (derived from CC BY-SA 4.0 / CC BY treebank data)',
    rebuild: 'npm run train (trainLemmas in server/nlp/train/train-lemmas.ts)',
    exceptions: table.exceptions,
    vocabulary: vocabulary.join(' '),
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'lemmas.json'), serializeLemmaModel(model));
}
