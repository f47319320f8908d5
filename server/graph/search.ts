// Actor search over names and aliases: case- and accent-insensitive, prefix and typo-tolerant, ranked.
// Names are normalised once, as actors change (name-index.ts); a query normalises only itself and
// scores only the candidates the token index gives for its longest term, never every actor.
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

/** The term whose candidates are fewest, as a guess: the longest (later terms win ties). */
function keyTerm(terms: readonly string[]): string {
  return terms.reduce((best, t) => (t.length >= best.length ? t : best));
}

interface Scored {
  id: string;
  eventCount: number;
  documents: number;
  score: number;
  matched: string;
}

export function searchActors(sg: StanceGraph, query: ActorSearchQuery): ActorSearchResult {
  const q = normalizeName(query.q ?? '');
  const g = sg.graph;
  if (q === '') {
    // Every actor, in the activity ranking kept per graph version: already the order of score 0.
    const ranked = sg.byActivity();
    const kept = query.kinds
      ? ranked.filter((id) => kindAllowed(g.getNodeAttribute(id, 'kind'), query.kinds))
      : ranked;
    return page(sg, kept, query, (id) => ({ score: 0, matched: g.getNodeAttribute(id, 'name') }));
  }
  // Every match has each term as a token prefix (or a typo of one), so the index's candidates for
  // one term hold all the hits; only those are scored.
  const terms = q.split(' ');
  const key = keyTerm(terms);
  const hits: Scored[] = [];
  for (const id of sg.names.candidates(key, key.length >= TYPO_MIN_LENGTH)) {
    const { kind, forms } = sg.names.get(id)!;
    if (!kindAllowed(kind, query.kinds)) continue;
    const { score, matched } = scoreActor(forms, q, terms);
    if (score === 0) continue;
    const a = g.getNodeAttributes(id);
    hits.push({ id, eventCount: a.eventCount, documents: a.documents, score, matched });
  }
  hits.sort(
    (x, y) =>
      y.score - x.score ||
      y.eventCount - x.eventCount ||
      y.documents - x.documents ||
      byCodeUnits(x.id, y.id),
  );
  const found = new Map(hits.map((h) => [h.id, h]));
  return page(
    sg,
    hits.map((h) => h.id),
    query,
    (id) => {
      const { score, matched } = found.get(id)!;
      return { score, matched };
    },
  );
}

/** The page the cursor asks for of actors already in answer order, with their details. */
function page(
  sg: StanceGraph,
  ranked: readonly string[],
  query: ActorSearchQuery,
  how: (id: string) => { score: number; matched: string },
): ActorSearchResult {
  const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor, isOffset).o;
  const items = ranked.slice(offset, offset + query.limit).map((id): ActorHit => {
    const a = sg.graph.getNodeAttributes(id);
    return {
      id,
      name: a.name,
      kind: a.kind,
      country: a.country,
      aliases: a.aliases,
      documents: a.documents,
      eventCount: a.eventCount,
      ...how(id),
    };
  });
  const next = offset + query.limit;
  return {
    items,
    total: ranked.length,
    nextCursor: next < ranked.length ? encodeCursor({ o: next }) : null,
  };
}
