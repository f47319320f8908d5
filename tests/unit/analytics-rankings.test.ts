// Rankings, blocs, alignment and timelines over hand-built graphs with answers known by hand.
import { describe, expect, it } from 'vitest';
import {
  alignedPairs,
  alignmentBlocs,
  buildGraph,
  isCached,
  isComputing,
  isoWeek,
  rankActors,
  rankingKey,
  timeline,
  UnknownActorError,
} from '../../server/graph/index.ts';
import { bundleOf, clique, graphOf, type EventTuple } from './analytics-fixtures.ts';

// Five spokes act toward one hub; the hub answers one of them.
const star: EventTuple[] = [
  ['spoke-a', 'hub', 'CONSULT'],
  ['spoke-b', 'hub', 'REQUEST'],
  ['spoke-c', 'hub', 'ACCUSE'],
  ['spoke-d', 'hub', 'AGREE'],
  ['spoke-e', 'hub', 'SUPPORT'],
  ['spoke-e', 'hub', 'AID'],
  ['hub', 'spoke-a', 'CONSULT'],
];

describe('rankActors', async () => {
  it('ranks the hub first by PageRank, with values summing to 1', async () => {
    const g = graphOf(star);
    const r = await rankActors(g, 'pagerank', { limit: 100 });
    expect(r.items[0]!.id).toBe('hub');
    expect(r.total).toBe(6);
    const sum = r.items.reduce((s, i) => s + i.value, 0);
    expect(sum).toBeCloseTo(1, 9);
    // spoke-a is the only one the hub acts toward, so it outranks the other spokes.
    expect(r.items[1]!.id).toBe('spoke-a');
  });

  it('counts partners (degree) and events (weighted degree)', async () => {
    const g = graphOf(star);
    const degree = await rankActors(g, 'degree', {});
    expect(degree.items[0]).toMatchObject({ rank: 1, id: 'hub', value: 5 });
    expect(degree.items.slice(1).every((i) => i.value === 1)).toBe(true);
    // Equal values share a rank.
    expect(degree.items.slice(1).map((i) => i.rank)).toEqual([2, 2, 2, 2, 2]);
    const weighted = await rankActors(g, 'weighted-degree', {});
    expect(weighted.items[0]).toMatchObject({ id: 'hub', value: 7 });
    expect(weighted.items.find((i) => i.id === 'spoke-e')!.value).toBe(2);
    expect(weighted.items.find((i) => i.id === 'spoke-a')!.value).toBe(2);
  });

  it('gives betweenness 1 to the centre of a star and 0 to its leaves', async () => {
    const r = await rankActors(graphOf(star), 'betweenness', {});
    expect(r.exact).toBe(true);
    expect(r.items[0]).toMatchObject({ id: 'hub' });
    expect(r.items[0]!.value).toBeCloseTo(1, 12);
    expect(r.items.slice(1).every((i) => i.value === 0)).toBe(true);
    // On a line a - b - c, b lies on the one path between a and c.
    const line = await rankActors(
      graphOf([
        ['line-a', 'line-b', 'AGREE'],
        ['line-b', 'line-c', 'AGREE'],
      ]),
      'betweenness',
      {},
    );
    expect(line.items.map((i) => [i.id, i.value])).toEqual([
      ['line-b', 1],
      ['line-a', 0],
      ['line-c', 0],
    ]);
  });

  it('ranks over the filtered graph only', async () => {
    const g = graphOf(star);
    const hostile = await rankActors(g, 'weighted-degree', { filter: { polarities: ['hostile'] } });
    expect(hostile.items.map((i) => i.id).sort()).toEqual(['hub', 'spoke-c']);
    const none = await rankActors(g, 'pagerank', { filter: { from: '2030' } });
    expect(none).toMatchObject({ total: 0, items: [] });
  });

  it('computes once per graph version and again after the graph changes', async () => {
    const g = buildGraph([bundleOf(star).extraction]);
    const key = rankingKey('pagerank', {});
    expect(isCached(g, key)).toBe(false);
    const first = await rankActors(g, 'pagerank', {});
    expect(isCached(g, key)).toBe(true);
    // A cache hit starts no computation and is answered however short the wait.
    const again = rankActors(g, 'pagerank', { wait: { ms: 0, what: 'the ranking' } });
    expect(isComputing(g, key)).toBe(false);
    expect(await again).toEqual(first);
    const before = g.version;
    g.addDocument(
      bundleOf([
        ['newcomer', 'spoke-b', 'AGREE'],
        ['newcomer', 'spoke-c', 'AGREE'],
        ['newcomer', 'spoke-d', 'AGREE'],
      ]).extraction,
    );
    expect(g.version).toBe(before + 1);
    expect(isCached(g, key)).toBe(false);
    const second = await rankActors(g, 'pagerank', {});
    expect(second.total).toBe(first.total + 1);
    expect(second.version).toBe(before + 1);
  });
});

