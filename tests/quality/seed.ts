// Loads the seed article from graph-data and its reference annotation from ../shared/seed, and
// scores the extractor on it.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/model/index.ts';
import { extractArticle } from '../../server/extract/index.ts';
import { parseArticle } from '../../server/ingest/index.ts';
import { scoreExtraction, type GoldAnnotation, type Score } from './score.ts';

export const SEED_ARTICLE = path.join(
  PROJECT_ROOT,
  'graph-data',
  'articles',
  '2022-11-26-scmp-xi-letter-to-kim.txt',
);
export const SEED_GOLD = path.join(PROJECT_ROOT, '..', 'shared', 'seed', 'gold.json');

export function seedGoldAvailable(): boolean {
  return existsSync(SEED_GOLD);
}

export function scoreSeed(): Score {
  const article = parseArticle(readFileSync(SEED_ARTICLE, 'utf8'), SEED_ARTICLE);
  const gold = JSON.parse(readFileSync(SEED_GOLD, 'utf8')) as GoldAnnotation;
  return scoreExtraction(gold, extractArticle(article));
}
