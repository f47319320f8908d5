// The actor stage: finds the states, organizations and persons an article refers to, their
// mentions (sorted, never overlapping) and the affiliations the text states.
import type { ActorAnalysis, Sentence } from './types.ts';
import { loadGazetteer } from './gazetteer.ts';
import { ActorContext } from './actor-context.ts';
import { wordsOf } from './actor-words.ts';
import { Scan } from './actor-scan.ts';
import { appositive, titled } from './actor-titles.ts';
import {
  articleAcronym,
  articleName,
  bodyInCapital,
  describedOrg,
  unknownAcronym,
} from './actor-bodies.ts';
import { gazetteerOrOrg, unambiguousIds } from './actor-gazetteer-matches.ts';
import { governmentOf } from './actor-states.ts';
import {
  counterpart,
  definiteRole,
  groupRole,
  possessedPerson,
  pronoun,
  surname,
} from './actor-references.ts';
import { assignCountries, resolveBareBodies } from './actor-finalize.ts';
import { genericBody } from './actor-generic-bodies.ts';

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
    groupRole(s, i) ??
    definiteRole(s, i) ??
    surname(s, i) ??
    pronoun(s, i) ??
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
  sentences.forEach((s, k) => scanSentence(new Scan(ctx, allWords[k]!, s.index, known, counts)));
  resolveBareBodies(ctx);
  assignCountries(ctx);
  const mentions = [...ctx.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  const places = ctx.places.filter(
    (p) => !mentions.some((m) => m.start < p.end && p.start < m.end),
  );
  return { actors: ctx.actors, mentions, affiliations: ctx.affiliations, places };
}
