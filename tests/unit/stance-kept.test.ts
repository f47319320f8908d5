// Stance replies kept per direction until a document mentioning that direction's source comes or
// goes: after each add or remove they equal the stance a fresh build gives, in both directions
// and under date filters.
import { describe, expect, it } from 'vitest';
import { buildGraph, stance } from '../../server/graph/index.ts';
import { bundleOf, type EventTuple } from './analytics-fixtures.ts';

describe('kept stance', () => {
  const batches: EventTuple[][] = [
    [
      ['lusaka', 'harare', 'CONSULT', '2023-04-02'],
      ['harare', 'lusaka', 'ACCUSE', '2023-05-11'],
    ],
    // Only the first actor's side: a new event from lusaka to harare.
    [['lusaka', 'harare', 'THREATEN', '2024-01-20']],
    // Only harare's side, with a third party that mentions harare and not lusaka.
    [
      ['harare', 'lusaka', 'AGREE', '2024-03-08'],
      ['harare', 'gaborone', 'SUPPORT', '2024-03-09'],
    ],
    // A document about neither, which moves the graph's version on.
    [['windhoek', 'gaborone', 'CONSULT', '2024-06-30']],
  ];
  const docs = batches.map((events) => bundleOf(events).extraction);
  const filters = [{}, { from: '2024-01-01' }, { to: '2023-12-31' }];
  const both = (g: ReturnType<typeof buildGraph>) =>
    filters.flatMap((f) => [stance(g, 'lusaka', 'harare', f), stance(g, 'harare', 'lusaka', f)]);

  it('follows every add and remove in both directions', () => {
    const live = buildGraph([docs[0]!]);
    const present = [docs[0]!];
    expect(both(live)).toEqual(both(buildGraph(present)));
    for (const d of docs.slice(1)) {
      live.addDocument(d);
      present.push(d);
      expect(both(live)).toEqual(both(buildGraph(present)));
    }
    expect(stance(live, 'lusaka', 'harare').forward.eventCount).toBe(2);
    expect(stance(live, 'lusaka', 'harare').backward.eventCount).toBe(2);
    expect(stance(live, 'lusaka', 'harare', { from: '2024-01-01' }).eventCount).toBe(2);
    for (const d of [docs[1]!, docs[0]!]) {
      live.removeDocument(d.document.id);
      present.splice(present.indexOf(d), 1);
      expect(both(live)).toEqual(both(buildGraph(present)));
    }
    expect(stance(live, 'harare', 'lusaka').forward.byType).toEqual({ AGREE: 1 });
  });

  it('answers the same again without changes', () => {
    const g = buildGraph(docs);
    const first = stance(g, 'harare', 'lusaka', { from: '2023-01-01' });
    expect(stance(g, 'harare', 'lusaka', { from: '2023-01-01' })).toEqual(first);
    expect(first.forward.timeline.map((p) => p.month)).toEqual(['2023-05', '2024-03']);
  });
});
