// Trains the part-of-speech tagger on EWT train + GUM cc-by train, prints its dev figures and
// writes <outDir>/tagger.bin. Options are fixed here (chosen on dev) so runs are reproducible.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_GAZETTEER, loadNameLexicon } from '../names/index.ts';
import {
  trainTagger,
  type TaggedSentence,
  type Tagger,
  type TaggerTrainOptions,
} from '../tagger/index.ts';
import { evaluateTagger } from './evaluate-parse.ts';
import { evaluateTaggerByExposure, formCounts, formatExposure } from './tagger-exposure.ts';
import { loadSplit, loadTrain } from './treebank-files.ts';

/**
 * The plain recipe, chosen on EWT and GUM dev: the second (refining) pass adds about 0.1-0.2 UPOS;
 * refining only the tokens whose first-pass margin is below 20 keeps that gain (EWT dev 95.20
 * either way, GUM dev 96.39 against 96.41) at a third of the tagging time; pruning below 0.8 keeps
 * accuracy at 6.7 MB (8.2 MB unpruned); more than eight epochs gains nothing. The parser and the
 * name finder learn from (jackknifed) tags of this recipe and are tuned on its dev tags: trained
 * or tuned on the final tagger's tags they scored lower (README, "Tag sets").
 */
export const PLAIN_TAGGER_OPTIONS: TaggerTrainOptions = {
  epochs: 8,
  seed: 1,
  twoPass: true,
  lexiconMinCount: 5,
  dictMinCount: 20,
  dictMinShare: 0.995,
  minWeight: 0.8,
  refineMargin: 20,
};

/**
 * The final tagger's settings: the plain recipe with tag sets (each form's tags in training and its
 * case use, forms seen once kept, hidden from a quarter of training steps) and, given by
 * {@link finalTaggerOptions}, the gazetteer's names as features. Against the plain recipe (README,
 * "The tagger with tag sets and gazetteer names"): UPOS on EWT test 95.72 (95.52) and PUD news
 * 96.25 (95.95); the development relations level over seeds.
 */
const TAGGER_OPTIONS: TaggerTrainOptions = {
  ...PLAIN_TAGGER_OPTIONS,
  tagSets: 1,
  tagSetMinCount: 1,
  tagSetDropout: 0.25,
};

/** The final tagger's settings with the project's gazetteer. */
export function finalTaggerOptions(): TaggerTrainOptions {
  return { ...TAGGER_OPTIONS, names: loadNameLexicon(DEFAULT_GAZETTEER) };
}

export function taggedSentences(
  trees: { words: string[]; upos: string[]; xpos: string[] }[],
): TaggedSentence[] {
  return trees.map((t) => ({ words: t.words, upos: t.upos, xpos: t.xpos }));
}

/**
 * Trains the final tagger (or one with other options, to measure them), prints dev figures and
 * writes tagger.bin; returns the tagger.
 */
export function buildTagger(
  treebanks: string,
  outDir: string,
  options: TaggerTrainOptions = finalTaggerOptions(),
): Tagger {
  const t0 = performance.now();
  const train = taggedSentences(loadTrain(treebanks));
  const tagger = trainTagger(train, options);
  const seconds = ((performance.now() - t0) / 1000).toFixed(0);
  const ewtDev = loadSplit(treebanks, 'ewtDev');
  const gumDev = loadSplit(treebanks, 'gumDev');
  const ewt = evaluateTagger(ewtDev, tagger);
  const gum = evaluateTagger(gumDev, tagger);
  console.log(
    `tagger: ${train.length} sentences, ${seconds} s; dev UPOS/XPOS EWT ${ewt.upos.toFixed(2)}/${ewt.xpos.toFixed(2)}, GUM ${gum.upos.toFixed(2)}/${gum.xpos.toFixed(2)}`,
  );
  // unseen and once-seen forms are where context, affixes and shape must carry the tag
  const counts = formCounts(train);
  for (const [label, gold] of [
    ['EWT', ewtDev],
    ['GUM', gumDev],
  ] as const)
    console.log(
      `tagger: ${label} dev UPOS by the form's count in training: ${formatExposure(evaluateTaggerByExposure(gold, tagger, counts))}`,
    );
  mkdirSync(outDir, { recursive: true });
  const buf = tagger.toBuffer();
  writeFileSync(path.join(outDir, 'tagger.bin'), buf);
  console.log(
    `tagger: wrote ${path.join(outDir, 'tagger.bin')} (${(buf.length / 1e6).toFixed(1)} MB)`,
  );
  return tagger;
}

/** `npm run train` step: trains the tagger and writes <outDir>/tagger.bin. */
export async function trainTaggerModel(treebanks: string, outDir: string): Promise<void> {
  buildTagger(treebanks, outDir);
}
