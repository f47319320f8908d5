// `stancegraph export` and `stancegraph import`: the graph out as GEXF, GraphML, JSON or CSV, and
// coded events in from CSV/TSV (stancegraph, ICEWS or PLOVER layout) or graphology JSON.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from './cli.ts';

export const INTERCHANGE_USAGE = `  export --format gexf|graphml|json|csv [--table nodes|edges] [--out FILE]
      Write the graph of the store under DATA_DIR as GEXF 1.3, GraphML, graphology JSON or
      one CSV table (--table, default edges) to FILE, or to standard output.
  import FILE... [--layout stancegraph|icews|plover] [--format csv|json] [--json]
      Import coded events from CSV/TSV files in a column layout (default stancegraph:
      source,target,type,date,quote,url) or graphology JSON (.json files, or --format json)
      into the store. Prints per file the rows read and imported, new actors, and each bad
      row with its line (--json: one JSON object per file). Exit code 1 if a row failed.
`;

export interface InterchangeOptions {
  format?: string;
  out?: string;
  table?: string;
  layout?: string;
  json?: boolean;
}

type UsageErrorFactory = (message: string) => Error;

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
  usage: UsageErrorFactory,
): T | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) {
    throw usage(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return v as T;
}

export async function exportCommand(
  args: string[],
  options: InterchangeOptions,
  io: CliIo,
  usage: UsageErrorFactory,
): Promise<number> {
  if (args.length > 0) throw usage('export takes no FILE; use --out FILE');
  const { EXPORT_FORMATS, StanceGraph, exportGraph } = await import('./graph/index.ts');
  const format = oneOf(options.format, EXPORT_FORMATS, '--format', usage);
  if (!format) throw usage('export needs --format gexf|graphml|json|csv');
  const table = oneOf(options.table, ['nodes', 'edges'] as const, '--table', usage);
  if (table && format !== 'csv') throw usage('--table only applies to --format csv');
  const { fillGraph, openStore } = await import('./store/index.ts');
  const store = await openStore(io.env);
  try {
    const graph = await fillGraph(store, new StanceGraph());
    const file = await exportGraph(graph, format, { table }, undefined, store);
    if (options.out) {
      await writeFile(options.out, file.body);
      const counts = graph.counts();
      io.stderr(
        `stancegraph: wrote ${options.out} (${format}${format === 'csv' ? `, ${table ?? 'edges'}` : ''}; ${counts.actors} actors, ${counts.events} events)\n`,
      );
    } else {
      io.stdout(file.body);
    }
    return 0;
  } finally {
    await store.close();
  }
}

export async function importCommand(
  files: string[],
  options: InterchangeOptions,
  io: CliIo,
  usage: UsageErrorFactory,
): Promise<number> {
  if (files.length === 0) throw usage('import needs at least one FILE');
  const { IMPORT_FORMATS, IMPORT_LAYOUTS, ImportFileError, importEvents } =
    await import('./ingest/index.ts');
  const layout = oneOf(options.layout, IMPORT_LAYOUTS, '--layout', usage);
  const forced = oneOf(options.format, IMPORT_FORMATS, '--format', usage);
  const { openStore } = await import('./store/index.ts');
  const store = await openStore(io.env);
  let failed = false;
  try {
    for (const file of files) {
      const fileName = path.basename(file);
      try {
        const text = await readFile(file, 'utf8');
        const format = forced ?? (file.toLowerCase().endsWith('.json') ? 'json' : 'csv');
        const result = await importEvents({ store }, { fileName, text, format, layout });
        if (result.errors.length > 0 || result.imported < result.rows) failed = true;
        if (options.json) {
          io.stdout(`${JSON.stringify({ file, ...result })}\n`);
          continue;
        }
        const lines = [
          `${file}: ${result.imported} of ${result.rows} rows imported` +
            (result.document && !result.created ? ' (already imported)' : '') +
            (result.newActors.length ? `; new actors: ${result.newActors.join(', ')}` : ''),
          ...result.errors.map(
            (e) => `  ${e.line !== null ? `line ${e.line}` : `edge ${e.row}`}: ${e.message}`,
          ),
        ];
        io.stdout(`${lines.join('\n')}\n`);
      } catch (error) {
        failed = true;
        const known = error instanceof ImportFileError || (error as { code?: string }).code;
        if (!known) throw error;
        io.stderr(`stancegraph: ${file}: ${(error as Error).message}\n`);
      }
    }
  } finally {
    await store.close();
  }
  return failed ? 1 : 0;
}
