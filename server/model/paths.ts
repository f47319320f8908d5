// Locations of the project's data folders, resolved from this file so they work from any cwd.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GRAPH_DATA = path.join(PROJECT_ROOT, 'graph-data');

/** A path inside graph-data/. */
export function dataPath(...parts: string[]): string {
  return path.join(GRAPH_DATA, ...parts);
}
