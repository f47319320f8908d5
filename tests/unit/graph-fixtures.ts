// The three fixture documents (tests/fixtures/extractions) and an order-independent view of a
// stance graph; shared by the graph unit tests and the API suites, not a test file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StanceGraph } from '../../server/graph/index.ts';
import { DocumentBundle } from '../../server/model/index.ts';

export type FixtureName = 'one' | 'two' | 'three';

export function fixtureBundle(name: FixtureName): DocumentBundle {
  const file = fileURLToPath(new URL(`../fixtures/extractions/${name}.json`, import.meta.url));
  return DocumentBundle.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** A pair tally as plain data: its stance and its counts by type. */
function plainPair(p: { stance: object; types: object } | undefined) {
  return p && { stance: { ...p.stance }, types: { ...p.types } };
}

/**
 * The graph's content independent of insertion order, with every index the queries read: dyads and
 * their type counts, affiliations by actor, counts, the activity ranking and the search index.
 */
export function canonicalGraph(g: StanceGraph) {
  const data = g.export();
  const byKey = (a: { key?: string }, b: { key?: string }) => (a.key! < b.key! ? -1 : 1);
  const ids = data.nodes.map((n) => n.key).sort();
  return {
    nodes: [...data.nodes].sort(byKey),
    edges: [...data.edges].sort(byKey),
    dyads: g.dyads(),
    // Copies: the graph updates its tallies in place.
    pairTypes: structuredClone(
      ids.flatMap((id) =>
        [...g.pairsFrom(id)]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([target, p]) => [id, target, plainPair(p), plainPair(g.pairsTo(target).get(id))]),
      ),
    ),
    affiliations: ids.map((id) => [
      id,
      [...g.affiliationsOf(id)].sort(),
      [...g.affiliationsTo(id)].sort(),
    ]),
    counts: g.counts(),
    // Each actor's documents in ingest order, as the actor query pages them.
    documents: ids.map((id) => [id, g.documentsOf(id)]),
    byActivity: g.byActivity(),
    names: [...g.names.entriesOf()].sort(([a], [b]) => (a < b ? -1 : 1)),
    nameTokens: g.names.snapshot(),
  };
}

/**
 * The program names sigma registers by default, read from sigma itself. sigma's program modules
 * touch WebGL constants when loaded, so a stand-in is installed for the import and removed after.
 */
export async function sigmaDefaultPrograms(): Promise<{ edges: string[]; nodes: string[] }> {
  const g = globalThis as Record<string, unknown>;
  const names = ['WebGLRenderingContext', 'WebGL2RenderingContext'].filter((n) => !(n in g));
  let next = 0x1400;
  const constants = new Proxy({}, { get: (_t, k) => (typeof k === 'string' ? next++ : undefined) });
  for (const n of names) g[n] = constants;
  try {
    const settings = await import('sigma/settings');
    return {
      edges: Object.keys(settings.DEFAULT_EDGE_PROGRAM_CLASSES),
      nodes: Object.keys(settings.DEFAULT_NODE_PROGRAM_CLASSES),
    };
  } finally {
    for (const n of names) delete g[n];
  }
}
