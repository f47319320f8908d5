// Lone surnames the sentence-by-sentence finder missed or mislabelled: once an article has named a
// person in full ("Rafael Quintero"), a later one-word span with that name's last word is that
// person whatever label it was given, and a later capitalised proper noun that is that word and
// stands alone ("Quintero, the former president …") is found as the person. The word must look like a
// surname (a capital, then letters with a lowercase one among them), be tagged a proper noun, lie
// outside every found span, have no capitalised proper noun beside it (it would be part of a longer
// name the finder left out), not be a common word at the start of a sentence ("Young" after "Mary
// Young"), and not be a gazetteer name of a place or organization; no span with another label may
// end with the same word earlier in the article ("Quintero" ending a place name makes it unsure).
import { NAME_LABELS, type LabelledSpan } from './bilou.ts';
import type { NameToken } from './features.ts';
import type { LexiconMatch } from './lexicon.ts';
import { capitalisedProper, knownOtherwise, PERSON_WORD_SHAPE } from './name-words.ts';
import type { WordStats } from './word-stats.ts';

/** Whether token i, found in no span, may be a lone surname by its form and neighbours. */
function standsAlone(
  tokens: readonly NameToken[],
  i: number,
  matches: readonly LexiconMatch[],
  stats: WordStats,
): boolean {
  const t = tokens[i];
  if (t.upos !== 'PROPN' || !PERSON_WORD_SHAPE.test(t.text)) return false;
  if (capitalisedProper(tokens[i - 1]) || capitalisedProper(tokens[i + 1])) return false;
  if (i === 0 && stats.isCommon(t.text.toLowerCase())) return false;
  return !knownOtherwise(i, matches);
}

/**
 * `spans[k]` (labelled, in token order) with lone surnames of persons named in full earlier in the
 * document read as persons: a one-word span with another label is relabelled, and a word found in
 * no span is added as a one-word person span. `matches[k]` are sentence k's gazetteer matches.
 */
export function addLoneSurnames(
  sentences: readonly (readonly NameToken[])[],
  spans: readonly (readonly LabelledSpan[])[],
  matches: readonly (readonly LexiconMatch[])[],
  stats: WordStats,
): LabelledSpan[][] {
  // last words of persons named in full, and of spans with another label, so far
  const persons = new Set<string>();
  const others = new Set<string>();
  const person = NAME_LABELS[0];
  const surname = (word: string): boolean => persons.has(word) && !others.has(word);
  return sentences.map((tokens, k) => {
    const found = spans[k];
    const out: LabelledSpan[] = [];
    let next = 0;
    for (let i = 0; i < tokens.length; i++) {
      let span = found[next] as LabelledSpan | undefined;
      if (span && span.first === i) {
        next++;
        const last = tokens[span.last].text;
        if (
          span.label !== person &&
          span.first === span.last &&
          surname(last) &&
          PERSON_WORD_SHAPE.test(last) &&
          !knownOtherwise(i, matches[k])
        )
          span = { ...span, label: person };
        out.push(span);
        if (span.label !== person) others.add(last);
        else if (span.last > span.first) persons.add(last);
        i = span.last;
        continue;
      }
      if (surname(tokens[i].text) && standsAlone(tokens, i, matches[k], stats))
        out.push({ first: i, last: i, label: person });
    }
    return out;
  });
}
