// Name finder on GUM test (all documents and news documents alone): exact-span precision, recall
// and F1 per label and for person+organization+place together (target >= 0.85), beside two
// references measured in the same run (gazetteer-only matching; every maximal PROPN run as a name),
// where the model errs (correct / label / boundary / miss / spurious, per label and per genre),
// and speed on real news sentences (UD PUD's raw text, tokenized and tagged as the pipeline does):
// the name finder alone beside the tagger on the same sentences, warm, best of five passes, by CPU
// time (the wall clock beside it, which on a loaded machine mostly measures the load).
// Uses the committed model and, when graph-data/models/tagger.bin exists, tags predicted by the
// trained tagger (gold tags otherwise). Skips when ../shared/treebanks is absent.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  loadNameFinder,
  loadNameLexicon,
  DEFAULT_NAME_MODEL,
} from '../../server/nlp/names/index.ts';
import { loadTagger, type Tagger } from '../../server/nlp/tagger/index.ts';
import { tokenize } from '../../server/nlp/tokenize/index.ts';
import { readConllu } from '../../server/nlp/train/conllu.ts';
import {
  defaultTaggerFile,
  evaluateNames,
  formatNameEvaluation,
} from '../../server/nlp/train/evaluate-names.ts';
import type { NameFinder, NameLexicon, NameToken } from '../../server/nlp/names/index.ts';

export const title = 'Name finder (GUM test, exact spans)';

const root = path.resolve(import.meta.dirname, '..', '..');
const treebanks = path.resolve(root, '..', 'shared', 'treebanks');

export async function run(): Promise<void> {
  if (!existsSync(path.join(treebanks, 'en-gum'))) {
    console.log(`skipped: no treebanks at ${treebanks} (GUM test figures need them)`);
    return;
  }
  if (!existsSync(DEFAULT_NAME_MODEL)) {
    console.log(`skipped: no model at ${DEFAULT_NAME_MODEL} (run npm run train)`);
    return;
  }
  const finder = loadNameFinder();
  const lexicon = loadNameLexicon(path.join(root, 'graph-data', 'gazetteer'));
  const taggerFile = defaultTaggerFile(path.join(root, 'graph-data', 'models'));
  // the model is rebuilt byte for byte only from the gazetteer forms it was trained with
  const trainedWith = (finder.meta.gazetteer as { fingerprint?: string } | undefined)?.fingerprint;
  const current = lexicon.fingerprint();
  console.log(
    `gazetteer: ${lexicon.size} forms, fingerprint ${current}; the model was trained with ` +
      (trainedWith === undefined
        ? 'an unrecorded one'
        : trainedWith === current
          ? 'the same'
          : `${trainedWith} (another: retraining gives another file)`),
  );
  const evaluation = evaluateNames(treebanks, finder, lexicon, { split: 'test', taggerFile });
  console.log(formatNameEvaluation(evaluation));
  if (taggerFile) {
    // GUM's gold tags flatter the model: the gold names are defined over gold NNP/PROPN tags
    const gold = evaluateNames(treebanks, finder, lexicon, { split: 'test' });
    const f = (x: number): string => (100 * x).toFixed(1);
    console.log(
      `with GUM's gold tags instead: person+org+place F1 ${f(gold.model.all.main.f1)} ` +
        `(news ${f(gold.model.news.main.f1)}), spans F1 ${f(gold.model.all.spans.f1)}`,
    );
  }
  console.log('target: person+org+place F1 >= 85.0 on all documents');
  if (taggerFile) speed(finder, lexicon, loadTagger(taggerFile));
}

/**
 * Sentences per second of the best of `passes` runs of `work` over `count` sentences, by CPU time
 * (user + system, this process) and by wall clock. On a shared machine the wall clock mostly
 * measures how much of a core the process was given; CPU time measures the work.
 */
function rate(count: number, passes: number, work: () => void): { cpu: number; wall: number } {
  let cpu = Infinity;
  let wall = Infinity;
  for (let p = 0; p < passes; p++) {
    const started = performance.now();
    const used = process.cpuUsage();
    work();
    const spent = process.cpuUsage(used);
    wall = Math.min(wall, performance.now() - started);
    cpu = Math.min(cpu, (spent.user + spent.system) / 1000);
  }
  return { cpu: count / (cpu / 1000), wall: count / (wall / 1000) };
}

/** Speed of the name finder on PUD's news sentences, beside the tagger on the same sentences. */
function speed(finder: NameFinder, lexicon: NameLexicon, tagger: Tagger): void {
  const texts: string[] = [];
  for (const s of readConllu(path.join(treebanks, 'en-pud', 'en_pud-ud-test.conllu'))) {
    const text = s.comments.get('text');
    if (text) texts.push(text);
  }
  const sentences = texts.flatMap((t) => tokenize(t)).map((s) => s.tokens);
  const words = sentences.map((tokens) => tokens.map((t) => t.text));
  const tagged: NameToken[][] = sentences.map((tokens, k) => {
    const { upos, xpos } = tagger.tag(words[k]);
    return tokens.map((t, i) => ({ ...t, upos: upos[i], xpos: xpos[i] }));
  });
  const n = sentences.length;
  const tokens = words.reduce((sum, w) => sum + w.length, 0);
  // warm-up: the JIT, and the finder's per-word caches, as in a long-running server
  for (let round = 0; round < 3; round++) for (const t of tagged) finder.findNames(t, lexicon);
  const names = rate(n, 5, () => {
    for (const t of tagged) finder.findNames(t, lexicon);
  });
  const tagging = rate(n, 5, () => {
    for (const w of words) tagger.tag(w);
  });
  const whole = rate(n, 5, () => {
    for (const t of texts)
      for (const s of tokenize(t)) {
        const { upos, xpos } = tagger.tag(s.tokens.map((x) => x.text));
        finder.findNames(
          s.tokens.map((x, i) => ({ ...x, upos: upos[i], xpos: xpos[i] })),
          lexicon,
        );
      }
  });
  const r = (x: { cpu: number; wall: number }): string =>
    `${Math.round(x.cpu)} (wall clock ${Math.round(x.wall)})`;
  const load = os.loadavg()[0].toFixed(1);
  console.log(
    `speed on ${n} PUD sentences (${(tokens / n).toFixed(1)} tokens each), one core, warm, ` +
      `sentences per CPU second, load average ${load}: ` +
      `name finder ${r(names)} (target >= 5000: ${names.cpu >= 5000 ? 'met' : 'NOT met'}); ` +
      `reference, same run: tagger ${r(tagging)}; tokenize + tag + names ${r(whole)}`,
  );
}
