// The actor stage's public face: finds the states, organizations and persons an article refers
// to (gazetteer and patterns, then the name finder's names read on the parse), their mentions
// (sorted, never overlapping; descriptions and pronouns from the coreference stage) and the
// affiliations stated.
import type { ActorAnalysis, Sentence } from '../types.ts';
import { loadGazetteer } from '../gazetteer.ts';
import { ActorContext } from './context.ts';
import { wordsOf } from './words.ts';
import { Scan } from './scan.ts';
import { appositive, titled } from './titles.ts';
import {
  articleAcronym,
  articleName,
  bodyInCapital,
  describedOrg,
  unknownAcronym,
} from './bodies.ts';
import { gazetteerOrOrg, unambiguousIds } from './gazetteer-matches.ts';
import { governmentOf } from './states.ts';
import { counterpart, possessedPerson, surname } from './references.ts';
import { assignCountries, resolveBareBodies } from './finalize.ts';
import { genericBody } from './generic-bodies.ts';
import { foundNames, lateMentions } from './found-names.ts';
import { demoteStateModifiers } from './modifiers.ts';
import { mergeDuplicateBodies } from './merge.ts';
import { resolveCoreference } from '../coreference/index.ts';
import { placesApart } from './places-apart.ts';

/** Recognises whatever starts at word `i`; returns the index after it (or `i` for nothing). */
function recogniseAt(s: Scan, i: number): number {
  const w = s.words[i]!;
  if (w.pos === 'PUNCT' && w.key !== '(') return i;
  return (
    appositive(s, i) ??
    titled(s, i) ??
    articleAcronym(s, i) ??
    describedOrg(s, i) ??
    bodyInCapital(s, i) ??
    possessedPerson(s, i) ??
    genericBody(s, i) ??
    gazetteerOrOrg(s, i) ??
    unknownAcronym(s, i) ??
    articleName(s, i) ??
    counterpart(s, i) ??
    surname(s, i) ??
    governmentOf(s, i) ??
    i
  );
}

function scanSentence(s: Scan): void {
  let i = 0;
  while (i < s.words.length) {
    const next = recogniseAt(s, i);
    i = next > i ? next : i + 1;
  }
}

/**
 * Finds the actors of an article: every mention (sorted, non-overlapping, inside its sentence),
 * the actors they refer to, and the affiliations stated. `dataDir` points at another graph-data
 * folder (tests use a small fixture gazetteer).
 */
export function findActors(
  text: string,
  sentences: Sentence[],
  published: string | null,
  dataDir?: string,
): ActorAnalysis {
  const gaz = loadGazetteer(dataDir);
  const ctx = new ActorContext(text, gaz, published);
  const allWords = sentences.map(wordsOf);
  const { ids: known, counts } = unambiguousIds(allWords, gaz);
  sentences.forEach((s, k) => {
    scanSentence(new Scan(ctx, allWords[k]!, s.index, known, counts, s.tokens));
    foundNames(ctx, s, sentences);
  });
  lateMentions(ctx, sentences);
  demoteStateModifiers(ctx, sentences);
  resolveBareBodies(ctx);
  assignCountries(ctx);
  mergeDuplicateBodies(ctx);
  const named = [...ctx.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  const mentions = resolveCoreference(
    text,
    sentences,
    { actors: ctx.actors, mentions: named },
    gaz,
    published,
    (p) => ctx.roles.get(p) ?? [],
  );
  const places = placesApart(ctx.places, mentions);
  return { actors: ctx.actors, mentions, affiliations: ctx.affiliations, places };
}
