// The explorer's panels and notes in headless chromium: actors without events hidden behind a
// counted "show" control, path results in the details panel, the summary and spotlight after an
// article is added, and evidence shown as the whole sentence with the span marked.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawnNodes, explorerSession, fillIngest, frames, screenshot } from './harness.ts';

const session = explorerSession();
const DIMMED_NODE = '#dfe3e8';
const DIMMED_EDGE = '#eceff2';

interface ExportedGraph {
  nodes: { key: string }[];
  edges: {
    key: string;
    source: string;
    target: string;
    attributes: {
      kind: string;
      polarity?: string;
      document: string;
      evidence?: { sentence: number; start: number; end: number; quote: string };
    };
  }[];
}

async function exported(): Promise<ExportedGraph> {
  return (await (await fetch(`${session.url()}/api/graph?mode=events`)).json()) as ExportedGraph;
}

/** Actors with at least one event passing `keep`. */
function eventful(g: ExportedGraph, keep: (polarity: string) => boolean): string[] {
  const ids = new Set<string>();
  for (const e of g.edges) {
    if (e.attributes.kind !== 'event' || !keep(e.attributes.polarity!)) continue;
    ids.add(e.source).add(e.target);
  }
  return [...ids].sort();
}

/** The seed's actor ids are slugs of their names. */
const idOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

async function pick(page: Page, input: string, text: string, option: string) {
  await page.fill(input, text);
  const opt = page.locator('.picker-option', { hasText: option }).first();
  await opt.waitFor({ state: 'visible' });
  await opt.dispatchEvent('mousedown');
}

describe('actors without events', () => {
  it('are hidden by default, counted in a note, and shown on request', async () => {
    const { page, close } = await session.load();
    const g = await exported();
    const all = g.nodes.map((n) => n.key).sort();
    const active = eventful(g, () => true);
    const quiet = all.length - active.length;
    expect(quiet).toBeGreaterThan(0);
    expect(await drawnNodes(page)).toEqual(active);
    const note = page.locator('.eventless-note');
    await expect(note.textContent()).resolves.toBe(`${quiet} actors without events hidden — show`);
    await screenshot(page, 'panels-01-eventless-hidden');

    await page.click('#eventless-toggle');
    await page.waitForFunction(() => location.search.includes('eventless=shown'));
    await frames(page);
    expect(await drawnNodes(page)).toEqual(all);
    await expect(note.textContent()).resolves.toBe(`${quiet} actors without events shown — hide`);

    await page.click('#eventless-toggle');
    await frames(page);
    expect(await drawnNodes(page)).toEqual(active);
    // A filter leaves more actors without an event to show, and the count follows.
    await page.uncheck('#f-polarities-cooperative');
    await frames(page);
    const left = eventful(g, (p) => p !== 'cooperative');
    expect(await drawnNodes(page)).toEqual(left);
    await expect(note.textContent()).resolves.toBe(
      `${all.length - left.length} actors without events hidden — show`,
    );
    await close();
  });
});

