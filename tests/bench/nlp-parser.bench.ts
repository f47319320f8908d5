// The trained tagger and parser (graph-data/models) on held-out treebanks, with targets beside
// each figure: UPOS accuracy, UAS/LAS (punctuation excluded) with predicted and gold tags on EWT
// test and PUD news, labelled F1 of the relations event extraction uses, speed on one core
// beside bare wink-nlp tagging of the same text, model load time and memory. Prints only.
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { Parser } from '../../server/nlp/parser/index.ts';
import { Tagger } from '../../server/nlp/tagger/index.ts';
import { evaluateParser, evaluateTagger } from '../../server/nlp/train/evaluate-parse.ts';
import {
  defaultTreebanks,
  loadSplit,
  treebanksPresent,
  type TreeSentence,
} from '../../server/nlp/train/treebank-files.ts';

export const title = 'Tagger and dependency parser (UD English)';

/** The model folder: graph-data/models, or another given as NLP_MODELS (to measure a candidate). */
const MODELS = path.resolve(
  process.env.NLP_MODELS ?? path.join(import.meta.dirname, '../../graph-data/models'),
);
const RELATIONS = ['nsubj', 'obj', 'obl', 'xcomp', 'ccomp', 'conj', 'appos', 'acl:relcl'];
const RELATION_TARGET: Record<string, number> = { nsubj: 88, obj: 88 };
const PASSES = 3;

const verdict = (value: number, target: number, higherIsBetter = true): string =>
  (higherIsBetter ? value >= target : value <= target) ? 'met' : 'NOT met';

function line(label: string, value: number, target: number, unit = '', higher = true): void {
  const v = value.toFixed(unit === ' s' || unit === '' ? 2 : 0);
  console.log(
    `  ${label}: ${v}${unit} (target ${higher ? '>=' : '<='} ${target}${unit}: ${verdict(value, target, higher)})`,
  );
}

