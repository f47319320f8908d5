// `stancegraph import` and `stancegraph export`, spawned as a user would run them against a
// temporary DATA_DIR: per-row reports, layouts, formats, round trips and usage errors.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import * as gexfModule from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { cli } from '../helpers/run-cli.ts';

type Parser = { parse: typeof gexfModule.parse };
const gexf = ((gexfModule as unknown as { default?: Parser }).default ?? gexfModule) as Parser;

const EVENTS_CSV = [
  'source,target,type,date,quote,url',
  'Japan,China,ACCUSE,2023-08-24,"Japan accused China of ""unfounded"" claims.",https://example.org/j',
  'Marrow Coalition,Japan,PROTEST,2023-08-25,,',
  'China,Japan,,2023-08-26,,',
].join('\n');

const ICEWS_TAB = [
  [
    'Event Date',
    'Source Name',
    'Source Country',
    'CAMEO Code',
    'Target Name',
    'Target Country',
    'Story ID',
  ],
  ['2020-06-01', 'Government (India)', 'India', '036', 'China', 'China', '77'],
  ['2020-06-15', 'Military (China)', 'China', '190', 'India', 'India', '78'],
]
  .map((r) => r.join('\t'))
  .join('\n');

describe('stancegraph import', { timeout: 120_000 }, () => {
  it('imports good rows, lists bad rows by line and exits 1 when a row failed', async () => {
    const dir = tempDir('sg-cli-import-');
    const file = path.join(dir, 'events.csv');
    writeFileSync(file, EVENTS_CSV);
    const run = await cli(['import', file], { DATA_DIR: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}: 2 of 3 rows imported; new actors: marrow-coalition`);
    expect(run.stdout).toContain('  line 4: type: is empty (no type or CAMEO code)');
    const again = await cli(['import', file, '--json'], { DATA_DIR: dir });
    const result = JSON.parse(again.stdout.trim());
    expect(result).toMatchObject({ created: false, imported: 0, rows: 3 });
  });

  it('reads ICEWS columns with --layout icews and refuses an unknown layout', async () => {
    const dir = tempDir('sg-cli-icews-');
    const file = path.join(dir, 'icews.tab');
    writeFileSync(file, ICEWS_TAB);
    const run = await cli(['import', file, '--layout', 'icews', '--json'], { DATA_DIR: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ imported: 2, errors: [], newActors: [] });
    const csv = await cli(['export', '--format', 'csv'], { DATA_DIR: dir });
    expect(csv.stdout).toContain('india,china,event,AGREE');
    expect(csv.stdout).toContain('china,india,event,ASSAULT');
    const bad = await cli(['import', file, '--layout', 'gdelt'], { DATA_DIR: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--layout must be one of stancegraph, icews, plover');
  });
});

describe('stancegraph export', { timeout: 120_000 }, () => {
  it('writes GEXF to a file and JSON that imports into another store', async () => {
    const dir = tempDir('sg-cli-export-');
    const file = path.join(dir, 'events.csv');
    writeFileSync(file, EVENTS_CSV);
    await cli(['import', file], { DATA_DIR: dir });
    const out = path.join(dir, 'graph.gexf');
    const run = await cli(['export', '--format', 'gexf', '--out', out], { DATA_DIR: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('3 actors, 2 events');
    const g = gexf.parse(MultiDirectedGraph, readFileSync(out, 'utf8'));
    expect(g.order).toBe(3);
    expect(g.mapEdges((_k, a) => a.eventType).sort()).toEqual(['ACCUSE', 'PROTEST']);
    expect(g.getNodeAttribute('marrow-coalition', 'label')).toBe('Marrow Coalition');
    // Quotes are read from the store: the file's own, or the row itself when it has none.
    expect(g.mapEdges((_k, a) => a.quote as string).sort()).toEqual([
      'Japan accused China of "unfounded" claims.',
      'Marrow Coalition,Japan,PROTEST,2023-08-25,,',
    ]);

    const json = path.join(dir, 'graph.json');
    await cli(['export', '--format', 'json', '--out', json], { DATA_DIR: dir });
    const other = tempDir('sg-cli-other-');
    const back = await cli(['import', json, '--json'], { DATA_DIR: other });
    expect(JSON.parse(back.stdout.trim())).toMatchObject({ imported: 2, errors: [] });
    const nodes = await cli(['export', '--format', 'csv', '--table', 'nodes'], { DATA_DIR: other });
    expect(nodes.stdout.split('\r\n')[0]).toMatch(/^id,label,kind,country,/);
    expect(nodes.stdout).toContain('marrow-coalition,Marrow Coalition,organization');
  });

  it('needs a format, and says so with the usage text', async () => {
    const run = await cli(['export'], { DATA_DIR: tempDir('sg-cli-usage-') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('export needs --format gexf|graphml|json|csv');
    expect(run.stderr).toContain('import FILE... [--layout stancegraph|icews|plover]');
    const table = await cli(['export', '--format', 'gexf', '--table', 'nodes']);
    expect(table.code).toBe(2);
    const help = await cli(['--help']);
    expect(help.stdout).toContain('export --format gexf|graphml|json|csv');
  });
});
