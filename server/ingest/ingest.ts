// Ingest: article -> extraction -> store (deduplicated by content) -> graph, for one article or a
// batch of files and folders where a bad file is reported and skipped, never fatal. Extraction is
// the caller's Extractor (the worker pool in the server and CLI); a batch keeps several articles in
// extraction at once and stores them in file order, so the store's order never depends on timing.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentHash, type Extraction } from '../model/index.ts';
import { extractArticle, type ArticleInput } from '../extract/index.ts';
import type { Store } from '../store/index.ts';
import type { StanceGraph } from '../graph/index.ts';
import type { Extractor } from '../workers/index.ts';
import { loadArticleFile } from './article-file.ts';

export interface IngestDeps {
  store: Store;
  graph?: StanceGraph;
  /** Where extraction runs; default: on the calling thread (for tests and small tools). */
  extract?: Extractor;
  /** Articles a batch keeps in extraction at once (default 1; give the pool's size or more). */
  concurrency?: number;
}

export interface IngestResult {
  id: string;
  created: boolean;
  extraction: Extraction;
}

export interface IngestError {
  file: string;
  message: string;
}

export interface IngestSummary {
  /** Files stored as new documents. */
  documents: number;
  /** Files whose body was already stored. */
  duplicates: number;
  /** Distinct actors in the new documents. */
  actors: number;
  /** Events in the new documents. */
  events: number;
  /** Files that could not be ingested; each has an entry in errors. */
  skipped: number;
  errors: IngestError[];
}

export interface IngestOptions {
  onProgress?: (done: number, total: number, file: string) => void;
}

/** File names a folder walk picks up. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.json'] as const;

const inThread: Extractor = async (article) => extractArticle(article);

/** The stored result for a body already in the store, or null when it must be extracted. */
async function storedResult(deps: IngestDeps, article: ArticleInput): Promise<IngestResult | null> {
  const existing = await deps.store.findByHash(contentHash(article.text));
  const stored = existing ? await deps.store.getExtraction(existing) : null;
  return existing && stored ? { id: existing, created: false, extraction: stored } : null;
}

async function commit(
  deps: IngestDeps,
  article: ArticleInput,
  extraction: Extraction,
): Promise<IngestResult> {
  const { id, created } = await deps.store.addDocument({ text: article.text, extraction });
  if (created) deps.graph?.addDocument(extraction);
  return { id, created, extraction };
}

/**
 * Extracts and stores one article, and adds it to the graph when it is new. A body already stored
 * is not extracted again: its stored extraction comes back with created false.
 */
export async function ingestArticle(
  deps: IngestDeps,
  article: ArticleInput,
): Promise<IngestResult> {
  const stored = await storedResult(deps, article);
  if (stored) return stored;
  const extraction = await (deps.extract ?? inThread)(article);
  return commit(deps, article, extraction);
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function walk(dir: string, into: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => byCodeUnits(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, into);
    else if (
      entry.isFile() &&
      ARTICLE_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))
    ) {
      into.push(full);
    }
  }
}

/**
 * The files the paths name: files as given (whatever their extension), folders walked recursively
 * for article files in sorted order. Paths that cannot be read come back as errors.
 */
export async function collectArticleFiles(
  paths: string[],
): Promise<{ files: string[]; errors: IngestError[] }> {
  const files: string[] = [];
  const errors: IngestError[] = [];
  for (const p of paths) {
    try {
      const info = await stat(p);
      if (info.isDirectory()) await walk(p, files);
      else files.push(p);
    } catch (error) {
      errors.push({ file: p, message: `cannot read: ${(error as Error).message}` });
    }
  }
  return { files, errors };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise that never rejects, so a failure waiting its turn is not reported as unhandled. */
function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** Ingests every article file under the paths; never throws for a bad file. */
export async function ingestPaths(
  deps: IngestDeps,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const { files, errors } = await collectArticleFiles(paths);
  const summary: IngestSummary = {
    documents: 0,
    duplicates: 0,
    actors: 0,
    events: 0,
    skipped: errors.length,
    errors,
  };
  const actors = new Set<string>();
  const extract = deps.extract ?? inThread;
  // Each file is read and, unless already stored, sent for extraction as soon as a place in the
  // window frees up; results are stored strictly in file order.
  const start = async (file: string) => {
    const article = await loadArticleFile(file);
    const stored = await storedResult(deps, article);
    return { article, stored, extraction: stored ? null : await extract(article) };
  };
  const window = Math.max(1, deps.concurrency ?? 1);
  const pending = files.slice(0, window).map((file) => settle(start(file)));
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const outcome = await pending[i]!;
    if (i + window < files.length) pending.push(settle(start(files[i + window]!)));
    try {
      if (!outcome.ok) throw outcome.error;
      const { article, stored, extraction } = outcome.value;
      const result = stored ?? (await commit(deps, article, extraction!));
      if (result.created) {
        summary.documents++;
        summary.events += result.extraction.events.length;
        for (const actor of result.extraction.actors) actors.add(actor.id);
      } else {
        summary.duplicates++;
      }
    } catch (error) {
      summary.skipped++;
      summary.errors.push({ file, message: (error as Error).message });
    }
    options.onProgress?.(i + 1, files.length, file);
  }
  summary.actors = actors.size;
  return summary;
}
