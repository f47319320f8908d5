// The explorer's analytics in headless chromium, over the seed article plus a CSV of coded events
// imported through POST /api/import (two cooperative groups of states joined by hostile events):
// the ranking panel against GET /api/metrics (and while the server is still computing it), colour
// by bloc against GET /api/blocs (through the reducer, never the graph), the timeline chart of an
// actor and of a dyad against the events the panels list, the export buttons' files parsed back,
// imported events shown by file and row, and the panels at 768 px. Every page must run without a
// CSP violation or an uncaught error.
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as gexfModule from 'graphology-gexf';
import * as graphmlModule from 'graphology-graphml';
import { MultiDirectedGraph } from 'graphology';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cameraSettled, clickNode, explorerSession, frames } from './harness.ts';

type Parser = { parse: (g: typeof MultiDirectedGraph, text: string) => MultiDirectedGraph };
const parserOf = (m: unknown) => ((m as { default?: Parser }).default ?? m) as Parser;
const gexf = parserOf(gexfModule);
const graphml = parserOf(graphmlModule);

const session = explorerSession();
const SHOTS = path.join(tmpdir(), 'stancegraph-analytics');

/** A screenshot for a person to look at, outside the project. */
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}
const CSV_NAME = 'coded-events.csv';
/** Two groups that cooperate within and clash between: France, Germany, Italy; Russia, Belarus, Iran. */
const CSV_ROWS = [
  ['France', 'Germany', 'AGREE', '2024-03-04', 'France and Germany agreed on a common plan.'],
  ['Germany', 'Italy', 'SUPPORT', '2024-03-12', ''],
  ['Italy', 'France', 'COOPERATE', '2024-04-02', ''],
  ['France', 'Italy', 'CONSULT', '2024-04-15', ''],
  ['Russia', 'Belarus', 'AGREE', '2024-03-06', ''],
  ['Belarus', 'Iran', 'SUPPORT', '2024-03-20', ''],
  ['Iran', 'Russia', 'AID', '2024-04-09', ''],
  ['Russia', 'Iran', 'CONSULT', '2024-05-01', ''],
  ['France', 'Russia', 'SANCTION', '2024-04-10', ''],
  ['Germany', 'Belarus', 'ACCUSE', '2024-05-14', ''],
  ['Russia', 'Germany', 'THREATEN', '2024-05-20', ''],
];
const CSV = ['source,target,type,date,quote', ...CSV_ROWS.map((r) => r.join(','))].join('\n');

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${session.url()}/api${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

beforeAll(async () => {
  const res = await fetch(`${session.url()}/api/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ format: 'csv', fileName: CSV_NAME, content: CSV }),
  });
  const body = (await res.json()) as { imported: number; errors: unknown[] };
  expect(res.status).toBe(201);
  expect(body.errors).toEqual([]);
  expect(body.imported).toBe(CSV_ROWS.length);
});

interface Ranking {
  items: { id: string; name: string; value: number }[];
}

async function rankingRows(page: Page) {
  return page.$$eval('.ranking-list li', (lis) =>
    lis.map((li) => ({
      id: (li as HTMLElement).dataset.actor!,
      name: li.querySelector('.ranking-name')!.textContent!,
      value: li.querySelector('.ranking-value')!.textContent!,
    })),
  );
}

/** Waits until the ranking list shows the API's answer for the query. */
async function expectRanking(page: Page, query: string, formatValue: (v: number) => string) {
  const want = await api<Ranking>(`/metrics?${query}&limit=25`);
  expect(want.items.length).toBeGreaterThan(3);
  const expected = want.items.map((i) => ({ id: i.id, name: i.name, value: formatValue(i.value) }));
  await page.waitForFunction(
    (ids) =>
      [...document.querySelectorAll<HTMLElement>('.ranking-list li')]
        .map((li) => li.dataset.actor)
        .join() === ids,
    expected.map((e) => e.id).join(),
  );
  expect(await rankingRows(page)).toEqual(expected);
  return want;
}

describe('ranking panel', () => {
  it('lists the API ranking for each measure and the filters, and selects on click', async () => {
    const { page, close } = await session.load();
    await expectRanking(page, 'measure=pagerank', (v) => v.toFixed(3));
    await page.selectOption('#ranking-measure', 'degree');
    const degree = await expectRanking(page, 'measure=degree', (v) => String(v));
    await page.locator('.ranking-list li').nth(8).scrollIntoViewIfNeeded();
    await screenshot(page, 'analytics-01-ranking');

    // A row selects its actor as search does: the panel opens and the camera goes to it.
    const second = degree.items[1]!;
    await page.click(`.ranking-list li[data-actor="${second.id}"] button`);
    await page.locator('.actor-panel h2', { hasText: second.name }).waitFor();
    expect(await page.evaluate(() => window.__stancegraph!.view().selection)).toEqual({
      kind: 'node',
      id: second.id,
    });
    await page.locator(`.ranking-list li.selected[data-actor="${second.id}"]`).waitFor();
    await cameraSettled(page);

    // Filters reach the ranking: without hostile events it is the API's cooperative-or-neutral one.
    await page.uncheck('#f-polarities-hostile');
    await expectRanking(page, 'measure=degree&polarity=cooperative,neutral', (v) => String(v));
    await page.selectOption('#ranking-measure', 'weighted-degree');
    await expectRanking(page, 'measure=weighted-degree&polarity=cooperative,neutral', (v) =>
      String(v),
    );
    await close();
  });
});

describe('a ranking the server is still computing', () => {
  it('says so while the server answers 503, asks again after Retry-After, then lists it', async () => {
    const { page, close } = await session.load();
    await expectRanking(page, 'measure=pagerank', (v) => v.toFixed(3));
    // The first ask for betweenness meets the answer a long first computation gives.
    let asked = 0;
    await page.route('**/api/metrics?measure=betweenness*', async (route) => {
      if (asked++ > 0) return route.continue();
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'retry-after': '1' },
        body: JSON.stringify({
          error: { code: 'analysis_pending', message: 'the betweenness ranking is being computed' },
        }),
      });
    });
    await page.selectOption('#ranking-measure', 'betweenness');
    await page.locator('.ranking-status', { hasText: 'Computing the ranking…' }).waitFor();
    await expectRanking(page, 'measure=betweenness', (v) => v.toFixed(3));
    expect(asked).toBe(2);
    await close();
  });
});

interface Blocs {
  blocs: { id: number; members: { id: string }[] }[];
  between: { a: number; b: number; events: number; netScore: number }[];
}

describe('colour by bloc', () => {
  it('colours actors by their Louvain bloc through the reducer, with the blocs in the legend', async () => {
    const { page, close } = await session.load();
    const kindColour = await page.evaluate(() =>
      window.__stancegraph!.sigma()!.getGraph().getNodeAttribute('france', 'color'),
    );
    expect(await page.evaluate(() => window.__stancegraph!.nodeColor('france'))).toBe(kindColour);

    await page.check('#color-by-bloc');
    await page.locator('.bloc-list li').first().waitFor();
    await page.waitForFunction(() => location.search.includes('color=bloc'));
    await frames(page);
    const blocs = await api<Blocs>('/blocs');
    expect(await page.locator('.bloc-list li').count()).toBe(blocs.blocs.length);

    // Every drawn actor has its bloc's colour as the legend shows it; the rest share the grey.
    const legend = await page.$$eval('.bloc-list li', (lis) =>
      lis.map((li) => getComputedStyle(li.querySelector('.swatch')!).backgroundColor),
    );
    const drawn = await page.evaluate(() => {
      const s = window.__stancegraph!;
      return Object.fromEntries(s.nodes().map((id) => [id, s.nodeColor(id)]));
    });
    const toRgb = (hex: string) =>
      `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    const blocOf = new Map<string, number>();
    blocs.blocs.forEach((b, i) => b.members.forEach((m) => blocOf.set(m.id, i)));
    const unaligned = new Set<string>();
    for (const [id, colour] of Object.entries(drawn)) {
      if (colour === null) continue;
      const bloc = blocOf.get(id);
      if (bloc === undefined) unaligned.add(colour);
      else expect(toRgb(colour), id).toBe(legend[bloc]);
    }
    expect(unaligned.size).toBeLessThanOrEqual(1);
    // The two groups of the imported file fall into two blocs.
    expect(drawn.france).toBe(drawn.germany);
    expect(drawn.france).toBe(drawn.italy);
    expect(drawn.russia).toBe(drawn.iran);
    expect(drawn.france).not.toBe(drawn.russia);
    // The graph's own attributes are untouched: display state lives in the reducer.
    expect(
      await page.evaluate(() =>
        window.__stancegraph!.sigma()!.getGraph().getNodeAttribute('france', 'color'),
      ),
    ).toBe(kindColour);

    // The net stance between the two groups' blocs, as the API gives it, signed.
    const [fa, ru] = [blocOf.get('france')!, blocOf.get('russia')!].sort((x, y) => x - y);
    const rel = blocs.between.find((r) => r.a === fa && r.b === ru)!;
    expect(rel.netScore).toBeLessThan(0);
    const cells = await page
      .locator(`.bloc-between tr[data-pair="${fa}-${ru}"] td`)
      .allTextContents();
    expect(cells[1]).toBe(String(rel.events));
    expect(cells[2]).toMatch(/^−\d/);
    await screenshot(page, 'analytics-02-blocs');

    // A filter re-runs the blocs: without hostile events the two groups are still apart.
    await page.uncheck('#f-polarities-hostile');
    await page.waitForFunction(() => location.search.includes('pol='));
    await page.locator('.bloc-list li').first().waitFor();
    const coop = await api<Blocs>('/blocs?polarity=cooperative,neutral');
    await page.waitForFunction(
      (n) => document.querySelectorAll('.bloc-list li').length === n,
      coop.blocs.length,
    );
    await page.check('#f-polarities-hostile');

    // Off again: kind colours come back.
    await page.uncheck('#color-by-bloc');
    await page.waitForFunction(() => !location.search.includes('color=bloc'));
    await frames(page);
    expect(await page.evaluate(() => window.__stancegraph!.nodeColor('france'))).toBe(kindColour);
    expect(await page.locator('.bloc-list').count()).toBe(0);
    await close();

    // The URL reopens the bloc colours.
    const again = await session.load('?color=bloc');
    await again.page.locator('.bloc-list li').first().waitFor();
    await frames(again.page);
    expect(await again.page.isChecked('#color-by-bloc')).toBe(true);
    expect(await again.page.evaluate(() => window.__stancegraph!.nodeColor('france'))).toBe(
      drawn.france,
    );
    await again.close();
  });
});