describe('alignmentBlocs', async () => {
  // Two cooperative cliques, joined only by hostile events.
  const west = ['arden', 'bellmar', 'corvel', 'dassen'];
  const east = ['ellor', 'fyrn', 'galdo', 'hestra'];
  const events: EventTuple[] = [
    ...clique(west, 'COOPERATE'),
    ...clique(east, 'AGREE'),
    ['arden', 'ellor', 'ACCUSE'],
    ['fyrn', 'bellmar', 'ASSAULT'],
    ['corvel', 'galdo', 'SANCTION'],
    ['hestra', 'dassen', 'THREATEN'],
  ];

  it('separates the two cliques, with hostile net stance between them', async () => {
    const r = await alignmentBlocs(graphOf(events));
    expect(r.blocs.map((b) => b.members.map((m) => m.id))).toEqual([west, east]);
    expect(r.unaligned).toBe(0);
    expect(r.modularity).toBeGreaterThan(0.3);
    expect(r.between).toEqual([{ a: 0, b: 1, events: 4, netScore: -3 - 9 - 6 - 3.5 }]);
    expect(r.blocs[0]!.internalEvents).toBe(6);
    expect(r.blocs[0]!.internalNet).toBeCloseTo(6 * 9.5, 9);
  });

  it('gives the same blocs every time (seeded)', async () => {
    const a = await alignmentBlocs(graphOf(events));
    const b = await alignmentBlocs(graphOf([...events].reverse()));
    expect(b.blocs.map((x) => x.members)).toEqual(a.blocs.map((x) => x.members));
  });

  it('leaves actors with no positive stance out of every bloc', async () => {
    const r = await alignmentBlocs(graphOf([...events, ['loner', 'arden', 'ACCUSE']]));
    expect(r.unaligned).toBe(1);
    expect(r.blocs.flatMap((b) => b.members.map((m) => m.id))).not.toContain('loner');
  });
});

