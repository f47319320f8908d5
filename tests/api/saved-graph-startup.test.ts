// Start-up from a saved graph: the server saves the graph it built from the store, starts from
// that file next time with the same replies, follows the change feed from there, saves again on
// closing when the store moved on, replays changes logged while it was down, and builds from the
// store (one log line) when the file is stale (the generation moved without a logged change, or the
// log was trimmed past it) or damaged. The setting places the file or turns saving off.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../server/index.ts';
import { graphSnapshotPath, openStore, STORE_FILE } from '../../server/store/index.ts';
import { docA, docB, docN } from '../helpers/store-bundles.ts';

const ROUTES = [
  '/api/graph',
  '/api/graph?mode=dyads',
  '/api/actors?limit=50',
  '/api/actors/arlen-voss',
  '/api/relations?limit=50',
  '/api/documents?limit=50',
  '/api/export?format=csv',
];

describe('start-up from a saved graph', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let file: string;
  let lines: string[];
  let running: RunningServer | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-saved-start-'));
    env = { DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', STANCEGRAPH_STORE_CHECK: 'off' };
    file = graphSnapshotPath(env)!;
    const store = await openStore(env);
    try {
      for (const b of [docA(), docB(), docN(3), docN(4)]) await store.addDocument(b);
    } finally {
      await store.close();
    }
    lines = [];
    const keep = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    vi.spyOn(console, 'log').mockImplementation(keep);
    vi.spyOn(console, 'warn').mockImplementation(keep);
  });

  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  afterAll(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the server and gives its start-up log lines. */
  async function start(): Promise<string> {
    lines.length = 0;
    running = await startServer(env);
    return lines.join('\n');
  }

  async function replies(): Promise<string[]> {
    const out: string[] = [];
    for (const route of ROUTES) {
      const res = await fetch(running!.url + route);
      out.push(`${res.status} ${await res.text()}`);
    }
    return out;
  }

  async function until(check: () => boolean | Promise<boolean>): Promise<void> {
    for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await check()).toBe(true);
  }

  const documents = async () =>
    ((await (await fetch(`${running!.url}/healthz`)).json()) as { documents: number }).documents;

  let built: string[];

  it('saves the graph it built from the store beside the store file', async () => {
    expect(file).toBe(path.join(dir, `${STORE_FILE}.graph-snapshot`));
    const log = await start();
    expect(log).not.toMatch(/graph loaded/);
    built = await replies();
    await until(
      () => existsSync(file) && lines.some((l) => /graph saved .* after building/.test(l)),
    );
  }, 120_000);

  it('starts from the saved graph next time, with the same replies', async () => {
    const log = await start();
    expect(log).toMatch(/graph loaded from .*graph-snapshot/);
    // What loading dropped is collected before serving.
    expect(log).toMatch(/heap collected after loading in \d+ ms/);
    expect(await replies()).toEqual(built);
  }, 120_000);

  it('follows writes after loading and saves again on closing', async () => {
    await start();
    const before = await documents();
    const other = await openStore(env);
    try {
      await other.addDocument(docN(9));
    } finally {
      await other.close();
    }
    await until(async () => (await documents()) === before + 1);
    const changed = await replies();
    await running!.close();
    running = undefined;
    expect(lines.join('\n')).toMatch(/graph saved .* at shutdown/);
    const log = await start();
    expect(log).toMatch(/graph loaded from/);
    expect(await replies()).toEqual(changed);
  }, 120_000);

  /** The replies of a graph built from the rows (the saved file neither read nor written). */
  async function builtReplies(): Promise<string[]> {
    const saved = env;
    env = { ...env, STANCEGRAPH_GRAPH_SNAPSHOT: 'off' };
    try {
      const log = await start();
      expect(log).not.toMatch(/graph loaded/);
      return await replies();
    } finally {
      env = saved;
      await running!.close();
      running = undefined;
    }
  }

  it('loads the saved graph and replays what was logged while it was down', async () => {
    const other = await openStore(env);
    try {
      const listed = await other.listDocuments({ limit: 10 });
      expect(await other.removeDocument(listed.items.at(-1)!.id)).toBe(true);
      await other.addDocument(docN(11));
    } finally {
      await other.close();
    }
    const fresh = await builtReplies();
    const log = await start();
    expect(log).toMatch(/graph loaded from .*saved at \d+, 2 logged change\(s\) to replay/);
    expect(await replies()).toEqual(fresh);
  }, 120_000);

  it('builds from the store when the generation moved without a logged change', async () => {
    // As a repair does: rows may have been lost that no change in the log accounts for.
    const db = new Database(path.join(dir, STORE_FILE));
    db.exec('UPDATE store_state SET generation = generation + 1 WHERE id = 1');
    db.close();
    const log = await start();
    expect(log).toMatch(/saved graph .* not used \(stale: saved at generation \d+, now \d+\)/);
    expect(log).not.toMatch(/graph loaded/);
    const fresh = await replies();
    await running!.close();
    running = undefined;
    // The graph built from the rows was saved; loaded, it answers as the rows do.
    expect(await start()).toMatch(/graph loaded/);
    expect(await replies()).toEqual(fresh);
  }, 120_000);

  it('builds from the store when the log no longer holds what it would replay', async () => {
    const other = await openStore(env);
    try {
      await other.addDocument(docN(12));
      await other.trimChanges(await other.lastChange());
    } finally {
      await other.close();
    }
    const log = await start();
    expect(log).toMatch(/saved graph .* not used \(stale: saved at generation/);
    const served = await replies();
    await running!.close();
    running = undefined;
    expect(served).toEqual(await builtReplies());
  }, 120_000);

  it('builds from the store, with one line, when the file is damaged', async () => {
    await start();
    const expected = await replies();
    await running!.close();
    running = undefined;
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length * 0.75)]! ^= 0x40;
    writeFileSync(file, bytes);
    const log = await start();
    const warned = log.split('\n').filter((l) => /saved graph/.test(l));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/not used \(damaged: its checksum does not match\); building/);
    expect(await replies()).toEqual(expected);
  }, 120_000);

  it('is placed by STANCEGRAPH_GRAPH_SNAPSHOT, or not saved at all with off', async () => {
    expect(graphSnapshotPath({ ...env, STANCEGRAPH_GRAPH_SNAPSHOT: 'off' })).toBeNull();
    expect(graphSnapshotPath({ ...env, STANCEGRAPH_GRAPH_SNAPSHOT: path.join(dir, 'g.bin') })).toBe(
      path.join(dir, 'g.bin'),
    );
    expect(graphSnapshotPath({ DATABASE_URL: 'postgres://h/db' })).toBeNull();
    rmSync(file);
    env = { ...env, STANCEGRAPH_GRAPH_SNAPSHOT: 'off' };
    await start();
    await new Promise((r) => setTimeout(r, 300));
    await running!.close();
    running = undefined;
    expect(existsSync(file)).toBe(false);
    expect(lines.join('\n')).not.toMatch(/graph saved/);
  }, 120_000);
});
