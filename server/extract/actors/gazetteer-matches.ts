// Gazetteer mentions in a sentence: the entry a matched phrase denotes (state, organization,
// person), named organizations that outrun it, and the article-wide counts that license aliases.
import type { Gazetteer, PhraseEntry } from '../gazetteer.ts';
import { keysOf, type Word } from './words.ts';
import { parseOrg } from './orgs.ts';
import { noteKnownRoles } from './role-references.ts';
import { type Scan, viaOf } from './scan.ts';
import { ambiguousOk } from './places.ts';
import { stateAt } from './states.ts';
import type { SharedChoice } from './roles.ts';
import { acronymDefinition, rememberShortName } from './bodies.ts';

/**
 * Prefers states, then organizations, then persons among entries of one phrase; among national
 * bodies sharing a phrase ("Communist Party"), the one of the state that qualifies it ("Vietnam's
 * Communist Party"), else of the state named last before it in the sentence ("Vietnam's leader, the
 * Communist Party's ..."), else of the state named most in the sentence, else in the article.
 */
function pick(entries: PhraseEntry[], scan: Scan, qualifier: string | null): PhraseEntry {
  if (entries.length === 1) return entries[0]!;
  const inSentence = sentenceStateCounts(scan);
  const before = stateBefore(scan);
  const weight = (e: PhraseEntry): number => {
    const country = scan.ctx.gaz.byId(e.id)?.country ?? '';
    if (country === qualifier) return 1e7;
    if (country === before) return 1e6;
    return (inSentence.get(country) ?? 0) * 1e3 + (scan.counts.get(country) ?? 0);
  };
  return [...entries].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || weight(b) - weight(a),
  )[0]!;
}

/** States first, then organizations, then persons. */
const KIND_ORDER = { state: 0, organization: 1, person: 2 } as const;

/** The state of the latest state mention earlier in the scanned sentence, demonyms included. */
function stateBefore(scan: Scan): string | null {
  const { ctx } = scan;
  for (let k = ctx.mentions.length - 1; k >= 0; k--) {
    const m = ctx.mentions[k]!;
    if (m.sentence !== scan.index) break;
    if ((ctx.actors.get(m.actor) ?? ctx.gaz.byId(m.actor))?.kind === 'state') return m.actor;
  }
  return null;
}

/** Adds the unambiguous gazetteer actors of a sentence to `ids` and counts its states. */
function countNamed(words: Word[], gaz: Gazetteer, ids: Set<string>, counts: Map<string, number>) {
  const { keys, surfs } = keysOf(words);
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.cap) continue;
    const m = gaz.matchAt(keys, surfs, i);
    if (!m) continue;
    for (const e of m.entries) {
      if (e.ambiguous) continue;
      if (e.via !== 'demonym') ids.add(e.id);
      if (e.kind === 'state') counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
    }
    i = m.end - 1;
  }
}

const sentenceCounts = new WeakMap<Word[], Map<string, number>>();

/** How often each state is named in the scanned sentence, demonyms included. */
function sentenceStateCounts(scan: Scan): Map<string, number> {
  let counts = sentenceCounts.get(scan.words);
  if (!counts) {
    counts = new Map();
    countNamed(scan.words, scan.ctx.gaz, new Set(), counts);
    sentenceCounts.set(scan.words, counts);
  }
  return counts;
}

/**
 * Unambiguous gazetteer actors anywhere in the article (they license ambiguous aliases), and how
 * often each state is named, demonyms included (it picks among national bodies' shared aliases).
 */
export function unambiguousIds(
  all: Word[][],
  gaz: Gazetteer,
): { ids: Set<string>; counts: Map<string, number> } {
  const ids = new Set<string>();
  const counts = new Map<string, number>();
  for (const words of all) {
    // Each sentence's own counts are kept for `sentenceStateCounts`, then added to the article's.
    const own = new Map<string, number>();
    countNamed(words, gaz, ids, own);
    sentenceCounts.set(words, own);
    for (const [id, n] of own) counts.set(id, (counts.get(id) ?? 0) + n);
  }
  return { ids, counts };
}

/**
 * The national body a shared alias names in a title's qualifier ("the Communist Party's General
 * Secretary"), chosen as for a mention: it needs its state in the article.
 */
export function sharedBodyChoice(scan: Scan): SharedChoice {
  return (entries, i, end) => {
    const usable = entries.filter(
      (e) =>
        e.kind === 'organization' &&
        e.ambiguous &&
        ambiguousOk(scan.words, i, end, e, scan.ctx, scan.known, scan.counts),
    );
    if (usable.length === 0) return null;
    const q = scan.qualifier && scan.qualifier.at === i ? scan.qualifier.id : null;
    return pick(usable, scan, q);
  };
}

export function gazetteerOrOrg(scan: Scan, i: number): number | null {
  const { words, ctx } = scan;
  const w = words[i]!;
  if (!w.cap && !/^\d/.test(w.text)) return null;
  const m = ctx.gaz.matchAt(scan.keys, scan.surfs, i);
  const qualifier = scan.qualifier && scan.qualifier.at === i ? scan.qualifier.id : null;
  const org = parseOrg(words, i, ctx, qualifier);
  if (org && (!m || org.end > m.end)) {
    const id = org.actor.id;
    if (!ctx.gaz.byId(id)) ctx.registerPatternOrg(org.actor);
    if (org.short) rememberShortName(scan, org.short, id);
    ctx.addKnown(id);
    ctx.mention(id, scan.start(i), scan.end(org.end), scan.index, 'name');
    return acronymDefinition(scan, org.end, id);
  }
  if (!m) return null;
  const usable = m.entries.filter(
    (e) => !e.ambiguous || ambiguousOk(words, i, m.end, e, ctx, scan.known, scan.counts),
  );
  if (usable.length === 0) return null;
  const entry = pick(usable, scan, qualifier);
  if (entry.kind === 'person') {
    ctx.addKnown(entry.id);
    noteKnownRoles(ctx, entry.id);
    ctx.mention(entry.id, scan.start(i), scan.end(m.end), scan.index, viaOf(entry));
    return m.end;
  }
  if (entry.kind === 'organization') {
    // "the Chinese coast guard" in lower case is the state's generic force, so the state.
    const known = ctx.gaz.byId(entry.id);
    if (known?.category === 'military' && known.country && !words[m.end - 1]!.cap) {
      ctx.addKnown(known.country);
      ctx.mention(known.country, scan.start(i), scan.end(m.end), scan.index, 'demonym', false);
      return m.end;
    }
    ctx.addKnown(entry.id);
    ctx.mention(entry.id, scan.start(i), scan.end(m.end), scan.index, viaOf(entry));
    return acronymDefinition(scan, m.end, entry.id);
  }
  return stateAt(scan, i, m.end, entry);
}