export async function run(): Promise<void> {
  const treebanks = defaultTreebanks();
  const taggerFile = path.join(MODELS, 'tagger.bin');
  const parserFile = path.join(MODELS, 'parser.bin');
  if (!existsSync(taggerFile) || !existsSync(parserFile)) {
    console.log(`skipped: no trained models in ${MODELS} (run npm run train)`);
    return;
  }
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const tagger = Tagger.load(taggerFile);
  const parser = Parser.load(parserFile);
  const loadMs = performance.now() - t0;
  const rssAfter = process.memoryUsage().rss;
  const sizes = [taggerFile, parserFile].map((f) => statSync(f).size / 1e6);
  console.log(
    `machine: ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)}; models: tagger ${sizes[0].toFixed(1)} MB, parser ${sizes[1].toFixed(1)} MB`,
  );
  line('model load time (both)', loadMs / 1000, 1, ' s', false);
  line('resident memory after loading', rssAfter / 1e6, 250, ' MB', false);
  console.log(`  (of which the models added ${((rssAfter - rssBefore) / 1e6).toFixed(0)} MB)`);

  if (!treebanksPresent(treebanks)) {
    console.log(`skipped: accuracy and speed figures (no treebanks at ${treebanks})`);
    return;
  }
  const ewt = loadSplit(treebanks, 'ewtTest');
  const pud = loadSplit(treebanks, 'pud');

  console.log('tagging (UPOS accuracy):');
  line('EWT test', evaluateTagger(ewt, tagger).upos, 96);
  line('PUD news', evaluateTagger(pud, tagger).upos, 96);

  const ewtPred = evaluateParser(ewt, parser, tagger);
  const pudPred = evaluateParser(pud, parser, tagger);
  const ewtGold = evaluateParser(ewt, parser, null, true);
  const pudGold = evaluateParser(pud, parser, null, true);
  console.log('parsing, predicted tags, punctuation excluded:');
  line('EWT test UAS', ewtPred.uas, 87);
  line('EWT test LAS', ewtPred.las, 84);
  line('PUD news UAS', pudPred.uas, 87);
  line('PUD news LAS', pudPred.las, 84);
  console.log(
    `parsing with gold tags (reference): EWT test UAS ${ewtGold.uas.toFixed(2)} LAS ${ewtGold.las.toFixed(2)}; PUD news UAS ${pudGold.uas.toFixed(2)} LAS ${pudGold.las.toFixed(2)}`,
  );
  console.log('labelled F1 on PUD news, predicted tags (precision / recall, gold count):');
  for (const rel of RELATIONS) {
    const r = pudPred.relations.get(rel);
    if (!r) {
      console.log(`  ${rel}: absent`);
      continue;
    }
    const detail = `(${r.precision.toFixed(1)} / ${r.recall.toFixed(1)}, ${r.gold})`;
    const target = RELATION_TARGET[rel];
    console.log(
      `  ${rel}: ${r.f1.toFixed(2)} ${detail}${target ? ` (target >= ${target}: ${verdict(r.f1, target)})` : ''}`,
    );
  }

  // Speed: tag and parse EWT test + PUD news; wink-nlp reads the same sentences as text. The
  // tagger alone and the parser alone (on the tagger's tags) are printed as references.
  const sentences: TreeSentence[] = [...ewt, ...pud];
  const texts = sentences.map((s) => s.words.join(' '));
  const tagged = sentences.map((s) => tagger.tag(s.words));
  const nlp = winkNLP(model);
  const its = nlp.its;
  const ours = (): void => {
    for (const s of sentences) {
      const tags = tagger.tag(s.words);
      parser.parseIds(s.words, tags.upos, tags.xpos);
    }
  };
  const tagOnly = (): void => {
    for (const s of sentences) tagger.tagIds(s.words);
  };
  const parseOnly = (): void => {
    for (let i = 0; i < sentences.length; i++)
      parser.parseIds(sentences[i].words, tagged[i].upos, tagged[i].xpos);
  };
  const wink = (): void => {
    for (const t of texts) nlp.readDoc(t).tokens().out(its.pos);
  };
  ours();
  wink();
  // Wall time and this process's CPU time (the latter is less sensitive to other processes).
  const cpuMs = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const best = { ours: Infinity, wink: Infinity, oursCpu: Infinity, winkCpu: Infinity };
  const bestStage = { tag: Infinity, parse: Infinity };
  for (let pass = 0; pass < PASSES; pass++) {
    let t = performance.now();
    let c = cpuMs();
    ours();
    best.ours = Math.min(best.ours, performance.now() - t);
    best.oursCpu = Math.min(best.oursCpu, cpuMs() - c);
    t = performance.now();
    c = cpuMs();
    wink();
    best.wink = Math.min(best.wink, performance.now() - t);
    best.winkCpu = Math.min(best.winkCpu, cpuMs() - c);
    c = cpuMs();
    tagOnly();
    bestStage.tag = Math.min(bestStage.tag, cpuMs() - c);
    c = cpuMs();
    parseOnly();
    bestStage.parse = Math.min(bestStage.parse, cpuMs() - c);
  }
  const oursMs = best.ours;
  const winkMs = best.wink;
  const oursCpu = best.oursCpu;
  const winkCpu = best.winkCpu;
  const rate = (ms: number): number => (sentences.length / ms) * 1000;
  console.log(`speed on one core (${sentences.length} sentences, best of ${PASSES}):`);
  line('tagger + parser (wall clock)', rate(oursMs), 3000, ' sentences/s');
  console.log(`  tagger + parser by CPU time: ${rate(oursCpu).toFixed(0)} sentences/s`);
  console.log(
    `  by CPU time, each alone (reference): tagger ${rate(bestStage.tag).toFixed(0)}, parser on the tagger's tags ${rate(bestStage.parse).toFixed(0)} sentences/s`,
  );
  console.log(
    `  wink-nlp readDoc + pos (reference): ${rate(winkMs).toFixed(0)} sentences/s wall clock, ${rate(winkCpu).toFixed(0)} by CPU time`,
  );
  console.log(
    `  resident memory at the end (treebanks and wink-nlp loaded too): ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
}
