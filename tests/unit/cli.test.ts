// The stancegraph command, spawned as a user would run it: extract, ingest, usage and exit codes.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Extraction, isNameAlias } from '../../server/model/index.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { ROOT, cli } from '../helpers/run-cli.ts';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'articles');

function jsonLines(stdout: string): Extraction[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => Extraction.parse(JSON.parse(line)));
}

describe('stancegraph extract', () => {
  it('prints one extraction per file, as JSON lines, in the order given', async () => {
    const summit = path.join(FIXTURES, 'summit.txt');
    const sanctions = path.join(FIXTURES, 'sanctions.json');
    const run = await cli(['extract', sanctions, summit]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [first, second] = jsonLines(run.stdout);
    expect(run.stdout.trim().split('\n')).toHaveLength(2);
    expect(first!.schema).toBe('stancegraph/extraction@1');
    expect(first!.document.title).toBe('Bloc widens sanctions after missile launch');
    expect(second!.document.title).toBe('Leaders pledge closer ties at harbour summit');
    const body = readFileSync(summit, 'utf8').split('---\n')[2]!;
    for (const actor of second!.actors) {
      for (const m of actor.mentions) {
        const said = body.slice(m.start, m.end);
        if (isNameAlias(said)) expect(actor.aliases).toContain(said);
        else expect(actor.aliases).not.toContain(said);
      }
    }
  });

  it('uses --published only for files without a date of their own', async () => {
    const run = await cli([
      'extract',
      '--published',
      '2020-02-03',
      path.join(FIXTURES, 'summit.txt'),
      path.join(FIXTURES, 'plain.txt'),
      path.join(FIXTURES, 'sanctions.json'),
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [summit, plain, sanctions] = jsonLines(run.stdout);
    // Front matter and JSON dates win; the plain file has none, so it takes the default.
    expect(summit!.document.published).toBe('2023-03-18');
    expect(sanctions!.document.published).toBe('2023-04-02');
    expect(plain!.document.published).toBe('2020-02-03');
    // Relative dates in the text resolve against each file's own date.
    const summitDates = summit!.events.map((e) => e.date).filter((d) => d !== null);
    expect(summitDates.length).toBeGreaterThan(0);
    for (const d of summitDates) expect(d!.startsWith('2023')).toBe(true);
  });

  it("says in --help that a file's own date wins over --published", async () => {
    const run = await cli(['--help']);
    expect(run.stdout).toMatch(/--published[^\n]*default[^\n]*(no date|none|without)/i);
    expect(run.stdout).not.toMatch(/overrides front matter/i);
  });

  it('reports a bad file on stderr, still prints the others, and exits 1', async () => {
    const dir = tempDir('sg-cli-');
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const plain = path.join(FIXTURES, 'plain.txt');
    const run = await cli(['extract', empty, plain, path.join(dir, 'missing.txt'), plain]);
    expect(run.code).toBe(1);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual(lines[1]);
    const errors = run.stderr.trim().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('empty.txt');
    expect(errors[0]).toContain('[empty]');
    expect(errors[1]).toContain('missing.txt');
  });

  it('refuses a bad --published with usage and exit 2', async () => {
    const run = await cli(['extract', '--published', 'soon', path.join(FIXTURES, 'plain.txt')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: stancegraph');
  });
});

describe('stancegraph ingest', () => {
  it('stores the articles under DATA_DIR and prints a summary', async () => {
    const dataDir = tempDir('sg-cli-data-');
    const batch = path.join(FIXTURES, 'batch');
    const run = await cli(['ingest', batch, path.join(FIXTURES, 'plain.txt')], {
      DATA_DIR: dataDir,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^documents: 3$/m);
    expect(run.stdout).toMatch(/^duplicates: 1$/m);
    expect(run.stdout).toMatch(/^actors: \d+$/m);
    expect(run.stdout).toMatch(/^events: \d+$/m);
    expect(run.stdout).toMatch(/^skipped: 3$/m);
    expect(run.stdout).toContain('03-bad-date.txt');
    expect(existsSync(path.join(dataDir, 'stancegraph.sqlite'))).toBe(true);
    // No terminal, no progress bar.
    expect(run.stderr).toBe('');

    const again = await cli(['ingest', '--json', path.join(FIXTURES, 'plain.txt')], {
      DATA_DIR: dataDir,
    });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      documents: 0,
      duplicates: 1,
      actors: 0,
      events: 0,
      skipped: 0,
      errors: [],
    });
  });
});

describe('usage', () => {
  it.each([[['frobnicate']], [[]], [['extract']], [['extract', '--bogus', 'x.txt']]])(
    'prints usage on stderr and exits 2 for %j',
    async (args) => {
      const run = await cli(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('Usage: stancegraph');
    },
  );

  it('prints usage on stdout for --help', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: stancegraph');
    expect(run.stdout).toContain('extract FILE...');
    expect(run.stderr).toBe('');
  });
});