describe('alignedPairs', async () => {
  // quill and rook side alike with everyone; sable does the opposite.
  const events: EventTuple[] = [
    ['quill', 'pax', 'AID'],
    ['quill', 'vex', 'ACCUSE'],
    ['rook', 'pax', 'AGREE'],
    ['rook', 'vex', 'THREATEN'],
    ['sable', 'pax', 'ASSAULT'],
    ['sable', 'vex', 'SUPPORT'],
    ['tarn', 'pax', 'CONSULT'],
  ];
  const g = graphOf(events);

  it('scores pairs by the cosine of their stances toward common third parties', async () => {
    const pairs = await alignedPairs(g, { minCommon: 2, limit: 10 });
    const score = (a: string, b: string) => pairs.find((p) => p.a === a && p.b === b)?.score;
    const expected = (x: number[], y: number[]) =>
      (x[0]! * y[0]! + x[1]! * y[1]!) / (Math.hypot(x[0]!, x[1]!) * Math.hypot(y[0]!, y[1]!));
    expect(score('quill', 'rook')).toBeCloseTo(expected([10, -3], [2.5, -3.5]), 6);
    expect(score('quill', 'sable')).toBeCloseTo(expected([10, -3], [-9, 5]), 6);
    expect(score('quill', 'rook')).toBeGreaterThan(0.7);
    expect(score('quill', 'sable')).toBeLessThan(-0.9);
    // tarn shares only pax with the others: below minCommon.
    expect(pairs.some((p) => p.a === 'tarn' || p.b === 'tarn')).toBe(false);
    expect(pairs[0]).toMatchObject({ a: 'quill', b: 'rook', common: 2 });
    expect((await alignedPairs(g, { minCommon: 1 })).some((p) => p.b === 'tarn')).toBe(true);
  });

  it('lists the most opposed first, and one actor`s pairs on request', async () => {
    const opposed = await alignedPairs(g, { order: 'opposed', limit: 2 });
    expect(opposed).toHaveLength(2);
    expect(opposed.every((p) => p.score < 0)).toBe(true);
    const mine = await alignedPairs(g, { actor: 'sable' });
    expect(mine.map((p) => [p.a, p.b])).toEqual([
      ['rook', 'sable'],
      ['quill', 'sable'],
    ]);
    await expect(alignedPairs(g, { actor: 'atlantis' })).rejects.toThrow(UnknownActorError);
  });
});

describe('timeline', () => {
  const events: EventTuple[] = [
    ['umber', 'vantor', 'AGREE', '2024-01-03'],
    ['vantor', 'umber', 'ACCUSE', '2024-01-29'],
    ['umber', 'wyke', 'ASSAULT', '2024-01-20'],
    ['umber', 'vantor', 'AID', '2024-03-11'],
    ['umber', 'vantor', 'CONSULT', '2024-02'],
    ['umber', 'vantor', 'REJECT', '2024'],
    ['wyke', 'vantor', 'COERCE', '2024-05-01'],
  ];
  const g = graphOf(events);

  it('counts an actor`s events per month by quad class, with the empty months between', () => {
    const t = timeline(g, 'umber');
    expect(t.buckets.map((b) => [b.period, b.eventCount])).toEqual([
      ['2024-01', 3],
      ['2024-02', 1],
      ['2024-03', 1],
    ]);
    expect(t.buckets[0]!.byQuad).toEqual({
      'verbal-cooperation': 1,
      'material-cooperation': 0,
      'verbal-conflict': 1,
      'material-conflict': 1,
    });
    expect(t.buckets[0]!.netScore).toBeCloseTo(2.5 - 3 - 9, 9);
    expect(t.offTimeline).toBe(1);
    expect(t.eventCount).toBe(6);
  });

  it('takes a dyad in both directions, and ISO weeks for day-precise dates', () => {
    const dyad = timeline(g, 'vantor', { partner: 'umber' });
    expect(dyad.eventCount).toBe(5);
    expect(dyad.buckets.map((b) => b.eventCount)).toEqual([2, 1, 1]);
    const weeks = timeline(g, 'umber', { partner: 'vantor', granularity: 'week' });
    expect(weeks.buckets[0]).toMatchObject({
      period: '2024-W01',
      start: '2024-01-01',
      eventCount: 1,
    });
    expect(weeks.buckets.filter((b) => b.eventCount > 0).map((b) => b.period)).toEqual([
      '2024-W01',
      '2024-W05',
      '2024-W11',
    ]);
    expect(weeks.buckets).toHaveLength(11);
    // The month-precise and year-precise events cannot be placed in a week.
    expect(weeks.offTimeline).toBe(2);
    expect(() => timeline(g, 'umber', { partner: 'atlantis' })).toThrow(UnknownActorError);
  });

  it('labels ISO weeks by the year of their Thursday', () => {
    expect(isoWeek('2021-01-03')).toEqual({ period: '2020-W53', start: '2020-12-28' });
    expect(isoWeek('2024-12-30')).toEqual({ period: '2025-W01', start: '2024-12-30' });
  });
});
