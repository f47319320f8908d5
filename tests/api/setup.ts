// Shared set-up for the API suites: a temporary SQLite store seeded with the fixture bundles, and the app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type express from 'express';
import { createApp } from '../../server/app.ts';
import { buildGraph, type StanceGraph } from '../../server/graph/index.ts';
import { openSqliteStore, type Store } from '../../server/store/index.ts';
import { fixtureBundle, type FixtureName } from '../unit/graph-fixtures.ts';

export interface TestApp {
  app: express.Application;
  store: Store;
  graph: StanceGraph;
  errors: unknown[];
  close(): Promise<void>;
}

/** An app over a fresh store holding the given fixtures; unexpected errors are collected, not printed. */
export async function testApp(
  fixtures: FixtureName[] = ['one', 'two', 'three'],
  clientDir?: string,
): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-api-'));
  const store = openSqliteStore({ file: path.join(dir, 'test.sqlite') });
  for (const [i, f] of fixtures.entries()) {
    await store.addDocument(fixtureBundle(f), { ingestedAt: `2024-01-0${i + 1}T00:00:00.000Z` });
  }
  const graph = buildGraph(await store.allExtractions());
  const errors: unknown[] = [];
  const app = createApp({
    store,
    graph,
    clientDir: clientDir ?? path.join(dir, 'no-client'),
    log: (...args) => errors.push(args),
  });
  return {
    app,
    store,
    graph,
    errors,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A few paragraphs of plain English a real extractor can read. */
export function articleText(tag: string): string {
  return (
    `Officials in Norland said on Monday that the government would reopen talks with Sudmark (${tag}). ` +
    'The foreign ministry of Norland accused Sudmark of violating the ceasefire along the river. ' +
    'Sudmark rejected the claim and called for international observers to visit the border region. ' +
    'Diplomats from both sides are expected to meet again next week, according to people familiar ' +
    'with the plans, who said the talks had been difficult but that there was still hope for progress.'
  );
}
