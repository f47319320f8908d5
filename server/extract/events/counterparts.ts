// Counterparts named by their place: "met with officials in Germany, France and Italy", "met trade
// officials and business leaders in charge of commerce in Uganda and Rwanda". A meeting whose
// party is a group of officials with no actor of its own meets the states the phrase places them
// in: officials in a state are that state's.
import type { Frame } from './frames.ts';
import { caseOf } from '../case-words.ts';
import { type Tree } from './tree.ts';
import type { Mention } from '../types.ts';

/** Nouns of people who act for a state or body: their place names whose they are. */
const PERSONNEL = new Set([
  'official',
  'officials',
  'leader',
  'leaders',
  'minister',
  'ministers',
  'diplomat',
  'diplomats',
  'counterpart',
  'counterparts',
  'representative',
  'representatives',
  'authority',
  'authorities',
  'lawmaker',
  'lawmakers',
  'negotiator',
  'negotiators',
  'envoy',
  'envoys',
]);

/** How many tokens after the officials' noun a place may stand. */
const REACH = 20;

/** Gives each targetless meeting with officials the states its phrase places them in. */
export function placedCounterparts(tree: Tree, frames: Frame[]): void {
  for (const f of frames) {
    if (f.type !== 'CONSULT' || f.nominal || f.targets.length > 0 || f.sources.length === 0)
      continue;
    const people = tree.kids[f.at]!.find((k) => {
      const t = tree.tokens[k]!;
      return /^(?:obj|obl)$/.test(t.deprel) && PERSONNEL.has(t.lemma);
    });
    if (people === undefined) continue;
    const own = new Set(f.sources.map((m) => m.actor));
    const found: Mention[] = [];
    const end = Math.min(tree.hi[f.at]!, people + REACH);
    for (let k = people + 1; k <= end; k++) {
      const at = tree.placeAt[k]!;
      const named = tree.at[k]!;
      const place = at >= 0 ? tree.places[at]! : named >= 0 ? tree.mentions[named]! : null;
      if (!place) continue;
      // Only a place phrase ("in X", "from X") or a conjunct of one.
      let node = k;
      while (tree.tokens[node]!.deprel === 'conj' && tree.tokens[node]!.head > people)
        node = tree.tokens[node]!.head;
      if (!['in', 'from'].includes(caseOf(tree.tokens, node))) continue;
      if (own.has(place.actor) || found.some((m) => m.actor === place.actor)) continue;
      found.push(place);
    }
    if (found.length > 0) f.targets = found;
  }
}