describe('path finder', () => {
  it('shows the path in the details panel, hop by hop with events and sentences', async () => {
    const { page, close } = await session.load();
    const pickers = page.locator('.path-finder input[role=combobox]');
    await pick(page, `#${await pickers.nth(0).getAttribute('id')}`, 'Kishida', 'Fumio Kishida');
    await pick(page, `#${await pickers.nth(1).getAttribute('id')}`, 'Kim Jong', 'Kim Jong-un');
    await page.click('#path-go');
    const panel = page.locator('#details .path-panel');
    // The shortest path comes first, drawn on the graph and listed hop by hop.
    const shown = panel.locator('.path-option.shown');
    const chain = shown.locator('.path-chain');
    await chain.waitFor();
    expect(await shown.getAttribute('data-path')).toBe('0');
    const text = (await chain.textContent()) ?? '';
    expect(text.startsWith('Fumio Kishida')).toBe(true);
    expect(text.endsWith('Kim Jong-un')).toBe(true);
    const names = text.split(' — ');
    const hops = shown.locator('.hop');
    expect(await hops.count()).toBe(names.length - 1);
    for (let i = 0; i < names.length - 1; i++) {
      const hop = hops.nth(i);
      expect(await hop.locator('h4').textContent()).toContain(`${names[i]} — ${names[i + 1]}`);
      expect(await hop.locator('.event').count()).toBeGreaterThan(0);
      await hop.locator('.quote mark').first().waitFor();
    }
    // The sidebar keeps the form only; the details panel is in view.
    expect(await page.locator('#sidebar .hops, #sidebar .path-chain').count()).toBe(0);
    const box = (await panel.boundingBox())!;
    expect(box.y).toBeLessThan(800);
    expect(await page.evaluate(() => window.__stancegraph!.view().path)).toEqual({
      from: 'fumio-kishida',
      to: 'kim-jong-un',
    });
    const highlighted = () =>
      page.evaluate(() => {
        const sigma = window.__stancegraph!.sigma()!;
        return sigma
          .getGraph()
          .nodes()
          .filter((n) => sigma.getNodeDisplayData(n)?.highlighted)
          .sort();
      });
    await frames(page);
    expect(await highlighted()).toEqual([...names.map(idOf)].sort());
    await screenshot(page, 'panels-02-path');

    // Another path, when there is one, can be drawn instead.
    const others = panel.locator('.path-option:not(.shown)');
    if ((await others.count()) > 0) {
      const other = others.first();
      const index = await other.getAttribute('data-path');
      const otherNames = ((await other.locator('.path-chain').textContent()) ?? '').split(' — ');
      await other.locator('.path-show').click();
      await panel.locator(`.path-option.shown[data-path="${index}"] .hop`).first().waitFor();
      await frames(page);
      expect(await highlighted()).toEqual([...otherNames.map(idOf)].sort());
    }

    await page.click('#path-panel-clear');
    await page.locator('#details .help h2', { hasText: 'Explore' }).waitFor();
    expect(await page.evaluate(() => window.__stancegraph!.view().path)).toBeNull();
    await close();
  });

  it('reopens a linked path in the details panel, keeping the linked selection', async () => {
    const { page, close } = await session.load(
      '?pfrom=fumio-kishida&pto=kim-jong-un&sel=n%3Axi-jinping',
    );
    await page.locator('.actor-panel h2', { hasText: 'Xi Jinping' }).waitFor();
    // Clearing the selection shows the path behind it.
    await page.locator('#graph').focus();
    await page.keyboard.press('Escape');
    const chain = page.locator('#details .path-option.shown .path-chain');
    await chain.waitFor();
    expect(await chain.textContent()).toMatch(/^Fumio Kishida — .* — Kim Jong-un$/);
    await close();
  });
});

