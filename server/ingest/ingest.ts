// Ingest: article -> extraction -> store (deduplicated by content) -> graph, for one article or a
// batch of files and folders where a bad file is reported and skipped, never fatal.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentHash, type Extraction } from '../model/index.ts';
import { extractArticle, type ArticleInput } from '../extract/index.ts';
import type { Store } from '../store/index.ts';
import type { StanceGraph } from '../graph/index.ts';
import { loadArticleFile } from './article-file.ts';

export interface IngestDeps {
  store: Store;
  graph?: StanceGraph;
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

/**
 * Extracts and stores one article, and adds it to the graph when it is new. A body already stored
 * is not extracted again: its stored extraction comes back with created false.
 */
export function ingestArticle(deps: IngestDeps, article: ArticleInput): IngestResult {
  const existing = deps.store.findByHash(contentHash(article.text));
  if (existing) {
    const stored = deps.store.getExtraction(existing);
    if (stored) return { id: existing, created: false, extraction: stored };
  }
  const extraction = extractArticle(article);
  const { id, created } = deps.store.addDocument({ text: article.text, extraction });
  if (created) deps.graph?.addDocument(extraction);
  return { id, created, extraction };
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
  let done = 0;
  for (const file of files) {
    try {
      const article = await loadArticleFile(file);
      const result = ingestArticle(deps, article);
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
    done++;
    options.onProgress?.(done, files.length, file);
  }
  summary.actors = actors.size;
  return summary;
}