/** Period -> event count of the timeline table shown. */
async function timelineTable(page: Page): Promise<Record<string, number>> {
  return page.$$eval('.timeline-table tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        (r as HTMLElement).dataset.period!,
        Number(r.querySelector('[data-field=events]')!.textContent),
      ]),
    ),
  );
}

/** Period -> count of the events listed in the panel (dated at least to the month). */
async function listedByMonth(page: Page, panel: string): Promise<Record<string, number>> {
  const dates = await page.locator(`${panel} .events .event-date`).allTextContents();
  const out: Record<string, number> = {};
  for (const d of dates)
    if (/^\d{4}-\d{2}/.test(d)) out[d.slice(0, 7)] = (out[d.slice(0, 7)] ?? 0) + 1;
  return out;
}

/** Nonzero counts only: the chart's table also lists the empty periods in between. */
const busy = (t: Record<string, number>) =>
  Object.fromEntries(Object.entries(t).filter(([, n]) => n > 0));

/** How many pixels of the chart's canvas have exactly this colour. */
function pixelsOf(page: Page, hex: string): Promise<number> {
  return page.evaluate((colour) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.timeline-plot canvas')!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) n++;
    }
    return n;
  }, hex);
}

describe('timeline chart', () => {
  it('charts an actor by month and week, the counts matching its events', async () => {
    const { page, close } = await session.load();
    await clickNode(page, 'russia');
    const panel = '.actor-panel';
    await page.locator(`${panel} .timeline-plot canvas`).first().waitFor();
    await page.locator(`${panel} .timeline-table summary`).click();
    const months = await timelineTable(page);
    expect(busy(months)).toEqual(await listedByMonth(page, panel));
    // The bars are drawn: the stacked quads of the busiest month are on the canvas.
    expect(await pixelsOf(page, '#86cfa3')).toBeGreaterThan(20); // verbal cooperation
    expect(await pixelsOf(page, '#b42318')).toBeGreaterThan(20); // material conflict

    // Pointing at a period reads it out.
    const plot = (await page.locator('.timeline-plot .u-over').boundingBox())!;
    const periods = Object.keys(months);
    const last = periods.length - 1;
    await page.mouse.move(
      plot.x + (plot.width * (last + 0.5)) / periods.length,
      plot.y + plot.height / 2,
    );
    await expect
      .poll(() => page.locator('.timeline-readout').textContent())
      .toMatch(new RegExp(`^${periods[last]}: ${months[periods[last]!]} event`));
    await page.mouse.move(5, 400);
    await screenshot(page, 'analytics-03-timeline-month');

    // Weeks: ISO week periods, the same events in total (all imported dates are days).
    await page.click('.timeline-granularity[data-granularity=week]');
    // Some rows, all of them weeks: an empty table (while the weeks load) must not pass.
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('.timeline-table tbody tr')];
      return rows.length > 0 && rows.every((r) => /^\d{4}-W\d{2}$/.test(r.dataset.period!));
    });
    const weeks = await timelineTable(page);
    const sum = (t: Record<string, number>) => Object.values(t).reduce((a, b) => a + b, 0);
    expect(sum(weeks)).toBe(sum(months));
    expect(Object.keys(weeks).length).toBeGreaterThan(Object.keys(months).length);
    expect(
      await page.getAttribute('.timeline-granularity[data-granularity=week]', 'aria-pressed'),
    ).toBe('true');
    await screenshot(page, 'analytics-04-timeline-week');

    // The seed article's events are dated to the month: a week chart leaves them out and says so.
    await clickNode(page, 'xi-jinping');
    await page.locator('.actor-panel h2', { hasText: 'Xi Jinping' }).waitFor();
    await expect
      .poll(() => page.locator('.actor-panel .timeline-readout').textContent())
      .toMatch(/dated too coarsely for weeks/);
    await page.click('.timeline-granularity[data-granularity=month]');
    await page.locator('.actor-panel .timeline-plot canvas').first().waitFor();
    await page.locator('.actor-panel .timeline-table summary').click();
    expect(busy(await timelineTable(page))).toEqual(await listedByMonth(page, '.actor-panel'));
    await close();
  });

  it('charts a dyad from the edge panel, both directions', async () => {
    const key = 'd:france>russia';
    const { page, close } = await session.load(`?sel=${encodeURIComponent(`e:${key}`)}`);
    await page.locator('.edge-panel .timeline-plot canvas').first().waitFor();
    await page.locator('.edge-panel .timeline-table summary').click();
    const table = await timelineTable(page);
    const want = await api<{ buckets: { period: string; eventCount: number }[] }>(
      '/timeline?actor=france&partner=russia',
    );
    expect(table).toEqual(Object.fromEntries(want.buckets.map((b) => [b.period, b.eventCount])));
    // Both directions: the relations API lists as many events between the two.
    const both = await Promise.all(
      ['source=france&target=russia', 'source=russia&target=france'].map((q) =>
        api<{ total: number }>(`/relations?${q}`),
      ),
    );
    expect(Object.values(table).reduce((a, b) => a + b, 0)).toBe(both[0]!.total + both[1]!.total);
    await screenshot(page, 'analytics-05-dyad-timeline');
    await close();
  });
});

