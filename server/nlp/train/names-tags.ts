// Where the name finder's training and evaluation tags come from: the trained tagger
// (server/nlp/tagger, model file tagger.bin) when it exists, so the name finder learns from the
// same kind of tags it meets at run time; the treebank's gold tags otherwise.
import { existsSync } from 'node:fs';
import { loadTagger } from '../tagger/index.ts';
import type { Retagger } from './names-data.ts';

/** A retagger over the tagger model at `file`, or undefined when there is no such file. */
export function taggerRetagger(file: string): Retagger | undefined {
  if (!existsSync(file)) return undefined;
  const tagger = loadTagger(file);
  return (tokens) => {
    const { upos, xpos } = tagger.tag(tokens.map((t) => t.text));
    tokens.forEach((t, i) => {
      t.upos = upos[i];
      t.xpos = xpos[i];
    });
  };
}
