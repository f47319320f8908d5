// The graph format's fingerprint: a digest of the source files that shape the graph's state and
// how it is read from the store, so a saved graph from other code is never loaded into this one.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Folders whose .ts files (not their subfolders) make up the graph's state and its reading. */
const FOLDERS = ['..', '.', '../../store', '../../model'];

let cached: string | undefined;

/** The digest of this code's graph format (computed once per process). */
export function graphFingerprint(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  for (const folder of FOLDERS) {
    const dir = fileURLToPath(new URL(`${folder}/`, import.meta.url));
    const names = readdirSync(dir)
      .filter((name) => name.endsWith('.ts'))
      .sort();
    for (const name of names) {
      hash.update(`${folder}/${name}\0`);
      hash.update(readFileSync(dir + name));
    }
  }
  cached = hash.digest('hex').slice(0, 32);
  return cached;
}
