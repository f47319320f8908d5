// The stancegraph command line: extract (JSON lines), ingest (into the store), serve, and export
// and import (cli-interchange.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { INTERCHANGE_USAGE, exportCommand, importCommand } from './cli-interchange.ts';
import { STORE_USAGE, checkCommand, repairCommand } from './cli-store.ts';
import type { IngestSummary } from './ingest/index.ts';

export const USAGE = `Usage: stancegraph <command> [options]

Commands:
  extract FILE... [--published YYYY-MM-DD]
      Print each file's extraction as one line of JSON, in the order given.
      --published is the default date for files with no date of their own; a date in a
      file's front matter or JSON always wins. Relative dates in the text ("on Tuesday",
      "last month") resolve against the file's date.
  ingest PATH... [--json]
      Store the articles in files and folders (.txt, .md, .json, recursively) in the store
      under DATA_DIR (default ./data) and print a summary (--json: as one JSON object).
      Articles are extracted on STANCEGRAPH_WORKERS threads (default: the cores, at most 4);
      one past STANCEGRAPH_EXTRACT_BUDGET_MS is reported and skipped.
  serve
      Start the API and explorer server (PORT, HOST, DATA_DIR from the environment).
${INTERCHANGE_USAGE}${STORE_USAGE}
Options:
  -h, --help  Show this help.

Exit codes: 0 success, 1 some files (or import rows) could not be read, extracted or
imported, 2 bad usage.
`;

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal: only then is a progress bar drawn. */
  interactive: boolean;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  interactive: Boolean(process.stderr.isTTY),
};

class UsageError extends Error {}

async function extractCommand(files: string[], published: string | undefined, io: CliIo) {
  if (files.length === 0) throw new UsageError('extract needs at least one FILE');
  // Loaded on demand so that --help and usage errors answer without loading the NLP model.
  const { ArticleError, loadArticleFile, normalisePublished } = await import('./ingest/index.ts');
  const { extractArticle } = await import('./extract/index.ts');
  let fallback: string | null;
  try {
    fallback = published === undefined ? null : normalisePublished(published);
  } catch (error) {
    throw new UsageError(`--published: ${(error as Error).message}`);
  }
  let failed = false;
  for (const file of files) {
    try {
      const article = await loadArticleFile(file);
      article.published ??= fallback;
      io.stdout(`${JSON.stringify(extractArticle(article))}\n`);
    } catch (error) {
      failed = true;
      const code = error instanceof ArticleError ? ` [${error.code}]` : '';
      io.stderr(`stancegraph: ${file}: ${(error as Error).message}${code}\n`);
    }
  }
  return failed ? 1 : 0;
}

export function formatSummary(summary: IngestSummary): string {
  const lines = [
    `documents: ${summary.documents}`,
    `duplicates: ${summary.duplicates}`,
    `actors: ${summary.actors}`,
    `events: ${summary.events}`,
    `skipped: ${summary.skipped}`,
    `errors: ${summary.errors.length}`,
    ...summary.errors.map((e) => `  ${e.file}: ${e.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

async function ingestCommand(paths: string[], json: boolean, io: CliIo) {
  if (paths.length === 0) throw new UsageError('ingest needs at least one PATH');
  const { ingestPaths } = await import('./ingest/index.ts');
  const { openStore } = await import('./store/index.ts');
  const { ExtractionPool } = await import('./workers/index.ts');
  const { securitySettings } = await import('./security/index.ts');
  const settings = securitySettings(io.env);
  const store = await openStore(io.env);
  // The server's worker pool: several articles extracted at once, one core each.
  const pool = new ExtractionPool({
    size: settings.extractWorkers ?? undefined,
    budgetMs: settings.extractBudgetMs,
  });
  const bar = io.interactive
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: 'ingest [{bar}] {value}/{total} {file}',
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  try {
    let started = false;
    const deps = { store, extract: pool.extract, concurrency: 2 * pool.size };
    const summary = await ingestPaths(deps, paths, {
      onProgress: (done, total, file) => {
        if (!bar) return;
        if (!started) {
          bar.start(total, 0, { file: '' });
          started = true;
        }
        bar.update(done, { file: path.basename(file) });
      },
    });
    bar?.stop();
    io.stdout(json ? `${JSON.stringify(summary)}\n` : formatSummary(summary));
    return summary.errors.length > 0 ? 1 : 0;
  } finally {
    await pool.close();
    await store.close();
  }
}

async function serveCommand(io: CliIo) {
  const { startServer } = await import('./index.ts');
  await startServer(io.env);
  return 0;
}

/** Runs one command line (without the node and script arguments); resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        published: { type: 'string' },
        json: { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        table: { type: 'string' },
        layout: { type: 'string' },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (values.published !== undefined && command !== 'extract') {
      throw new UsageError('--published only applies to extract');
    }
    switch (command) {
      case 'extract':
        return await extractCommand(rest, values.published, io);
      case 'ingest':
        return await ingestCommand(rest, values.json ?? false, io);
      case 'export':
        return await exportCommand(rest, values, io, (m) => new UsageError(m));
      case 'import':
        return await importCommand(rest, values, io, (m) => new UsageError(m));
      case 'check':
        return await checkCommand(rest, values.json ?? false, io, (m) => new UsageError(m));
      case 'repair':
        return await repairCommand(rest, io, (m) => new UsageError(m));
      case 'serve':
        if (rest.length > 0) throw new UsageError('serve takes no arguments');
        return await serveCommand(io);
      case undefined:
        throw new UsageError('missing command');
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr(`stancegraph: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`stancegraph: ${(error as Error).message}\n`);
    return 1;
  }
}

/** Runs the process's own command line and sets its exit code. */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2));
}

const entry = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (entry === fileURLToPath(import.meta.url)) await run();
