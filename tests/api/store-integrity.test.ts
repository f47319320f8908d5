// A damaged store is found and named: the start-up quick_check refuses a file with a broken index
// page in one line that names the repair command; `stancegraph check` names damaged JSON rows by
// table and key, as does the API (503 store_damaged); `stancegraph repair` rebuilds the file,
// keeping the damaged one beside it, and the server starts on the result.
import { execFile } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { main, type CliIo } from '../../server/cli.ts';
import { buildGraph } from '../../server/graph/index.ts';
import {
  STORE_FILE,
  StoreDamagedError,
  checkStoreFile,
  openSqliteStore,
} from '../../server/store/index.ts';
import { fixtureBundle } from '../unit/graph-fixtures.ts';
import { ROOT } from '../helpers/run-cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A data folder whose store holds the three fixture documents. */
async function storeDir(): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-integrity-'));
  dirs.push(dir);
  const file = path.join(dir, STORE_FILE);
  const store = openSqliteStore({ file });
  for (const f of ['one', 'two', 'three'] as const) await store.addDocument(fixtureBundle(f));
  await store.close();
  return { dir, file };
}

/** Overwrites the header of the first page of a table or index with junk. */
function breakPage(file: string, name: string): void {
  const db = new Database(file, { readonly: true });
  const { rootpage } = db
    .prepare('SELECT rootpage FROM sqlite_master WHERE name = ?')
    .get(name) as { rootpage: number };
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, (rootpage - 1) * pageSize);
  closeSync(fd);
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
    interactive: false,
  };
  return main(args, io).then((code) => ({ code, stdout, stderr }));
}

/** Starts the real server in a child process and waits for it to exit (it should refuse). */
function startRefused(env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'server', 'index.ts')],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (error.code as number) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

describe('a damaged index page', () => {
  it('is refused at start in one line naming the repair; repair restores every row', async () => {
    const { dir, file } = await storeDir();
    breakPage(file, 'events_source');
    const quick = checkStoreFile(file, 'quick');
    expect(quick.ok).toBe(false);
    expect(quick.problems.join(' ')).toMatch(/events_source|page/);

    const refused = await startRefused({ DATA_DIR: dir });
    expect(refused.code).toBe(1);
    const lines = refused.output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^stancegraph: failed to start: store damaged: .*stancegraph repair/);

    const check = await run(['check'], { DATA_DIR: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^damaged: /);

    const repaired = await run(['repair'], { DATA_DIR: dir });
    expect(repaired.code).toBe(0);
    expect(readdirSync(dir).some((f) => f.startsWith(`${STORE_FILE}.damaged-`))).toBe(true);
    expect((await run(['check'], { DATA_DIR: dir })).code).toBe(0);
    const store = openSqliteStore({ file });
    try {
      expect(await store.counts()).toEqual({ documents: 3, actors: 6, events: 9 });
      // A repaired store may have lost rows: a graph saved before it no longer matches.
      expect((await store.generation()).generation).toBe(4);
    } finally {
      await store.close();
    }
  }, 90_000);

  it('repair on a healthy store changes nothing', async () => {
    const { dir, file } = await storeDir();
    const res = await run(['repair'], { DATA_DIR: dir });
    expect(res).toMatchObject({ code: 0 });
    expect(res.stdout).toMatch(/needed no repair/);
    expect(readdirSync(dir).filter((f) => f.includes('.damaged-'))).toEqual([]);
    expect(existsSync(file)).toBe(true);
    const store = openSqliteStore({ file });
    expect((await store.generation()).generation).toBe(3);
    await store.close();
  });
});

describe('a malformed JSON row', () => {
  it('stops the graph read with the damaged row named by its key', async () => {
    const { file } = await storeDir();
    const db = new Database(file);
    const row = db.prepare('SELECT document, actor FROM document_actors LIMIT 1').get() as {
      document: string;
      actor: string;
    };
    db.prepare(
      'UPDATE document_actors SET aliases = \'["Harbour Council",\' WHERE document = ? AND actor = ?',
    ).run(row.document, row.actor);
    const event = db.prepare('SELECT document, id FROM events LIMIT 1').get() as {
      document: string;
      id: string;
    };
    db.close();
    const store = openSqliteStore({ file });
    try {
      await expect(store.graphDocuments(() => undefined)).rejects.toThrow(
        `table document_actors, row (document="${row.document}", actor="${row.actor}"): column aliases holds malformed JSON`,
      );
    } finally {
      await store.close();
    }
    const db2 = new Database(file);
    db2
      .prepare("UPDATE document_actors SET aliases = '[]' WHERE document = ? AND actor = ?")
      .run(row.document, row.actor);
    db2
      .prepare('UPDATE events SET origin = \'{"file":\' WHERE document = ? AND id = ?')
      .run(event.document, event.id);
    db2.close();
    const reopened = openSqliteStore({ file });
    try {
      await expect(reopened.graphDocuments(() => undefined)).rejects.toThrow(
        `table events, row (document="${event.document}", id="${event.id}"): column origin holds malformed JSON`,
      );
    } finally {
      await reopened.close();
    }
  });

  it('is named by table and key, by check and by the API', async () => {
    const { dir, file } = await storeDir();
    const db = new Database(file);
    const row = db.prepare('SELECT document, actor FROM document_actors LIMIT 1').get() as {
      document: string;
      actor: string;
    };
    db.prepare(
      'UPDATE document_actors SET mentions = \'[{"start":1,\' WHERE document = ? AND actor = ?',
    ).run(row.document, row.actor);
    db.close();

    const check = await run(['check', '--json'], { DATA_DIR: dir });
    expect(check.code).toBe(1);
    const report = JSON.parse(check.stdout) as { ok: boolean; problems: string[] };
    expect(report.problems).toEqual([
      `table document_actors, row (document="${row.document}", actor="${row.actor}"): column mentions holds malformed JSON`,
    ]);

    const store = openSqliteStore({ file });
    const errors: unknown[] = [];
    try {
      await expect(store.allExtractions()).rejects.toThrow(StoreDamagedError);
      const app = createApp({
        store,
        graph: buildGraph([]),
        clientDir: '/nonexistent',
        log: (...a) => errors.push(a),
      });
      const res = await request(app).get(`/api/documents/${row.document}`).expect(503);
      expect(res.body.error.code).toBe('store_damaged');
      expect(res.body.error.message).toContain(
        `table document_actors, row (document="${row.document}", actor="${row.actor}"): column mentions`,
      );
      expect(errors).toHaveLength(1);
      await request(app).get('/api/documents').expect(200);
    } finally {
      await store.close();
    }
  });
});