describe('export buttons', () => {
  it('download the filtered view as GEXF, GraphML, JSON and CSV', async () => {
    const { page, close } = await session.load('?pol=cooperative,neutral', { downloads: true });
    const view = await api<{
      nodes: { key: string }[];
      edges: { key: string; attributes: { kind: string; polarity?: string } }[];
    }>('/graph?mode=events&polarity=cooperative,neutral&layout=false');
    const nodes = view.nodes.map((n) => n.key).sort();
    const events = view.edges.filter((e) => e.attributes.kind === 'event');
    expect(events.length).toBeGreaterThan(5);

    const download = async (id: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.click(`#${id}`)]);
      return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
    };
    const g = await download('export-gexf');
    expect(g.name).toBe('stancegraph.gexf');
    const fromGexf = gexf.parse(MultiDirectedGraph, g.text);
    expect(fromGexf.nodes().sort()).toEqual(nodes);
    const ml = await download('export-graphml');
    expect(ml.name).toBe('stancegraph.graphml');
    expect(graphml.parse(MultiDirectedGraph, ml.text).nodes().sort()).toEqual(nodes);
    const json = await download('export-json');
    expect(json.name).toBe('stancegraph.json');
    const parsed = JSON.parse(json.text) as typeof view;
    expect(parsed.nodes.map((n) => n.key).sort()).toEqual(nodes);
    expect(parsed.edges.filter((e) => e.attributes.polarity === 'hostile')).toEqual([]);

    const edges = await download('export-csv-edges');
    expect(edges.name).toBe('stancegraph-edges.csv');
    const lines = edges.text.trim().split(/\r\n/);
    const header = lines[0]!.split(',');
    const kind = header.indexOf('kind');
    const polarity = header.indexOf('polarity');
    const rows = lines.slice(1).map((l) => l.split(','));
    // Quotes with commas are quoted cells; kind and polarity come before any of them.
    const eventRows = rows.filter((r) => r[kind] === 'event');
    expect(eventRows.length).toBe(events.length);
    expect(eventRows.every((r) => r[polarity] !== 'hostile')).toBe(true);
    const nodesCsv = await download('export-csv-nodes');
    expect(nodesCsv.name).toBe('stancegraph-nodes.csv');
    expect(
      nodesCsv.text
        .trim()
        .split(/\r\n/)
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(nodes);
    expect(await page.locator('.export-status').textContent()).toBe('Saved stancegraph-nodes.csv.');
    await close();
  });
});

