// Event words that are part of what a verb's own event acts on: in "handed over their weapons to
// Y", "rejected the deal with Y" or "imposed a levy on gas sold to Y" the verb says what was done
// with the weapons, the deal or the goods. The noun's own reading (arms as AID, a deal as AGREE)
// or a participle describing the goods ("sold to Y" as trade) between the same two parties is not
// a second act, so the verb's type alone stands.
import type { Frame } from './frames.ts';
import type { Tree } from './tree.ts';

/** Relations by which a phrase is what its verb acts on or with. */
const ARGUMENT = new Set(['obj', 'obl', 'nsubj:pass']);
/** Relations of a participle that describes its noun or the verb's object ("gas sold to Y"). */
const DESCRIBING = new Set(['acl', 'xcomp']);

function pairs(f: Frame): Set<string> {
  const out = new Set<string>();
  for (const s of f.sources) for (const t of f.targets) out.add(`${s.actor}|${t.actor}`);
  return out;
}

/**
 * The verbs whose argument the frame's word is part of: the head of an event noun that is an
 * argument, or, for a past participle describing a noun or the object, its head and the verb of
 * the argument phrase it sits in (a few levels up).
 */
function hosts(tree: Tree, f: Frame): number[] {
  const t = tree.tokens[f.at]!;
  if (t.head < 0) return [];
  if (f.nominal) return ARGUMENT.has(t.deprel) ? [t.head] : [];
  // A past participle with no subject of its own; an infinitive is a controlled act, not this.
  if (!DESCRIBING.has(t.deprel) || (t.xpos !== 'VBN' && t.xpos !== 'VBD')) return [];
  if (tree.kids[f.at]!.some((k) => tree.tokens[k]!.deprel.startsWith('nsubj'))) return [];
  const out = [t.head];
  for (let x = t.head, n = 0; x >= 0 && n < 4; n++) {
    const u = tree.tokens[x]!;
    if (u.head < 0) break;
    if (ARGUMENT.has(u.deprel)) {
      out.push(u.head);
      break;
    }
    x = u.head;
  }
  return out;
}

/**
 * Removes (in place) each event noun or describing participle that is part of a verbal frame's
 * argument, when that verbal frame has another type and links one of the same (source, target)
 * pairs.
 */
export function dropShadowedNominals(tree: Tree, frames: Frame[]): void {
  const verbal = new Map<number, Frame[]>();
  for (const f of frames)
    if (!f.nominal && f.targets.length > 0) verbal.set(f.at, [...(verbal.get(f.at) ?? []), f]);
  if (verbal.size === 0) return;
  for (let n = frames.length - 1; n >= 0; n--) {
    const f = frames[n]!;
    const own = pairs(f);
    if (own.size === 0) continue;
    const shadowed = hosts(tree, f).some((h) =>
      (verbal.get(h) ?? []).some(
        (v) => v !== f && v.type !== f.type && [...pairs(v)].some((p) => own.has(p)),
      ),
    );
    if (shadowed) frames.splice(n, 1);
  }
}
