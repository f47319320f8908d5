// Actor search over names and aliases: case- and accent-insensitive, prefix and typo-tolerant, ranked.
// Names are normalised once, as actors change (name-index.ts); a query normalises only itself.
import type { ActorKind } from '../model/index.ts';
import { byCodeUnits } from './contributions.ts';
import { decodeCursor, encodeCursor, isOffset } from './cursor.ts';
import { kindAllowed } from './event-filter.ts';
import type { NameForm } from './name-index.ts';
import type { StanceGraph } from './stance-graph.ts';
import { normalizeName, withinOneEdit } from './text-match.ts';

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
function matchScore(name: NameForm, query: string, terms: readonly string[]): number {
  if (name.normalized === query) return 100;
  if (name.normalized.startsWith(query)) return 80;
  const tokens = name.tokens;
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
  if (withinOneEdit(term, token)) return true;
  if (token.length <= term.length) return false;
  return withinOneEdit(term, token, term.length) || withinOneEdit(term, token, term.length + 1);
}

/** The best-matching form of an actor; score 0 when none matches. */
function scoreActor(forms: readonly NameForm[], query: string, terms: string[]) {
  let best = { score: 0, matched: forms[0]!.text };
  for (const f of forms) {
    const s = matchScore(f, query, terms);
    if (s > 0 && s - f.penalty > best.score) best = { score: s - f.penalty, matched: f.text };
  }
  return best;
}

export function searchActors(sg: StanceGraph, query: ActorSearchQuery): ActorSearchResult {
  const q = normalizeName(query.q ?? '');
  const terms = q === '' ? [] : q.split(' ');
  const hits: ActorHit[] = [];
  const g = sg.graph;
  for (const [id, { kind, forms }] of sg.names.entriesOf()) {
    if (!kindAllowed(kind, query.kinds)) continue;
    const { score, matched } =
      q === '' ? { score: 0, matched: forms[0]!.text } : scoreActor(forms, q, terms);
    if (q !== '' && score === 0) continue;
    const a = g.getNodeAttributes(id);
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
  }
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
