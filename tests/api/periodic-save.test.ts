// Saving the graph while serving: a server saves its graph once it applied the set number of changes
// (not before), or after an idle time; killed without a chance to save (SIGKILL), the next start
// loads the last saved file, replays the changes logged after it, and answers as a graph built
// from the rows. The two settings are read with their defaults, "off", and refused when malformed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SAVE_SCHEDULE, saveSchedule } from '../../server/periodic-save.ts';
import { openStore } from '../../server/store/index.ts';
import { docA, docB, docN } from '../helpers/store-bundles.ts';
import { startChildServer, type ChildServer } from './helpers/child-server.ts';

const ROUTES = [
  '/healthz',
  '/api/graph?mode=dyads',
  '/api/actors?limit=50',
  '/api/relations?limit=50',
  '/api/documents?limit=50',
];

const dirs: string[] = [];
let child: ChildServer | undefined;

afterEach(async () => {
  await child?.kill('SIGKILL');
  child = undefined;
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function storeWith(...n: number[]): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-periodic-save-'));
  dirs.push(dir);
  const store = await openStore({ DATA_DIR: dir });
  try {
    for (const b of [docA(), docB(), ...n.map(docN)]) await store.addDocument(b);
  } finally {
    await store.close();
  }
  return dir;
}

/** Adds documents to the store from another connection, as another process would. */
async function add(dir: string, ...n: number[]): Promise<void> {
  const store = await openStore({ DATA_DIR: dir });
  try {
    for (const i of n) await store.addDocument(docN(i));
  } finally {
    await store.close();
  }
}

async function replies(url: string): Promise<string[]> {
  const out: string[] = [];
  for (const route of ROUTES) {
    const res = await fetch(url + route);
    out.push(`${res.status} ${await res.text()}`);
  }
  return out;
}

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end && !(await check())) await new Promise((r) => setTimeout(r, 50));
  expect(await check()).toBe(true);
}

const documents = async (url: string) =>
  ((await (await fetch(`${url}/healthz`)).json()) as { documents: number }).documents;

const saves = (out: string) => out.split('\n').filter((l) => /graph saved/.test(l));

describe('saving the graph while serving', () => {
  it('reads its settings with defaults, "off", and refuses a malformed one', () => {
    expect(saveSchedule({})).toEqual(DEFAULT_SAVE_SCHEDULE);
    expect(
      saveSchedule({ STANCEGRAPH_SAVE_CHANGES: '25', STANCEGRAPH_SAVE_IDLE_MS: 'off' }),
    ).toEqual({ changes: 25, idleMs: null });
    expect(() => saveSchedule({ STANCEGRAPH_SAVE_CHANGES: '0' })).toThrow(/SAVE_CHANGES/);
    expect(() => saveSchedule({ STANCEGRAPH_SAVE_IDLE_MS: '1.5s' })).toThrow(/SAVE_IDLE_MS/);
  });

  it('saves after the set number of changes; killed, it starts from that save and replays the rest', async () => {
    const dir = await storeWith(3);
    const env = { STANCEGRAPH_SAVE_CHANGES: '3', STANCEGRAPH_SAVE_IDLE_MS: 'off' };
    child = await startChildServer(dir, env);
    const url = child.url;
    await until(() => /graph saved .* after building/.test(child!.output()));
    const before = await documents(url);
    await add(dir, 20, 21);
    await until(async () => (await documents(url)) === before + 2);
    // Two changes applied: no save yet, whatever the time.
    await new Promise((r) => setTimeout(r, 1500));
    expect(saves(child.output())).toHaveLength(1);
    await add(dir, 22);
    await until(() => saves(child!.output()).length === 2);
    expect(saves(child.output())[1]).toMatch(/after 3 changes/);
    // One more change, never saved: the kill leaves it to the change log.
    await add(dir, 23);
    await until(async () => (await documents(url)) === before + 4);
    const served = await replies(url);
    await child.kill('SIGKILL');

    child = await startChildServer(dir, env);
    expect(child.output()).toMatch(/graph loaded from .*1 logged change\(s\) to replay/);
    expect(await replies(child.url)).toEqual(served);
    await child.kill('SIGKILL');

    // The same replies from a graph built from the rows.
    child = await startChildServer(dir, { ...env, STANCEGRAPH_GRAPH_SNAPSHOT: 'off' });
    expect(child.output()).not.toMatch(/graph loaded/);
    expect(await replies(child.url)).toEqual(served);
  }, 120_000);

  it('saves once the store stays quiet for the idle time', async () => {
    const dir = await storeWith(4);
    const env = { STANCEGRAPH_SAVE_CHANGES: 'off', STANCEGRAPH_SAVE_IDLE_MS: '400' };
    child = await startChildServer(dir, env);
    await until(() => /graph saved .* after building/.test(child!.output()));
    await add(dir, 30);
    await until(() => saves(child!.output()).length === 2);
    expect(saves(child.output())[1]).toMatch(/after 1 change\(s\) and \d+\.\d s without one/);
    await child.kill('SIGKILL');
    child = await startChildServer(dir, env);
    // Saved at the store's generation: loaded with nothing to replay.
    expect(child.output()).toMatch(/graph loaded from .*\(store generation \d+\)/);
  }, 120_000);
});
