// Where the name finder's training and evaluation tags come from: a tagger (server/nlp/tagger) for
// dev and test sentences, so the name finder is measured on the kind of tags it meets at run time;
// and for GUM train, jackknifed tags (each document tagged by a tagger that never saw it), since
// the final tagger was trained on GUM train and tags it almost perfectly, which would teach the
// name finder to trust tags more than it should. The treebank's gold tags are used when there is
// no tagger. Training tunes on the plain recipe's tags (plainRetagger): tuned on the final
// tagger's, the finder scored lower (README, "Tag sets").
import { existsSync } from 'node:fs';
import { loadTagger, trainTagger, type Tagger } from '../tagger/index.ts';
import type { Retagger } from './names-data.ts';
import { JACKKNIFE_FOLDS, jackknifeTags } from './train-parser.ts';
import { PLAIN_TAGGER_OPTIONS, taggedSentences } from './train-tagger.ts';
import type { TreeSentence } from './treebank-files.ts';

/** A retagger over the tagger model at `file`, or undefined when there is no such file. */
export function taggerRetagger(file: string): Retagger | undefined {
  if (!existsSync(file)) return undefined;
  return retaggerOf(loadTagger(file));
}

/** A retagger over a tagger trained here by the plain recipe on `train` (EWT and GUM train). */
export function plainRetagger(train: TreeSentence[]): Retagger {
  return retaggerOf(trainTagger(taggedSentences(train), PLAIN_TAGGER_OPTIONS));
}

function retaggerOf(tagger: Tagger): Retagger {
  return (tokens) => {
    const { upos, xpos } = tagger.tag(tokens.map((t) => t.text));
    tokens.forEach((t, i) => {
      t.upos = upos[i];
      t.xpos = xpos[i];
    });
  };
}

/** Tags by sentence, keyed by the sentence's words; a retagger reading them back. */
export function tableRetagger(
  sentences: readonly {
    words: readonly string[];
    upos: readonly string[];
    xpos: readonly string[];
  }[],
): Retagger {
  const table = new Map<string, { upos: readonly string[]; xpos: readonly string[] }>();
  for (const s of sentences) table.set(s.words.join('\u0001'), s);
  return (tokens) => {
    const tags = table.get(tokens.map((t) => t.text).join('\u0001'));
    if (!tags) throw new Error('names: no jackknifed tags for a training sentence');
    tokens.forEach((t, i) => {
      t.upos = tags.upos[i];
      t.xpos = tags.xpos[i];
    });
  };
}

/**
 * Jackknifed tags of the tagger's training sentences (EWT and GUM train), the same folds and
 * tagger settings as the parser is trained with (train-parser.ts), as a retagger for GUM train.
 */
export function jackknifeRetagger(train: TreeSentence[], log: (line: string) => void): Retagger {
  return tableRetagger(jackknifeTags(train, JACKKNIFE_FOLDS, log));
}
