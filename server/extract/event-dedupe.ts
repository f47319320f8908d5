// Merging an article's raw events: reciprocal acts take the direction of a directed event, and
// events within one side, by reporters, or with the press are dropped; repeats keep the best.
import { ploverInfo } from '../model/index.ts';
import { isNewsMedia } from './event-media.ts';
import type { Raw } from './event-raw.ts';
import { isReporter } from './event-reporter.ts';
import { addAttributiveState, sameSide } from './event-sides.ts';
import type { ActorAnalysis } from './types.ts';

/**
 * One raw event per (source, target, type), or per unordered pair for reciprocal acts: the most
 * confident, in order of first appearance. May add attributive states to the analysis.
 */
export function mergeRaws(all: Raw[], analysis: ActorAnalysis): Raw[] {
  // A reciprocal act takes the direction of a directed event between the same two actors.
  const directed = new Set(
    all.filter((r) => r.source && !r.symmetric).map((r) => `${r.source!.actor}|${r.target.actor}`),
  );
  for (const r of all) {
    if (!r.symmetric || !r.source) continue;
    const fwd = `${r.source.actor}|${r.target.actor}`;
    const back = `${r.target.actor}|${r.source.actor}`;
    if (!directed.has(fwd) && directed.has(back)) [r.source, r.target] = [r.target, r.source];
  }
  const best = new Map<string, Raw>();
  const order: string[] = [];
  for (const r of all) {
    if (!r.source) continue;
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
    if (r.type === 'CONSULT' && isNewsMedia(analysis.actors.get(t))) continue;
    const key = r.symmetric ? `${[s, t].sort().join('|')}|${r.type}` : `${s}|${t}|${r.type}`;
    const prev = best.get(key);
    if (!prev) order.push(key);
    if (!prev || r.confidence > prev.confidence) best.set(key, r);
  }
  return order.map((key) => best.get(key)!);
}
