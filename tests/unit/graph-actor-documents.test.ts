// Each actor's documents as numbers with identities in runs (server/graph/actor-documents.ts)
// against a plain reference (a list of document ids and one identity per document): random adds and
// removals keep the same documents in order, the same identity sequence and shared objects, and an
// add says whether its identity is new among the documents listed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActorDocuments, DocumentNumbers } from '../../server/graph/actor-documents.ts';
import type { ActorIdentity } from '../../server/graph/contributions.ts';

const STATED: ActorIdentity[] = [
  { kind: 'state', name: 'Marrakand', country: null, aliases: ['Marrakand'] },
  { kind: 'state', name: 'Marrakand', country: null, aliases: ['Marrakand', 'the Republic'] },
  { kind: 'state', name: 'Marrakand', country: 'marrakand', aliases: ['Marrakand'] },
];

/** The identities in document order with consecutive repeats given once, as runs hold them. */
function collapsed(list: ActorIdentity[]): ActorIdentity[] {
  return list.filter((x, i) => i === 0 || JSON.stringify(x) !== JSON.stringify(list[i - 1]));
}

describe('actor documents', () => {
  it('any sequence of adds and removes keeps the reference documents and identities', () => {
    const step = fc.oneof(fc.record({ add: fc.nat(2) }), fc.record({ remove: fc.nat(40) }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const numbers = new DocumentNumbers();
        const docs = new ActorDocuments();
        const ref: { id: string; identity: ActorIdentity }[] = [];
        let next = 0;
        for (const s of steps) {
          if ('add' in s) {
            const id = `report-${next++}`;
            // A fresh copy each time: equal identities must still share one stored object.
            docs.add(numbers.of(id), structuredClone(STATED[s.add]!));
            ref.push({ id, identity: STATED[s.add]! });
          } else if (ref.length > 0) {
            const [gone] = ref.splice(s.remove % ref.length, 1);
            expect(docs.remove(numbers.find(gone!.id))).toBe(true);
            numbers.release(gone!.id);
          }
        }
        expect(docs.size).toBe(ref.length);
        expect(docs.page(0, Infinity).map((n) => numbers.id(n))).toEqual(ref.map((r) => r.id));
        const ids = docs.identities();
        expect(collapsed([...ids])).toEqual(collapsed(ref.map((r) => r.identity)));
        // Equal identities are one object.
        expect(new Set(ids).size).toBe(new Set(ids.map((i) => JSON.stringify(i))).size);
      }),
      { numRuns: 300 },
    );
  });

  it('says whether an added document states an identity no listed document states', () => {
    const step = fc.oneof(fc.record({ add: fc.nat(2) }), fc.record({ remove: fc.nat(40) }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const numbers = new DocumentNumbers();
        const docs = new ActorDocuments();
        const ref: { id: string; stated: number }[] = [];
        let next = 0;
        for (const s of steps) {
          if ('add' in s) {
            const id = `dispatch-${next++}`;
            const known = ref.some((r) => r.stated === s.add);
            expect(docs.add(numbers.of(id), structuredClone(STATED[s.add]!))).toBe(!known);
            ref.push({ id, stated: s.add });
          } else if (ref.length > 0) {
            const [gone] = ref.splice(s.remove % ref.length, 1);
            docs.remove(numbers.find(gone!.id));
            numbers.release(gone!.id);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('pages documents in ingest order and forgets a removed one', () => {
    const numbers = new DocumentNumbers();
    const docs = new ActorDocuments();
    for (let i = 0; i < 30; i++) docs.add(numbers.of(`wire-${i}`), STATED[i % 2]!);
    expect(docs.page(10, 3).map((n) => numbers.id(n))).toEqual(['wire-10', 'wire-11', 'wire-12']);
    expect(docs.page(29, 5).map((n) => numbers.id(n))).toEqual(['wire-29']);
    expect(docs.page(40, 5)).toEqual([]);
    expect(docs.remove(numbers.find('wire-11'))).toBe(true);
    expect(docs.remove(numbers.find('wire-11'))).toBe(false);
    expect(docs.page(10, 2).map((n) => numbers.id(n))).toEqual(['wire-10', 'wire-12']);
  });

  it('gives a released document number to the next new document', () => {
    const numbers = new DocumentNumbers();
    const a = numbers.of('bulletin-a');
    numbers.of('bulletin-b');
    expect(numbers.of('bulletin-a')).toBe(a);
    numbers.release('bulletin-a');
    expect(numbers.find('bulletin-a')).toBe(-1);
    expect(numbers.of('bulletin-c')).toBe(a);
    expect(numbers.id(a)).toBe('bulletin-c');
  });
});
