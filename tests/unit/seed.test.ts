// The seed article (South China Morning Post, 2022-11-26) as the project reads it: the leaders,
// states and key stances a reader of the article finds, written here as plain expectations so the
// suite needs nothing outside the project. Scores against the reference annotation live in the bench.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../server/extract/index.ts';
import { parseArticle } from '../../server/ingest/index.ts';
import { PROJECT_ROOT } from '../../server/model/index.ts';

const SEED_ARTICLE = path.join(
  PROJECT_ROOT,
  'graph-data',
  'articles',
  '2022-11-26-scmp-xi-letter-to-kim.txt',
);
const article = parseArticle(readFileSync(SEED_ARTICLE, 'utf8'), SEED_ARTICLE);
const extraction = extractArticle(article);
const actorIds = new Set(extraction.actors.map((a) => a.id));
const has = (source: string, type: string, target: string) =>
  extraction.events.some((e) => e.source === source && e.type === type && e.target === target);

describe('the seed article', () => {
  it('keeps its source and date', () => {
    expect(extraction.document.source).toBe('South China Morning Post');
    expect(extraction.document.published).toBe('2022-11-26');
  });

  it('finds the leaders and states the story is about', () => {
    for (const id of [
      'xi-jinping',
      'kim-jong-un',
      'joe-biden',
      'fumio-kishida',
      'yoon-suk-yeol',
      'wang-yi',
      'china',
      'north-korea',
      'united-states',
      'south-korea',
    ]) {
      expect(actorIds, id).toContain(id);
    }
  });

  it('reads the requests made of Xi and the letters between Xi and Kim', () => {
    expect(has('joe-biden', 'REQUEST', 'xi-jinping')).toBe(true);
    expect(has('fumio-kishida', 'REQUEST', 'xi-jinping')).toBe(true);
    expect(has('united-states', 'REQUEST', 'china')).toBe(true);
    expect(
      extraction.events.some(
        (e) =>
          [e.source, e.target].sort().join() === 'kim-jong-un,xi-jinping' &&
          ['CONSULT', 'AGREE', 'SUPPORT'].includes(e.type),
      ),
    ).toBe(true);
  });

  it('anchors every event in the body it came from', () => {
    expect(extraction.events.length).toBeGreaterThan(5);
    for (const e of extraction.events) {
      expect(article.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.quote);
    }
  });
});
