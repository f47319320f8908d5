// `npm run bench`: runs every tests/bench/*.bench.ts file in name order and prints what each measures.
// A benchmark file exports `run(): Promise<void>` (and optionally `title`); it prints, never asserts.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface BenchModule {
  title?: string;
  run: () => Promise<void> | void;
}

const dir = import.meta.dirname;
// Arguments starting with -- are options for the benchmarks themselves (e.g. scale's --quick).
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  const bench = (await import(pathToFileURL(path.join(dir, file)).href)) as BenchModule;
  console.log(`\n== ${bench.title ?? file} (${file})`);
  try {
    await bench.run();
  } catch (error) {
    failed++;
    console.error(`bench ${file} failed: ${(error as Error).stack ?? String(error)}`);
  }
}
if (failed > 0) process.exitCode = 1;
