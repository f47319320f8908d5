// Actor search over names and aliases: case- and accent-insensitive, prefix and typo-tolerant, ranked.
import type { ActorKind } from '../model/index.ts';
import { byCodeUnits } from './contributions.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { kindAllowed } from './event-filter.ts';
import type { StanceGraph } from './stance-graph.ts';
import { editDistance, normalizeName } from './text-match.ts';
import type { ActorNodeAttributes } from './types.ts';

export interface ActorSearchQuery {
  q?: string;
  kinds?: readonly ActorKind[];
  limit: number;
  cursor?: string;
}

export interface ActorHit {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
  aliases: string[];
  documents: number;
  eventCount: number;
  /** Higher is better: 100 exact name, down to 25 for a typo in an alias. */
  score: number;
  /** The name or alias that matched best. */
  matched: string;
}

export interface ActorSearchResult {
  items: ActorHit[];
  total: number;
  nextCursor: string | null;
}

/** Typos are forgiven only in terms this long, so short terms ("us", "un") stay precise. */
const TYPO_MIN_LENGTH = 4;

/** How well one normalized name matches the query; 0 when it does not. */
function matchScore(name: string, query: string, terms: readonly string[]): number {
  if (name === query) return 100;
  if (name.startsWith(query)) return 80;
  const tokens = name.split(' ');
  let worst = 60;
  for (const term of terms) {
    let best = 0;
    for (const token of tokens) {
      if (token === term) best = 60;
      else if (token.startsWith(term)) best = Math.max(best, 50);
      else if (term.length >= TYPO_MIN_LENGTH && isTypo(term, token)) best = Math.max(best, 30);
      if (best === 60) break;
    }
    worst = Math.min(worst, best);
    if (worst === 0) return 0;
  }
  return worst;
}

/** One edit away from the token, or from the token's prefix of the same length (typo while typing). */
function isTypo(term: string, token: string): boolean {
  if (editDistance(term, token, 1) <= 1) return true;
  if (token.length <= term.length) return false;
  return (
    editDistance(term, token.slice(0, term.length), 1) <= 1 ||
    editDistance(term, token.slice(0, term.length + 1), 1) <= 1
  );
}

function scoreActor(id: string, a: ActorNodeAttributes, query: string, terms: string[]) {
  let best = { score: 0, matched: a.name };
  const consider = (text: string, penalty: number) => {
    const s = matchScore(normalizeName(text), query, terms);
    if (s > 0 && s - penalty > best.score) best = { score: s - penalty, matched: text };
  };
  consider(a.name, 0);
  for (const alias of a.aliases) consider(alias, 5);
  consider(id.replace(/-/g, ' '), 10);
  return best;
}

function isOffset(v: unknown): v is { o: number } {
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isSafeInteger((v as { o: unknown }).o) &&
    (v as { o: number }).o >= 0
  );
}

export function searchActors(sg: StanceGraph, query: ActorSearchQuery): ActorSearchResult {
  const q = normalizeName(query.q ?? '');
  const terms = q === '' ? [] : q.split(' ');
  const hits: ActorHit[] = [];
  sg.graph.forEachNode((id, a) => {
    if (!kindAllowed(a.kind, query.kinds)) return;
    const { score, matched } =
      q === '' ? { score: 0, matched: a.name } : scoreActor(id, a, q, terms);
    if (q !== '' && score === 0) return;
    hits.push({
      id,
      name: a.name,
      kind: a.kind,
      country: a.country,
      aliases: a.aliases,
      documents: a.documents,
      eventCount: a.eventCount,
      score,
      matched,
    });
  });
  hits.sort(
    (x, y) =>
      y.score - x.score ||
      y.eventCount - x.eventCount ||
      y.documents - x.documents ||
      byCodeUnits(x.id, y.id),
  );
  const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor, isOffset).o;
  const items = hits.slice(offset, offset + query.limit);
  const next = offset + query.limit;
  return {
    items,
    total: hits.length,
    nextCursor: next < hits.length ? encodeCursor({ o: next }) : null,
  };
}
