// Public face of the lemmatizer: `lemmatize(form, upos, xpos)` with the exception table and the
// vocabulary of known base forms trained from the UD treebanks (graph-data/models/lemmas.json,
// rebuilt by `npm run train`), falling back to the regular inflection rules alone when absent.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Lemmatizer, type LemmaTable } from './lemmatizer.ts';

export { Lemmatizer, lemmaKey, type LemmaTable } from './lemmatizer.ts';
export { ruleLemma, type KnownWord } from './rules.ts';
export { PAST_ONLY } from './irregular.ts';

/** Where the trained table lives. */
export const LEMMA_MODEL = fileURLToPath(
  new URL('../../../graph-data/models/lemmas.json', import.meta.url),
);

/** Reads a lemma table written by trainLemmas. */
export function loadLemmatizer(file: string = LEMMA_MODEL): Lemmatizer {
  return new Lemmatizer(JSON.parse(readFileSync(file, 'utf8')) as LemmaTable);
}

let shared: Lemmatizer | undefined;

/** The lemma of `form` given its universal (upos) and Penn (xpos) tags. */
export function lemmatize(form: string, upos: string, xpos: string): string {
  shared ??= existsSync(LEMMA_MODEL) ? loadLemmatizer(LEMMA_MODEL) : new Lemmatizer();
  return shared.lemmatize(form, upos, xpos);
}
