// The explorer against a server that needs a write token (issue 5): adding an article asks for
// the token in the page's own dialog (never window.prompt), says when it is refused, keeps it in
// sessionStorage and sends it as a bearer token; reads need none.
import { describe, expect, it } from 'vitest';
import { explorerSession, fillIngest, frames, screenshot } from './harness.ts';

const TOKEN = 'e2e-write-token-0123456789';

const session = explorerSession(undefined, { security: { token: TOKEN } });

describe('explorer with a write token', () => {
  it('asks for the token when adding an article, and remembers it for the tab', async () => {
    const p = await session.load();
    const { page } = p;
    const writes: (string | null)[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') writes.push(r.headers()['authorization'] ?? null);
    });
    // Reads stay open: the graph loaded without any token.
    expect(await page.evaluate(() => window.__stancegraph!.nodes().length)).toBeGreaterThan(0);
    expect(await page.locator('.token-dialog').isVisible()).toBe(false);

    await fillIngest(page, {
      title: 'Token test',
      text:
        'German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris. ' +
        'Scholz praised Macron for his leadership.',
    });
    await page.click('#ingest-add');
    // The server says writes need a token, so the dialog comes before any write is sent.
    const dialog = page.locator('dialog.token-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(writes).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('token-input');
    expect(await page.locator('label[for=token-input]').textContent()).toBe('Token');
    await screenshot(page, '15-token-dialog');

    // A wrong token is sent, refused, and the dialog comes back saying so.
    await page.fill('#token-input', 'not-the-right-token-at-all');
    await page.click('#token-submit');
    await page.locator('.token-dialog.token-rejected').waitFor({ state: 'visible' });
    await expect(page.locator('#token-message').textContent()).resolves.toContain('did not accept');
    expect(writes).toEqual(['Bearer not-the-right-token-at-all']);

    await page.keyboard.type(TOKEN);
    await page.keyboard.press('Enter');
    await page.locator('#details .added-panel').waitFor();
    await page.waitForFunction(() => window.__stancegraph!.nodes().includes('olaf-scholz'));
    expect(writes.at(-1)).toBe(`Bearer ${TOKEN}`);
    expect(await page.evaluate(() => sessionStorage.getItem('stancegraph.token'))).toBe(TOKEN);

    // The next write reuses the kept token without asking.
    const before = writes.length;
    await fillIngest(page, { text: 'Scholz met Macron again in Berlin.' });
    await page.click('#ingest-preview');
    await page.locator('.preview-actors li').first().waitFor();
    expect(writes.length).toBe(before + 1);
    expect(writes.at(-1)).toBe(`Bearer ${TOKEN}`);
    expect(await dialog.isVisible()).toBe(false);
    await frames(page);

    expect(p.dialogs).toEqual([]);
    await p.close();
  });

  it('cancelling the token dialog leaves the data unchanged and says why', async () => {
    const p = await session.load();
    const { page } = p;
    const count = await page.evaluate(() => window.__stancegraph!.nodes().length);
    await fillIngest(page, {
      text: 'Japanese Prime Minister Fumio Kishida met Joe Biden in Tokyo.',
    });
    await page.click('#ingest-add');
    await page.locator('dialog.token-dialog').waitFor({ state: 'visible' });
    await page.click('#token-cancel');
    await page.locator('.ingest-status .error').waitFor();
    await expect(page.locator('.ingest-status').textContent()).resolves.toMatch(/token/i);
    expect(await page.evaluate(() => window.__stancegraph!.nodes().length)).toBe(count);
    expect(await page.evaluate(() => sessionStorage.getItem('stancegraph.token'))).toBeNull();
    expect(p.dialogs).toEqual([]);
    await p.close();
  });
});
