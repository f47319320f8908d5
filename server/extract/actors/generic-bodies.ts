// Lower-case generic bodies ("the government", "the army", "parliament", "the ruling party"): the
// article's dominant state, or that state's body when the gazetteer lists one, else nothing.
import type { Scan } from './scan.ts';

/** Prepositions after which a bare "parliament" is where something happens, not the body acting. */
const PLACE_PREPS = new Set(['in', 'at', 'into', 'inside', 'outside', 'near']);

const dominantByCounts = new WeakMap<Map<string, number>, string | null>();

/**
 * The state the article is clearly about, from how often each state is named (demonyms included):
 * at least two mentions and at least twice any other state's. Computed once per article.
 */
export function clearDominantState(counts: Map<string, number>): string | null {
  const cached = dominantByCounts.get(counts);
  if (cached !== undefined) return cached;
  const [top, second] = [...counts].sort((a, b) => b[1] - a[1]);
  const state = !top || top[1] < 2 || (second && top[1] < 2 * second[1]) ? null : top[0];
  dominantByCounts.set(counts, state);
  return state;
}

/** "the army said", "parliament passed": a generic body at `i`, resolved to the dominant state. */
export function genericBody(scan: Scan, i: number): number | null {
  const { words, ctx } = scan;
  const bare = words[i]!.key !== 'the';
  const s = bare ? i : i + 1;
  // Only "parliament" stands without an article ("parliament voted"); "army" alone is generic.
  if (bare && (words[i]!.key !== 'parliament' || PLACE_PREPS.has(words[i - 1]?.key ?? ''))) {
    return null;
  }
  for (let len = Math.min(ctx.gaz.maxGenericWords, words.length - s); len >= 1; len--) {
    const span = words.slice(s, s + len);
    if (span.some((w) => w.cap || w.pos === 'PUNCT')) continue;
    const key = scan.keys.slice(s, s + len).join(' ');
    if (!ctx.gaz.isGenericPhrase(key)) continue;
    if (bare && len > 1) continue;
    const end = s + len;
    const next = words[end];
    // "the army of Sudan" is named by its complement; "the military operation" is an operation.
    if (next && (next.key === 'of' || next.joined || (next.pos === 'NOUN' && !next.cap))) {
      return null;
    }
    const state = clearDominantState(scan.counts);
    const id = state ? ctx.gaz.genericBody(key, state) : null;
    if (!id) return null;
    ctx.addKnown(id);
    ctx.mention(id, scan.start(s), scan.end(end), scan.index, id === state ? 'metonym' : 'alias');
    return end;
  }
  return null;
}
