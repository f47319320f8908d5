// whenVisible: work for an element runs once, when the element first comes into view, and at
// once where the browser has no IntersectionObserver.
import { afterEach, describe, expect, it } from 'vitest';
import { whenVisible } from '../../client/src/panels/when-visible.ts';

type Callback = (entries: { target: object; isIntersecting: boolean }[]) => void;

/** A stand-in observer: the test says which elements scroll into view. */
class FakeObserver {
  static last: FakeObserver | null = null;
  readonly watched = new Set<object>();
  constructor(readonly callback: Callback) {
    FakeObserver.last = this;
  }
  observe(el: object) {
    this.watched.add(el);
  }
  unobserve(el: object) {
    this.watched.delete(el);
  }
  show(...els: object[]) {
    this.callback(els.map((target) => ({ target, isIntersecting: true })));
  }
}

const g = globalThis as { IntersectionObserver?: unknown };
afterEach(() => {
  delete g.IntersectionObserver;
});

describe('whenVisible', () => {
  it('runs at once without IntersectionObserver', () => {
    let ran = 0;
    whenVisible({} as Element, () => ran++);
    expect(ran).toBe(1);
  });

  it('runs each element’s work once, when it comes into view', () => {
    g.IntersectionObserver = FakeObserver;
    const ran: string[] = [];
    const rows = ['Dakar', 'Accra', 'Lomé'].map((name) => ({ name }));
    for (const r of rows) whenVisible(r as unknown as Element, () => ran.push(r.name));
    const o = FakeObserver.last!;
    expect(ran).toEqual([]);
    o.callback([{ target: rows[0]!, isIntersecting: false }]);
    expect(ran).toEqual([]);
    o.show(rows[1]!);
    expect(ran).toEqual(['Accra']);
    o.show(rows[1]!, rows[0]!);
    expect(ran).toEqual(['Accra', 'Dakar']);
    expect(o.watched.has(rows[2]!)).toBe(true);
    expect(o.watched.has(rows[1]!)).toBe(false);
  });
});
