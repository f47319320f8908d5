// Turns merged raw events into FoundEvents: actor ids, mode and polarity, and the date the
// evidence states (or the publication date), ordered by position in the article.
import { resolveDate } from './dates.ts';
import type { Raw } from './event-raw.ts';
import type { FoundEvent, Sentence } from './types.ts';

export function buildEvents(
  merged: Raw[],
  text: string,
  sentences: Sentence[],
  published: string | null,
): FoundEvent[] {
  const sentenceByIndex = new Map(sentences.map((x) => [x.index, x]));
  const events: FoundEvent[] = [];
  for (const r of merged) {
    const sentence = sentenceByIndex.get(r.sentence)!;
    const d = resolveDate(
      text,
      published,
      { start: r.start, end: r.end },
      { start: sentence.start, end: sentence.end },
    );
    events.push({
      source: r.source!.actor,
      target: r.target.actor,
      type: r.type,
      ...(r.polarity ? { polarity: r.polarity } : {}),
      ...(r.ploverMode ? { ploverMode: r.ploverMode } : {}),
      mode: r.mode,
      confidence: r.confidence,
      sentence: r.sentence,
      start: r.start,
      end: r.end,
      date: d.date,
      datePrecision: d.precision,
    });
  }
  events.sort((a, b) => a.start - b.start || a.end - b.end);
  return events;
}