describe('adding an article', () => {
  it('spotlights what the article added and sums it up, selecting nothing', async () => {
    const { page, close } = await session.load();
    const colourBefore = await page.evaluate(
      () => window.__stancegraph!.sigma()!.getNodeDisplayData('kim-jong-un')!.color,
    );
    await fillIngest(page, {
      title: 'Leaders meet in Berlin',
      date: '2023-03-06',
      text:
        'French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday. ' +
        'Macron praised Scholz for his support of Ukraine. Russia condemned Germany over the new arms shipments.',
    });
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/api/documents'),
      ),
      page.click('#ingest-add'),
    ]);
    const added = (await response.json()) as {
      id: string;
      extraction: { actors: { id: string }[]; events: unknown[] };
    };
    const panel = page.locator('#details .added-panel');
    await panel.waitFor();
    expect(await page.locator('.ingest-dialog').isVisible()).toBe(false);
    expect(await page.evaluate(() => window.__stancegraph!.view().selection)).toBeNull();
    const actors = added.extraction.actors.map((a) => a.id).sort();
    const events = added.extraction.events.length;
    expect(actors.length).toBeGreaterThan(1);
    expect(events).toBeGreaterThan(0);
    await expect(panel.locator('.added-counts').textContent()).resolves.toBe(
      `${actors.length} actors, ${events} event${events === 1 ? '' : 's'}`,
    );
    const listed = await panel
      .locator('.added-actors li')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-actor')!).sort());
    expect(listed).toEqual(actors);
    expect(await panel.locator('.event').count()).toBe(events);

    await page.evaluate(() => window.__stancegraph!.layoutDone());
    await frames(page);
    const g = await exported();
    // Events by key; affiliations by their pair, as the explorer draws one line per pair.
    const ofDocument = new Set(
      g.edges
        .filter((e) => e.attributes.document === added.id)
        .map((e) => (e.attributes.kind === 'event' ? e.key : `${e.source}>${e.target}`)),
    );
    const shown = await page.evaluate(() => {
      const sigma = window.__stancegraph!.sigma()!;
      const graph = sigma.getGraph();
      return {
        nodes: graph.nodes().flatMap((n) => {
          const d = sigma.getNodeDisplayData(n);
          return d && !d.hidden
            ? [
                {
                  id: n,
                  highlighted: !!d.highlighted,
                  color: d.color,
                  stored: graph.getNodeAttributes(n),
                },
              ]
            : [];
        }),
        edges: graph.edges().flatMap((k) => {
          const d = sigma.getEdgeDisplayData(k);
          const a = graph.getEdgeAttributes(k);
          const keys =
            a.role === 'affiliation' ? [`${graph.source(k)}>${graph.target(k)}`] : a.events;
          return d && !d.hidden ? [{ keys, color: d.color }] : [];
        }),
      };
    });
    for (const n of shown.nodes) {
      // Display state comes from the reducers; the graph's own attributes stay as they were.
      expect(n.stored).not.toHaveProperty('highlighted');
      if (actors.includes(n.id)) expect(n.highlighted, n.id).toBe(true);
      else expect(n.color, n.id).toBe(DIMMED_NODE);
    }
    expect(shown.nodes.some((n) => actors.includes(n.id))).toBe(true);
    for (const e of shown.edges) {
      const mine = e.keys.some((k) => ofDocument.has(k));
      if (mine) expect(e.color).not.toBe(DIMMED_EDGE);
      else expect(e.color).toBe(DIMMED_EDGE);
    }
    await screenshot(page, 'panels-03-added');

    await page.click('#added-done');
    await page.locator('#details .help h2', { hasText: 'Explore' }).waitFor();
    await frames(page);
    const after = await page.evaluate(
      () => window.__stancegraph!.sigma()!.getNodeDisplayData('kim-jong-un')!.color,
    );
    expect(after).toBe(colourBefore);
    await close();
  });
});

describe('evidence', () => {
  it('shows the whole sentence with the evidence span marked', async () => {
    const g = await exported();
    const bodies = new Map<string, { text: string; sentences: { start: number; end: number }[] }>();
    let chosen: ExportedGraph['edges'][number] | null = null;
    let sentence = '';
    for (const e of g.edges) {
      const ev = e.attributes.evidence;
      if (e.attributes.kind !== 'event' || !ev) continue;
      if (!bodies.has(e.attributes.document)) {
        const doc = (await (
          await fetch(`${session.url()}/api/documents/${e.attributes.document}`)
        ).json()) as { document: { text: string }; sentences: { start: number; end: number }[] };
        bodies.set(e.attributes.document, { text: doc.document.text, sentences: doc.sentences });
      }
      const body = bodies.get(e.attributes.document)!;
      const s = body.sentences[ev.sentence]!;
      const text = body.text.slice(s.start, s.end);
      if (text.length > ev.quote.length + 20) {
        chosen = e;
        sentence = text;
        break;
      }
    }
    expect(chosen, 'an event whose evidence is part of its sentence').not.toBeNull();
    const e = chosen!;
    const quote = e.attributes.evidence!.quote;
    expect(sentence).toContain(quote);
    expect(sentence).toMatch(/[.!?]["”’]?$/);

    const { page, close } = await session.load(
      `?sel=${encodeURIComponent(`e:d:${e.source}>${e.target}`)}`,
    );
    const item = page.locator(`.edge-panel li[data-event="${e.key}"]`);
    await item.waitFor();
    const button = item.locator('.quote');
    await page.waitForFunction(
      ({ key, text }) =>
        document.querySelector(`li[data-event="${key}"] .quote`)?.textContent === `“${text}”`,
      { key: e.key, text: sentence },
    );
    expect(await button.locator('mark.mark-evidence').allTextContents()).toEqual([quote]);
    await screenshot(page, 'panels-04-sentence');

    await button.click();
    await page.locator('.article-dialog mark.mark-evidence').first().waitFor({ state: 'visible' });
    const marked = (
      await page.locator('.article-dialog mark.mark-evidence').allTextContents()
    ).join('');
    expect(marked).toBe(quote);
    await close();
  });
});
