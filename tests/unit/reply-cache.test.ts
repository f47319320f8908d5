// The per-version reply cache behind graph views and paths: a reply is given again only at the
// version it was built at, the least recently used goes first, and both bounds hold.
import { describe, expect, it } from 'vitest';
import { ReplyCache } from '../../server/api/reply-cache.ts';

const cache = (entries: number, bytes: number) =>
  new ReplyCache<string>({ entries, bytes, bytesOf: (s) => s.length });

describe('ReplyCache', () => {
  it('gives a reply back at its version only, and forgets it once the version moved', () => {
    const c = cache(4, 100);
    c.set('lagos', 3, 'view of Lagos');
    expect(c.get('lagos', 3)).toBe('view of Lagos');
    expect(c.get('lagos', 4)).toBeUndefined();
    expect(c.get('lagos', 3)).toBeUndefined();
    expect(c.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('drops the least recently used past the entry bound', () => {
    const c = cache(2, 100);
    c.set('quito', 1, 'a');
    c.set('hanoi', 1, 'b');
    expect(c.get('quito', 1)).toBe('a');
    c.set('tbilisi', 1, 'c');
    expect(c.get('hanoi', 1)).toBeUndefined();
    expect(c.get('quito', 1)).toBe('a');
    expect(c.get('tbilisi', 1)).toBe('c');
    expect(c.size.entries).toBe(2);
  });

  it('keeps the bytes under their bound and does not keep a reply larger than it', () => {
    const c = cache(10, 10);
    c.set('oslo', 1, 'xxxx');
    c.set('lima', 1, 'yyyy');
    c.set('accra', 1, 'zzzz');
    expect(c.size).toEqual({ entries: 2, bytes: 8 });
    expect(c.get('oslo', 1)).toBeUndefined();
    c.set('dhaka', 1, 'w'.repeat(11));
    expect(c.get('dhaka', 1)).toBeUndefined();
    expect(c.size).toEqual({ entries: 2, bytes: 8 });
    c.set('lima', 2, 'vv');
    expect(c.size).toEqual({ entries: 2, bytes: 6 });
    expect(c.get('lima', 2)).toBe('vv');
  });
});