describe('imported events', () => {
  it('name their file and row where a quote would be, and open the file there', async () => {
    const { page, close } = await session.load();
    await clickNode(page, 'germany');
    await page.locator('.actor-panel h2', { hasText: 'Germany' }).waitFor();
    const items = page.locator('.actor-panel .events li');
    const count = await items.count();
    const germanRows = CSV_ROWS.map((r, i) => ({ r, row: i + 1 })).filter(
      ({ r }) => r[0] === 'Germany' || r[1] === 'Germany',
    );
    expect(count).toBe(germanRows.length);
    const shown = await page.locator('.actor-panel .events .quote.imported').allTextContents();
    expect(shown.sort()).toEqual(
      germanRows.map(({ row }) => `Imported from ${CSV_NAME}, row ${row}`).sort(),
    );
    // No sentence is fetched or marked for them.
    expect(await page.locator('.actor-panel .events mark').count()).toBe(0);
    await screenshot(page, 'analytics-06-imported');

    // The button opens the file with that row marked.
    const first = page.locator('.actor-panel .events .quote.imported').first();
    const row = Number(/row (\d+)/.exec((await first.textContent())!)![1]);
    await first.click();
    const marks = page.locator('.article-dialog mark.mark-evidence');
    await marks.first().waitFor();
    // The row (or its quote cell), split where actor mentions are marked inside it.
    const csvRow = CSV_ROWS[row - 1]!;
    expect((await marks.allTextContents()).join('')).toBe(csvRow[4] || csvRow.join(','));
    await page.keyboard.press('Escape');
    await close();
  });
});

