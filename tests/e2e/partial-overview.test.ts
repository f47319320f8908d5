// The explorer over a store larger than its overview: the overview reply is made to say it holds
// part of the graph (as it does past 1,000 actors), so every ego view is asked of the server and
// replaces the data drawn. A link into an ego view and a drill-in by "Focus" must draw the
// server's view with no page error.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickNode,
  closeClean,
  frames,
  launchBrowser,
  openPage,
  startServer,
  waitReady,
  type TestServer,
} from './harness.ts';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Reply {
  nodes: { key: string }[];
  attributes: { shown: { actors: number; actorsTotal: number; edgesTotal: number } };
}

/** A page whose overview replies say they show part of the graph; ego views pass unchanged. */
async function openPartial(query: string) {
  const p = await openPage(browser);
  await p.page.route(
    (u) => u.pathname === '/api/graph' && !u.searchParams.has('focus'),
    async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as Reply;
      body.attributes.shown.actorsTotal = body.attributes.shown.actors + 500;
      body.attributes.shown.edgesTotal += 5_000;
      await route.fulfill({ response: res, json: body });
    },
  );
  const egoReplies: Reply[] = [];
  p.page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname === '/api/graph' && u.searchParams.has('focus')) {
      void r.json().then((b: Reply) => egoReplies.push(b));
    }
  });
  await p.page.goto(`${server.url}/${query}`);
  await waitReady(p.page);
  return { ...p, egoReplies };
}

/** Waits until the data drawn is exactly `reply`'s actors. */
async function drawnAs(page: Page, reply: Reply): Promise<void> {
  const want = reply.nodes.map((n) => n.key).sort();
  await page.waitForFunction(
    (w) => JSON.stringify([...window.__stancegraph!.nodes()].sort()) === JSON.stringify(w),
    want,
  );
  await frames(page);
}

describe('explorer with a partial overview', () => {
  it('a link into an ego view draws the view the server sends', async () => {
    const p = await openPartial('?sel=n%3Axi-jinping&focus=xi-jinping&depth=1');
    await expect.poll(() => p.egoReplies.length).toBeGreaterThan(0);
    const reply = p.egoReplies.at(-1)!;
    expect(reply.nodes.map((n) => n.key)).toContain('xi-jinping');
    await drawnAs(p.page, reply);
    expect(await p.page.locator('#focus-bar').textContent()).toContain('Xi Jinping');
    await closeClean(p);
  });

  it('"Focus" on an actor asks the server for its ego view and draws it', async () => {
    const p = await openPartial('');
    const before = await p.page.evaluate(() => window.__stancegraph!.nodes().length);
    await clickNode(p.page, 'kim-jong-un');
    const focus = p.page.locator('.actor-panel .focus-controls button');
    await focus.waitFor();
    const asked = p.page.waitForRequest(
      (r) => new URL(r.url()).searchParams.get('focus') === 'kim-jong-un',
    );
    await focus.click();
    await asked;
    await expect.poll(() => p.egoReplies.length).toBeGreaterThan(0);
    const reply = p.egoReplies.at(-1)!;
    await drawnAs(p.page, reply);
    expect(reply.nodes.length).toBeLessThanOrEqual(before);
    await closeClean(p);
  });
});
