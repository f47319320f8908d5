// Definite descriptions on GUM's coreference annotation, for the coreference bench: every gold
// mention "the <modifiers> <kind noun>" (a role, body or state noun of graph-data's kind-noun list)
// whose entity was mentioned before, and whether the actor the coreference stage gives it is the
// one a gold mention of that entity names earlier. Beside it, measured on the same mentions: the
// most recent actor of the noun's kind (recency alone).
import { sentencesOf } from '../../server/extract/pipeline.ts';
import { findActors } from '../../server/extract/actors/index.ts';
import { kindNouns } from '../../server/extract/coreference/kinds.ts';
import type { Mention } from '../../server/extract/types.ts';
import type { GumDocument, GumMention } from './gum-coref.ts';

export interface DescriptionTally {
  descriptions: number;
  resolved: number;
  right: number;
  recencyRight: number;
  /** Recency alone, on the descriptions the stage resolved. */
  recencyRightResolved: number;
}

/** The kind the head noun of a gold mention's text asks for, or null for no description. */
function describedKind(text: string): 'person' | 'organization' | 'state' | null {
  const words = text.split(/\s+/);
  if (words[0]!.toLowerCase() !== 'the') return null;
  const rest = words.slice(1);
  const stop = rest.findIndex((w) => /^(?:of|who|that|which|in|for|to|at|on|with|,)$/i.test(w));
  const pre = stop < 0 ? rest : rest.slice(0, stop);
  if (pre.length === 0 || pre.slice(0, -1).some((w) => w !== w.toLowerCase())) return null;
  const head = pre.at(-1)!.toLowerCase();
  const nouns = kindNouns();
  if (nouns.person.has(head)) return 'person';
  // "the Union", "the Group": a capitalised body or state noun is a name.
  if (pre.at(-1) !== head) return null;
  if (nouns.organization.has(head)) return 'organization';
  if (nouns.state.has(head)) return 'state';
  return null;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/** Adds one document's anaphoric descriptions to the tally. */
export function scoreDescriptions(doc: GumDocument, tally: DescriptionTally): void {
  const seen = new Set<string>();
  const anaphoric: { m: GumMention; kind: 'person' | 'organization' | 'state' }[] = [];
  for (const m of doc.mentions) {
    const kind = describedKind(doc.text.slice(m.start, m.end));
    if (kind && seen.has(m.entity)) anaphoric.push({ m, kind });
    seen.add(m.entity);
  }
  if (anaphoric.length === 0) return;
  const sentences = sentencesOf(doc.text);
  const analysis = findActors(doc.text, sentences, null);
  const named = analysis.mentions.filter(
    (x) => x.via !== 'pronoun' && x.via !== 'role' && !x.attributive && !x.place,
  );
  /** True when `actor` has a named mention over an earlier gold mention of `entity`. */
  const namesEntity = (actor: string, entity: string, before: number): boolean =>
    doc.mentions.some(
      (g) =>
        g.entity === entity &&
        g.end <= before &&
        named.some((x) => x.actor === actor && overlaps(x, g)),
    );
  for (const { m, kind } of anaphoric) {
    tally.descriptions++;
    const ours: Mention | undefined = analysis.mentions.find(
      (x) => (x.via === 'role' || x.via === 'demonym') && !x.attributive && overlaps(x, m),
    );
    if (ours) {
      tally.resolved++;
      if (namesEntity(ours.actor, m.entity, m.start)) tally.right++;
    }
    const sentence = sentences.find((s) => s.start <= m.start && m.start <= s.end)?.index ?? 0;
    const recent = named
      .filter(
        (x) =>
          x.end <= m.start &&
          x.sentence >= sentence - 3 &&
          analysis.actors.get(x.actor)?.kind === kind,
      )
      .at(-1);
    if (recent && namesEntity(recent.actor, m.entity, m.start)) {
      tally.recencyRight++;
      if (ours) tally.recencyRightResolved++;
    }
  }
}
