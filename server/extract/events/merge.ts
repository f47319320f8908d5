// Merging an article's raw events into FoundEvents: reciprocal acts take the direction of a directed
// event, events within one side, by reporters or with the press are dropped, repeats keep the most
// confident, and each event gets the date its clause (else its sentence) states.
import { ploverInfo } from '../../model/index.ts';
import { resolveDate } from '../dates/index.ts';
import type { ActorAnalysis, FoundEvent, Mention, Sentence } from '../types.ts';
import { isNewsMedia, isReporter } from './press.ts';
import { addAttributiveState, sameSide } from './sides.ts';

/** An event of one sentence before merging: its sides are still mentions, and it has no date yet. */
export type Raw = Omit<FoundEvent, 'source' | 'target' | 'date' | 'datePrecision'> & {
  source: Mention;
  target: Mention;
  symmetric: boolean;
};

/** One raw event per (source, target, type), or per unordered pair for reciprocal acts. */
export function mergeRaws(all: Raw[], analysis: ActorAnalysis): Raw[] {
  const directed = new Set(
    all.filter((r) => !r.symmetric).map((r) => `${r.source.actor}|${r.target.actor}`),
  );
  for (const r of all) {
    if (!r.symmetric) continue;
    const fwd = `${r.source.actor}|${r.target.actor}`;
    const back = `${r.target.actor}|${r.source.actor}`;
    if (!directed.has(fwd) && directed.has(back)) [r.source, r.target] = [r.target, r.source];
  }
  const best = new Map<string, Raw>();
  const order: string[] = [];
  for (const r of all) {
    const s = r.source.actor;
    const t = r.target.actor;
    if (sameSide(analysis, s, t)) continue;
    // A reporter relays others' words; their own verbal stance is never the article's content.
    if (ploverInfo(r.type).quad.startsWith('verbal') && isReporter(analysis, s)) continue;
    if (!analysis.actors.has(t) && (r.target.attributive || r.target.place))
      addAttributiveState(analysis, t);
    if (!analysis.actors.has(s) && r.source.attributive) addAttributiveState(analysis, s);
    if (!analysis.actors.has(s) || !analysis.actors.has(t)) continue;
    // "told Reuters", "in an interview with CNN": talking to the press is not a stance.
    if (isNewsMedia(analysis.actors.get(t)) && r.type === 'CONSULT') continue;
    const key = r.symmetric ? `${[s, t].sort().join('|')}|${r.type}` : `${s}|${t}|${r.type}`;
    const prev = best.get(key);
    if (!prev) order.push(key);
    if (!prev || r.confidence > prev.confidence) best.set(key, r);
  }
  return order.map((key) => best.get(key)!);
}

/** FoundEvents from merged raws, dated, in order of their evidence in the article. */
export function buildEvents(
  merged: Raw[],
  text: string,
  sentences: Sentence[],
  published: string | null,
): FoundEvent[] {
  const byIndex = new Map(sentences.map((x) => [x.index, x]));
  const events: FoundEvent[] = merged.map((r) => {
    const sentence = byIndex.get(r.sentence)!;
    const d = resolveDate(
      text,
      published,
      { start: r.start, end: r.end },
      { start: sentence.start, end: sentence.end },
    );
    return {
      source: r.source.actor,
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
    };
  });
  events.sort((a, b) => a.start - b.start || a.end - b.end);
  return events;
}