describe('at 768 px', () => {
  it('keeps the ranking, export and bloc legend in the drawer and the chart in the details', async () => {
    const width = 768;
    const { page, close } = await session.load('?color=bloc', { viewport: { width, height: 800 } });
    await page.click('#toggle-sidebar');
    const sidebar = page.locator('#sidebar');
    await sidebar.waitFor({ state: 'visible' });
    const drawer = (await sidebar.boundingBox())!;
    for (const sel of ['.ranking-list li', '#export-csv-edges', '.bloc-list li']) {
      const el = page.locator(sel).first();
      await el.waitFor();
      await el.scrollIntoViewIfNeeded();
      const box = (await el.boundingBox())!;
      expect(box.x, sel).toBeGreaterThanOrEqual(drawer.x);
      expect(box.x + box.width, sel).toBeLessThanOrEqual(drawer.x + drawer.width + 0.5);
    }
    await screenshot(page, 'analytics-07-narrow-sidebar');
    // A ranking row opens the actor in the details drawer, the chart inside it.
    const id = await page.locator('.ranking-list li').first().getAttribute('data-actor');
    await page.locator('.ranking-list li button').first().click();
    const details = page.locator('#details');
    await details.locator('.timeline-plot canvas').first().waitFor();
    await cameraSettled(page);
    const panel = (await details.boundingBox())!;
    const chart = (await details.locator('.timeline-plot canvas').first().boundingBox())!;
    expect(chart.x).toBeGreaterThanOrEqual(panel.x);
    expect(chart.x + chart.width).toBeLessThanOrEqual(panel.x + panel.width);
    expect(chart.width).toBeGreaterThan(200);
    expect(await page.evaluate(() => window.__stancegraph!.view().selection?.id)).toBe(id);
    await screenshot(page, 'analytics-08-narrow-details');
    await close();
  });
});
