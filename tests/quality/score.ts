// Scores an extraction against a reference annotation in the guidelines' format (names, not ids):
// actor precision/recall, relation detection by (source, target), and event-type accuracy.
import type { Extraction } from '../../server/model/index.ts';

export interface GoldActor {
  name: string;
  kind: string;
  aliases: string[];
  country: string | null;
}
export interface GoldRelation {
  source: string;
  target: string;
  event: string;
  reciprocal?: boolean;
}
export interface GoldAnnotation {
  actors: GoldActor[];
  relations: GoldRelation[];
}

export interface Score {
  actors: { precision: number; recall: number; f1: number; missed: string[]; extra: string[] };
  relations: { precision: number; recall: number; f1: number; missed: string[]; extra: string[] };
  typeAccuracy: number;
  typeMisses: string[];
}

const fold = (s: string) =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").toLowerCase().trim();

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Maps each gold actor name to the id of the extracted actor it corresponds to, if any. */
function alignActors(gold: GoldActor[], extraction: Extraction): Map<string, string> {
  const byForm = new Map<string, string>();
  for (const a of extraction.actors) {
    byForm.set(fold(a.name), a.id);
    byForm.set(fold(a.id.replace(/-/g, ' ')), a.id);
  }
  const aligned = new Map<string, string>();
  const used = new Set<string>();
  for (const g of gold) {
    const forms = [g.name, ...g.aliases].map(fold);
    const hit = forms.map((f) => byForm.get(f)).find((id) => id && !used.has(id));
    if (hit) {
      aligned.set(g.name, hit);
      used.add(hit);
    }
  }
  // Second pass: an extracted actor whose surface forms include a gold alias.
  for (const g of gold) {
    if (aligned.has(g.name)) continue;
    const forms = new Set([g.name, ...g.aliases].map(fold));
    const hit = extraction.actors.find(
      (a) => !used.has(a.id) && a.aliases.some((alias) => forms.has(fold(alias))),
    );
    if (hit) {
      aligned.set(g.name, hit.id);
      used.add(hit.id);
    }
  }
  return aligned;
}

export function scoreExtraction(gold: GoldAnnotation, extraction: Extraction): Score {
  const aligned = alignActors(gold.actors, extraction);
  const matchedIds = new Set(aligned.values());
  const actorP = extraction.actors.length ? matchedIds.size / extraction.actors.length : 0;
  const actorR = gold.actors.length ? aligned.size / gold.actors.length : 0;

  const ours = new Map<string, Set<string>>();
  for (const e of extraction.events) {
    const key = `${e.source}>${e.target}`;
    if (!ours.has(key)) ours.set(key, new Set());
    ours.get(key)!.add(e.type);
  }
  const goldPairs = new Map<string, GoldRelation>();
  for (const r of gold.relations) goldPairs.set(`${r.source}>${r.target}`, r);

  const matchedOurs = new Set<string>();
  let matchedGold = 0;
  let typeRight = 0;
  const missed: string[] = [];
  const typeMisses: string[] = [];
  for (const [key, r] of goldPairs) {
    const s = aligned.get(r.source);
    const t = aligned.get(r.target);
    const forward = s && t ? `${s}>${t}` : null;
    const backward = s && t ? `${t}>${s}` : null;
    const hit =
      forward && ours.has(forward)
        ? forward
        : r.reciprocal && backward && ours.has(backward)
          ? backward
          : null;
    if (!hit) {
      missed.push(`${key} ${r.event}`);
      continue;
    }
    matchedGold++;
    matchedOurs.add(hit);
    const types = gold.relations
      .filter((g) => `${g.source}>${g.target}` === key)
      .map((g) => g.event);
    if (types.some((t2) => ours.get(hit)!.has(t2))) typeRight++;
    else typeMisses.push(`${key}: gold ${types.join('/')} got ${[...ours.get(hit)!].join('/')}`);
  }
  const relP = ours.size ? matchedOurs.size / ours.size : 0;
  const relR = goldPairs.size ? matchedGold / goldPairs.size : 0;
  const goldNameOf = new Map([...aligned].map(([name, id]) => [id, name]));
  return {
    actors: {
      precision: actorP,
      recall: actorR,
      f1: f1(actorP, actorR),
      missed: gold.actors.filter((g) => !aligned.has(g.name)).map((g) => g.name),
      extra: extraction.actors.filter((a) => !matchedIds.has(a.id)).map((a) => a.id),
    },
    relations: {
      precision: relP,
      recall: relR,
      f1: f1(relP, relR),
      missed,
      extra: [...ours.keys()]
        .filter((k) => !matchedOurs.has(k))
        .map((k) => {
          const [s, t] = k.split('>');
          return `${goldNameOf.get(s!) ?? s}>${goldNameOf.get(t!) ?? t} ${[...ours.get(k)!].join('/')}`;
        }),
    },
    typeAccuracy: matchedGold ? typeRight / matchedGold : 0,
    typeMisses,
  };
}
