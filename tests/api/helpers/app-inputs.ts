// Inputs the app-level suites share: API paths and the query parameters the API reads (for
// generated requests), and a stand-in client build for the static-file routes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** API paths that answer GET with query parameters, an actor and a document included. */
export const QUERY_PATHS = [
  '/api/graph',
  '/api/actors',
  '/api/actors/norland',
  '/api/relations',
  '/api/stance',
  '/api/paths',
  '/api/metrics',
  '/api/blocs',
  '/api/timeline',
  '/api/export',
  '/api/documents',
  '/api/documents/x',
] as const;

export const QUERY_KEYS = [
  'q',
  'kind',
  'limit',
  'cursor',
  'type',
  'quad',
  'polarity',
  'from',
  'to',
  'focus',
  'depth',
  'mode',
  'minConfidence',
  'source',
  'target',
  'actor',
  'document',
  'maxLength',
  'layout',
  'affiliations',
  'k',
  'measure',
  'granularity',
  'partner',
  'format',
  'table',
  'minCommon',
  'order',
] as const;

/** Writes index.html (titled "explorer") and app.js into an existing folder. */
export function writeClientBuild(dir: string, appJs: string): void {
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>explorer</title>');
  writeFileSync(path.join(dir, 'app.js'), appJs);
}
