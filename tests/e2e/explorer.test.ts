// The explorer in headless chromium against the real server holding the seed article (with its
// default security headers, so every scenario also runs under the CSP): the scenarios of issue 4,
// with screenshots of the main states. No scenario may trigger a CSP violation or a page error.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  SEED_ARTICLE,
  clickNode,
  drawnNodes,
  explorerSession,
  fillIngest,
  frames,
  screenshot,
  visibleEdges,
} from './harness.ts';

const HOSTILE = '#d23b32';
const seedText = readFileSync(SEED_ARTICLE, 'utf8');

const session = explorerSession();
const load = session.load;

async function pick(page: Page, input: string, text: string, option: string) {
  await page.fill(input, text);
  const opt = page.locator('.picker-option', { hasText: option }).first();
  await opt.waitFor({ state: 'visible' });
  await opt.dispatchEvent('mousedown');
}

describe('explorer', () => {
  it('loads with the seed graph drawn, fast', async () => {
    const { page, errors, close } = await load();
    const info = await page.evaluate(() => ({
      nodes: window.__stancegraph!.nodes(),
      firstRenderMs: window.__stancegraph!.firstRenderMs,
      drawn: window
        .__stancegraph!.nodes()
        .filter((n) => window.__stancegraph!.viewportPosition(n) !== null).length,
      png: window.__stancegraph!.exportPng().length,
    }));
    console.log(`first render of the seed graph: ${info.firstRenderMs} ms after navigation start`);
    expect(info.nodes).toContain('kim-jong-un');
    expect(info.nodes).toContain('xi-jinping');
    // Every actor with an event is drawn (those without are hidden behind a counted note).
    const withEvents = await page.evaluate(
      () =>
        window
          .__stancegraph!.sigma()!
          .getGraph()
          .filterNodes((_n, a) => a.eventCount > 0).length,
    );
    expect(info.drawn).toBe(withEvents);
    expect(info.firstRenderMs).not.toBeNull();
    // Issue 4 asks for 1.5 s; software WebGL on a loaded CI machine gets some slack.
    expect(info.firstRenderMs!).toBeLessThan(3000);
    // A PNG of a drawn graph is far larger than a blank one of the same size.
    expect(info.png).toBeGreaterThan(20_000);
    expect(await visibleEdges(page)).not.toHaveLength(0);
    expect(errors).toEqual([]);
    // Labels: the most active actors are all named, and enough others to read the picture.
    await page.waitForTimeout(200);
    const labelled = await page.evaluate(() => window.__stancegraph!.labels());
    const active = await page.evaluate(() =>
      window
        .__stancegraph!.sigma()!
        .getGraph()
        .filterNodes((_n, a) => a.eventCount > 0)
        .sort(),
    );
    const top = await page.evaluate(() => {
      const g = window.__stancegraph!.sigma()!.getGraph();
      return g
        .nodes()
        .sort((a, b) => g.getNodeAttribute(b, 'eventCount') - g.getNodeAttribute(a, 'eventCount'))
        .slice(0, 5);
    });
    for (const n of top) expect(labelled).toContain(n);
    expect(labelled.length).toBeGreaterThanOrEqual(Math.min(8, active.length));
    await screenshot(page, '01-loaded');
    await close();
  });

  it('is served with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${session.url()}/`);
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/style-src 'self'(;|$)/);
    expect(policy).not.toContain('unsafe-inline');
    const html = await res.text();
    // Nothing inline for the policy to block: no inline script or style blocks or attributes.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it('searching "Kim" selects Kim Jong-un and shows an evidence quote from the article', async () => {
    const { page, close } = await load();
    await pick(page, '#search', 'Kim', 'Kim Jong-un');
    await page.waitForFunction(() => {
      const s = window.__stancegraph!.view().selection;
      return s?.kind === 'node' && s.id === 'kim-jong-un';
    });
    await expect(page.locator('.actor-panel h2').textContent()).resolves.toContain('Kim Jong-un');
    // Each event shows its whole sentence with the evidence span marked.
    await page.locator('.actor-panel .quote mark').first().waitFor();
    const sentences = await page.locator('.actor-panel .quote').allTextContents();
    expect(sentences.length).toBeGreaterThan(0);
    expect(seedText).toContain(sentences[0]!.replace(/^“|”$/g, ''));
    const quote = (await page.locator('.actor-panel .quote mark').first().textContent())!;
    expect(sentences[0]).toContain(quote);
    // The URL is written 150 ms after the last change.
    await page.waitForFunction(() => location.search.includes('sel='));
    expect(page.url()).toContain('sel=n%3Akim-jong-un');
    await page.waitForTimeout(500);
    await screenshot(page, '02-search-kim');

    await page.locator('.actor-panel .quote').first().click();
    const mark = page.locator('.article-dialog mark.mark-evidence').first();
    await mark.waitFor({ state: 'visible' });
    const marked = (
      await page.locator('.article-dialog mark.mark-evidence').allTextContents()
    ).join('');
    expect(marked).toBe(quote);
    await screenshot(page, '03-article');
    await close();
  });

  it('clicking a node opens its panel', async () => {
    const { page, close } = await load();
    await clickNode(page, 'xi-jinping');
    await page.locator('.actor-panel h2', { hasText: 'Xi Jinping' }).waitFor();
    expect(await page.evaluate(() => window.__stancegraph!.view().selection)).toEqual({
      kind: 'node',
      id: 'xi-jinping',
    });
    expect(await page.locator('.partners tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, '04-node-panel');
    await close();
  });

  it('the polarity filter hides hostile edges', async () => {
    const { page, close } = await load();
    const before = await visibleEdges(page);
    const hostileBefore = before.filter((e) => e.color === HOSTILE);
    expect(hostileBefore.length).toBeGreaterThan(0);
    await page.uncheck('#f-polarities-hostile');
    await frames(page);
    const after = await visibleEdges(page);
    expect(after.filter((e) => e.color === HOSTILE)).toEqual([]);
    expect(after.filter((e) => e.role !== 'affiliation').length).toBeGreaterThan(0);
    await page.waitForFunction(() => location.search.includes('pol='));
    await screenshot(page, '05-no-hostile');
    await close();
  });

  it('the path finder finds a path from Fumio Kishida to Kim Jong-un', async () => {
    const { page, close } = await load();
    const pickers = page.locator('.path-finder input[role=combobox]');
    const fromId = await pickers.nth(0).getAttribute('id');
    const toId = await pickers.nth(1).getAttribute('id');
    await pick(page, `#${fromId}`, 'Kishida', 'Fumio Kishida');
    await pick(page, `#${toId}`, 'Kim Jong', 'Kim Jong-un');
    await page.click('#path-go');
    const chain = page.locator('#details .path-option.shown .path-chain');
    await chain.waitFor();
    const text = (await chain.textContent()) ?? '';
    expect(text.startsWith('Fumio Kishida')).toBe(true);
    expect(text.endsWith('Kim Jong-un')).toBe(true);
    expect(await page.locator('.hops .quote').count()).toBeGreaterThan(0);
    await frames(page);
    const model = await page.evaluate(() => window.__stancegraph!.view().path);
    expect(model).toEqual({ from: 'fumio-kishida', to: 'kim-jong-un' });
    await screenshot(page, '06-path');
    await close();
  });

  it('the ingest form adds an article whose actors then appear', async () => {
    const { page, close } = await load();
    await fillIngest(page, {
      title: 'Leaders meet in Berlin',
      date: '2023-03-06',
      text:
        'French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday. ' +
        'Macron praised Scholz for his support of Ukraine. Russia condemned Germany over the new arms shipments.',
    });
    await page.click('#ingest-preview');
    await page.locator('.preview-actors li', { hasText: 'Emmanuel Macron' }).waitFor();
    expect(await page.locator('.preview-text mark').count()).toBeGreaterThan(0);
    await screenshot(page, '07-ingest-preview');
    await page.click('#ingest-add');
    await page.waitForFunction(() => window.__stancegraph!.nodes().includes('emmanuel-macron'));
    await page.evaluate(() => window.__stancegraph!.layoutDone());
    await page.keyboard.press('Escape');
    await frames(page);
    const drawn = await page.evaluate(() =>
      ['emmanuel-macron', 'olaf-scholz', 'kim-jong-un'].map(
        (n) => window.__stancegraph!.viewportPosition(n) !== null,
      ),
    );
    expect(drawn).toEqual([true, true, true]);
    await screenshot(page, '08-ingested');
    await close();
  });

  it('an article containing markup renders inert', async () => {
    const { page, dialogs, close } = await load();
    const payload = '<img src=x onerror=alert(1)>';
    await fillIngest(page, {
      title: `Payload ${payload}`,
      text:
        `Chinese President Xi Jinping met Japanese Prime Minister Fumio Kishida ${payload} in Bangkok. ` +
        `Kishida urged Xi to restrain North Korea. ${payload}`,
    });
    await page.click('#ingest-preview');
    await page.locator('.preview-text').waitFor();
    await page.click('#ingest-add');
    await page.locator('#details .added-panel').waitFor();
    const id = await page.evaluate(async () => {
      const res = await fetch('/api/documents');
      const body = (await res.json()) as { items: { id: string; title: string | null }[] };
      return body.items.find((d) => d.title?.startsWith('Payload'))!.id;
    });
    await page.evaluate((doc) => window.__stancegraph!.openArticle(doc), id);
    await page.locator('.article-dialog .article-text', { hasText: payload }).waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('.article-dialog h2').textContent()).toBe(`Payload ${payload}`);
    expect(dialogs).toEqual([]);
    await screenshot(page, '09-inert-markup');
    await close();
  });

  it('a link reopens the same view, and an unreachable server shows an error', async () => {
    const { page, close } = await load(
      '?pol=cooperative,neutral&sel=n%3Axi-jinping&focus=xi-jinping&depth=1',
    );
    await page.locator('.actor-panel h2', { hasText: 'Xi Jinping' }).waitFor();
    expect(await page.isChecked('#f-polarities-hostile')).toBe(false);
    expect(await page.locator('#focus-bar').textContent()).toContain('Xi Jinping');
    const edges = await visibleEdges(page);
    expect(edges.filter((e) => e.color === HOSTILE)).toEqual([]);
    await screenshot(page, '10-link-ego');
    await page.route('**/api/graph*', (route) => route.abort());
    await page.reload();
    await page.locator('.status-error', { hasText: 'cannot be reached' }).waitFor();
    await screenshot(page, '11-unreachable');
    await close();
  });
  it('the date range slider narrows events by month, by keyboard and by pointer', async () => {
    const { page, close } = await load();
    const exported = (await (await fetch(`${session.url()}/api/graph?mode=events`)).json()) as {
      edges: { key: string; attributes: { kind: string; date?: string | null } }[];
    };
    const dateOf = new Map(exported.edges.map((e) => [e.key, e.attributes.date ?? null]));
    const months = [...new Set([...dateOf.values()].filter((d) => d && d.length >= 7))]
      .map((d) => d!.slice(0, 7))
      .sort();
    expect(months.length).toBeGreaterThan(1);
    const before = (await visibleEdges(page)).filter((e) => e.role !== 'affiliation').length;

    // Keyboard: the end handle one month back.
    await page.focus('#f-to');
    await page.keyboard.press('ArrowLeft');
    // The histogram has a bar for every month, empty ones too: the end moves back one month.
    const [y0, m0] = months.at(-1)!.split('-').map(Number) as [number, number];
    const last = m0 === 1 ? `${y0 - 1}-12` : `${y0}-${String(m0 - 1).padStart(2, '0')}`;
    await page.waitForFunction((m) => location.search.includes(`to=${m}`), last);
    await frames(page);
    expect(await page.getAttribute('#f-to', 'aria-valuetext')).toMatch(/^to [A-Z][a-z]{2} \d{4}$/);
    const edgeEvents = () =>
      page.evaluate(() => {
        const sigma = window.__stancegraph!.sigma()!;
        const out: string[][] = [];
        sigma.getGraph().forEachEdge((key, attrs) => {
          const d = sigma.getEdgeDisplayData(key);
          if (d && !d.hidden && attrs.role !== 'affiliation') out.push(attrs.events);
        });
        return out;
      });
    const shown = await edgeEvents();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(before);
    // Every edge left shows at least one event inside the range.
    for (const keys of shown) {
      expect(keys.some((k) => (dateOf.get(k) ?? '9999') <= `${last}-31`)).toBe(true);
    }
    await screenshot(page, '12-date-range');

    // Pointer: drag the start handle onto the end handle; it stops a month short of it.
    await page.keyboard.press('End');
    await page.waitForFunction(() => !location.search.includes('to='));
    const track = (await page.locator('.range-track').boundingBox())!;
    const handle = (await page.locator('#f-from').boundingBox())!;
    const y = handle.y + handle.height / 2;
    await page.mouse.move(track.x, y);
    await page.mouse.down();
    await page.mouse.move(track.x + track.width + 20, y, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction((m) => location.search.includes(`from=${m}`), months.at(-1)!);
    expect(await page.locator('#f-from-out').textContent()).toBe(
      await page.locator('#f-to-out').textContent(),
    );
    await page.click('#f-reset');
    await page.waitForFunction(() => !location.search.includes('from='));
    await close();
  });

  it('the type filter and the every-event switch change the edges drawn', async () => {
    const { page, close } = await load();
    const dyads = (await visibleEdges(page)).filter((e) => e.role === 'dyad').length;
    await page.check('#f-mode');
    await page.waitForFunction(() => window.__stancegraph!.view().mode === 'events');
    await frames(page);
    const events = await page.evaluate(() => {
      const sigma = window.__stancegraph!.sigma()!;
      const out: { key: string; type: string }[] = [];
      sigma.getGraph().forEachEdge((key, attrs) => {
        const d = sigma.getEdgeDisplayData(key);
        if (d && !d.hidden && attrs.role === 'event') out.push({ key, type: attrs.label });
      });
      return out;
    });
    const dyadsLeft = (await visibleEdges(page)).filter((e) => e.role === 'dyad').length;
    expect(dyadsLeft).toBe(0);
    // More edges than dyads: some pair has several events, each now drawn apart.
    expect(events.length).toBeGreaterThan(dyads);
    await page.waitForFunction(() => location.search.includes('mode=events'));
    await screenshot(page, '13-every-event');

    const counts = new Map<string, number>();
    for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    const [common] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    await page.click('details.types summary');
    await page.uncheck(`#f-types-${common}`);
    await frames(page);
    const after = await page.evaluate(() => {
      const sigma = window.__stancegraph!.sigma()!;
      const out: string[] = [];
      sigma.getGraph().forEachEdge((key, attrs) => {
        const d = sigma.getEdgeDisplayData(key);
        if (d && !d.hidden && attrs.role === 'event') out.push(attrs.label);
      });
      return out;
    });
    expect(after).not.toContain(common);
    expect(after.length).toBe(events.length - counts.get(common)!);
    await page.waitForFunction(() => /types=[A-Z_%,0-9]+/.test(location.search));
    await close();
  });

  it('exports the view as a PNG download', async () => {
    const { page, close } = await load('', { downloads: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#btn-export'),
    ]);
    expect(download.suggestedFilename()).toBe('stancegraph.png');
    const file = await download.path();
    const png = readFileSync(file!);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const box = (await page.locator('#graph').boundingBox())!;
    expect(width).toBe(Math.round(box.width));
    expect(height).toBe(Math.round(box.height));
    // A drawn graph compresses far worse than a blank canvas of the same size.
    expect(png.length).toBeGreaterThan(20_000);
    await close();
  });

  it('every control is reachable by keyboard and named, and the graph is keyboard-operable', async () => {
    const { page, close } = await load();
    const seen: { id: string; tag: string; name: string }[] = [];
    await page.locator('body').focus();
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const labelled = el.getAttribute('aria-labelledby');
        const input = el as HTMLInputElement;
        const name =
          el.getAttribute('aria-label') ??
          (labelled ? document.getElementById(labelled)?.textContent : null) ??
          (input.labels && input.labels.length ? input.labels[0]!.textContent : null) ??
          el.textContent ??
          '';
        return { id: el.id, tag: el.tagName.toLowerCase(), name: name.trim() };
      });
      if (!info) continue;
      if (seen.some((s) => s.id && s.id === info.id)) break;
      seen.push(info);
    }
    const ids = seen.map((s) => s.id);
    for (const id of [
      'search',
      'btn-ingest',
      'btn-export',
      'btn-copy-link',
      'f-mode',
      'f-polarities-hostile',
      'f-confidence',
      'f-from',
      'f-to',
      'f-reset',
      'path-go',
      'graph',
      'zoom-in',
      'zoom-out',
      'fit-view',
      'eventless-toggle',
    ]) {
      expect(ids, `${id} reachable by Tab`).toContain(id);
    }
    for (const s of seen) expect(s.name, `${s.tag}#${s.id} has a name`).not.toBe('');

    // The graph: Home goes to the most active actor, arrows move, Enter opens the panel.
    await page.focus('#graph');
    await page.keyboard.press('Home');
    const first = await page.evaluate(() => window.__stancegraph!.keyboardCursor());
    expect(first).toBe('xi-jinping');
    await expect(page.locator('#graph-live').textContent()).resolves.toContain('Xi Jinping');
    await expect(page.locator('#graph-keys').isVisible()).resolves.toBe(true);
    // Page Down walks every visible actor by activity and comes back round.
    const total = (await drawnNodes(page)).length;
    const walked = new Set<string>();
    for (let i = 0; i < total; i++) {
      await page.keyboard.press('PageDown');
      walked.add((await page.evaluate(() => window.__stancegraph!.keyboardCursor()))!);
    }
    expect(walked.size).toBe(total);
    expect(await page.evaluate(() => window.__stancegraph!.keyboardCursor())).toBe(first);
    let moved: string | null = first;
    for (const key of ['ArrowUp', 'ArrowLeft', 'ArrowDown', 'ArrowRight']) {
      await page.keyboard.press(key);
      moved = await page.evaluate(() => window.__stancegraph!.keyboardCursor());
      if (moved !== first) break;
    }
    expect(moved).not.toBe(first);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => window.__stancegraph!.view().selection?.id === id, moved);
    await page.locator('.actor-panel h2').waitFor();
    await screenshot(page, '14-keyboard');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__stancegraph!.view().selection === null);
    await close();
  });
});
