// The extraction pipeline: clean -> sentences -> actors -> events -> the extraction JSON.
import {
  EXTRACTION_SCHEMA,
  documentId,
  isNameAlias,
  ploverInfo,
  type ExtractedActor,
  type ExtractedEvent,
  type Extraction,
} from '../model/index.ts';
import { cleanBody } from './clean.ts';
import { analysePassage } from './text.ts';
import { findActors } from './actors/index.ts';
import { findEvents } from './events/index.ts';
import type { ArticleInput, Mention, Sentence } from './types.ts';

/** Bumped when output changes, so stored sample articles are re-extracted at start-up. */
export const EXTRACTOR_VERSION = 'stancegraph-rules@0.2.4';

/** Splits the cleaned body into sentences with offsets into the original text. */
export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const passage of cleanBody(text)) {
    const found = analysePassage(
      text.slice(passage.start, passage.end),
      passage.start,
      sentences.length,
    );
    sentences.push(...found);
  }
  return sentences;
}

/** Extracts actors, affiliations and stance events from one article. Never throws on text input. */
export function extractArticle(input: ArticleInput): Extraction {
  const text = input.text;
  const published = input.published ?? null;
  const sentences = sentencesOf(text);
  const analysis = findActors(text, sentences, published);
  const found = findEvents(text, sentences, analysis, published);
  const docId = documentId(text);

  const mentionsOf = new Map<string, Mention[]>();
  for (const m of analysis.mentions) {
    const list = mentionsOf.get(m.actor);
    if (list) list.push(m);
    else mentionsOf.set(m.actor, [m]);
  }
  const actors: ExtractedActor[] = [];
  for (const actor of analysis.actors.values()) {
    const mentions = mentionsOf.get(actor.id) ?? [];
    // Pronouns stay mentions (coreference resolved them) but are not names of the actor.
    const aliases = [...new Set(mentions.map((m) => text.slice(m.start, m.end)))].filter(
      isNameAlias,
    );
    actors.push({
      ...actor,
      aliases,
      mentions: mentions.map((m) => ({ start: m.start, end: m.end })),
    });
  }
  actors.sort((a, b) => a.id.localeCompare(b.id));

  const events: ExtractedEvent[] = found.map((e, i) => {
    const info = ploverInfo(e.type);
    const modeScore = e.ploverMode ? info.modes?.[e.ploverMode] : undefined;
    return {
      id: `${docId}-e${i + 1}`,
      source: e.source,
      target: e.target,
      type: e.type,
      quad: info.quad,
      polarity: e.polarity ?? info.polarity,
      score: modeScore ?? info.score,
      mode: e.mode,
      date: e.date,
      datePrecision: e.datePrecision,
      confidence: Math.round(e.confidence * 100) / 100,
      evidence: {
        sentence: e.sentence,
        start: e.start,
        end: e.end,
        quote: text.slice(e.start, e.end),
      },
    };
  });

  return {
    schema: EXTRACTION_SCHEMA,
    extractor: EXTRACTOR_VERSION,
    document: {
      id: docId,
      title: input.title ?? null,
      published,
      source: input.source ?? null,
      url: input.url ?? null,
    },
    actors,
    affiliations: analysis.affiliations.map((a) => ({
      person: a.person,
      of: a.of,
      role: a.role,
      evidence: { start: a.start, end: a.end, quote: text.slice(a.start, a.end) },
    })),
    events,
  };
}
