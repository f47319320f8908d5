// `npm run train`: rebuilds every model of the language layer from the Universal Dependencies
// treebanks in ../shared/treebanks (or the folder given as the first argument), in order:
// tagger, parser, lemmas, name finder. Models go to graph-data/models/. Seeded: the same command
// gives byte-identical files.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { trainLemmas } from './train-lemmas.ts';
import { trainNames } from './train-names.ts';
import { trainParserModel } from './train-parser.ts';
import { trainTaggerModel } from './train-tagger.ts';
import { defaultTreebanks, treebanksPresent } from './treebank-files.ts';

type Trainer = (treebanks: string, outDir: string) => Promise<void>;

const TRAINERS: [string, Trainer][] = [
  ['tagger', trainTaggerModel],
  ['parser', trainParserModel],
  ['lemmas', trainLemmas],
  ['names', trainNames],
];

async function main(): Promise<void> {
  const treebanks = path.resolve(process.argv[2] ?? defaultTreebanks());
  const outDir = path.resolve(import.meta.dirname, '../../../graph-data/models');
  if (!existsSync(treebanks) || !treebanksPresent(treebanks)) {
    console.error(
      `train: no treebanks at ${treebanks}: expected the folders en-ewt, en-gum and en-pud of the UD English EWT, GUM and PUD treebanks (CoNLL-U). Give their parent folder as the first argument: npm run train -- FOLDER. Nothing was trained.`,
    );
    process.exit(1);
  }
  const only = process.argv.slice(3);
  for (const [name, train] of TRAINERS) {
    if (only.length > 0 && !only.includes(name)) {
      console.log(`train: skipped ${name} (not asked for)`);
      continue;
    }
    const t0 = performance.now();
    console.log(`train: ${name} ...`);
    await train(treebanks, outDir);
    console.log(`train: ${name} done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
}

await main();
