// Shared helper for the actor-stage tests: runs clean -> sentences -> findActors on a text.
import { cleanBody } from '../../server/extract/clean.ts';
import { analysePassage } from '../../server/extract/text.ts';
import { findActors } from '../../server/extract/actors/index.ts';
import type { ActorAnalysis, Sentence } from '../../server/extract/types.ts';

export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const p of cleanBody(text)) {
    out.push(...analysePassage(text.slice(p.start, p.end), p.start, out.length));
  }
  return out;
}

export interface Seen {
  analysis: ActorAnalysis;
  ids: string[];
  /** "surface=actor" for every mention; attributive ones end in "*". */
  mentions: string[];
  affiliations: string[];
}

export function analyse(
  text: string,
  published: string | null = '2022-11-26',
  dataDir?: string,
): Seen {
  const analysis = findActors(text, sentences(text), published, dataDir);
  return {
    analysis,
    ids: [...analysis.actors.keys()].sort(),
    mentions: analysis.mentions.map(
      (m) => `${text.slice(m.start, m.end)}=${m.actor}${m.attributive ? '*' : ''}`,
    ),
    affiliations: analysis.affiliations.map((a) => `${a.person}>${a.of}:${a.role}`),
  };
}
