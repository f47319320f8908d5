// Events of a whole article as "source>target:TYPE", in text order, for tests that go through the
// full extraction (actors found by the actor stage, not marked inline).
import { extractArticle } from '../../server/extract/index.ts';

export function articleTriples(text: string, published = '2024-03-01'): string[] {
  return extractArticle({ text, published }).events.map((e) => `${e.source}>${e.target}:${e.type}`);
}
