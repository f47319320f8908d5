// The camera and the labels in headless chromium: zoom and fit controls (buttons and keys), the
// camera fitting what is shown after an ego view or a filter, and labels kept inside the canvas
// when their actor sits at the canvas edge.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  cameraSettled,
  clickNode,
  drawnNodes,
  explorerSession,
  frames,
  graphBox,
  screenshot,
} from './harness.ts';

const session = explorerSession();

const ratio = (page: Page) =>
  page.evaluate(() => window.__stancegraph!.sigma()!.getCamera().getState().ratio);

/** Drawn actors whose disc lies wholly inside the graph canvas. */
async function insideCanvas(page: Page): Promise<string[]> {
  const box = await graphBox(page);
  return page.evaluate((b) => {
    const g = window.__stancegraph!;
    const sigma = g.sigma()!;
    return g
      .nodes()
      .filter((n) => {
        const p = g.viewportPosition(n);
        const d = sigma.getNodeDisplayData(n);
        if (!p || !d || d.hidden) return false;
        const r = sigma.scaleSize(d.size);
        return (
          p.x - r >= b.x && p.x + r <= b.x + b.width && p.y - r >= b.y && p.y + r <= b.y + b.height
        );
      })
      .sort();
  }, box);
}

/** Moves the camera so that actor `id` is drawn at (x, y) in canvas pixels, zoomed to `zoom`. */
async function putActorAt(page: Page, id: string, x: number, y: number, zoom?: number) {
  await page.evaluate(
    ({ id, x, y, zoom }) => {
      const sigma = window.__stancegraph!.sigma()!;
      const camera = sigma.getCamera();
      if (zoom !== undefined) camera.setState({ ...camera.getState(), ratio: zoom });
      const a = sigma.getGraph().getNodeAttributes(id);
      const at = sigma.viewportToFramedGraph(sigma.graphToViewport({ x: a.x, y: a.y }));
      const want = sigma.viewportToFramedGraph({ x, y });
      const c = camera.getState();
      camera.setState({ ...c, x: c.x + at.x - want.x, y: c.y + at.y - want.y });
    },
    { id, x, y, zoom },
  );
  await frames(page);
}

describe('camera controls', () => {
  it('zoom in and out by buttons and keys, and Fit (or 0) brings back every shown actor', async () => {
    const { page, close } = await session.load();
    const shown = await drawnNodes(page);
    expect(shown.length).toBeGreaterThan(3);
    expect(await insideCanvas(page)).toEqual(shown);
    const start = await ratio(page);

    await page.click('#zoom-in');
    await cameraSettled(page);
    expect(await ratio(page)).toBeLessThan(start * 0.8);
    await page.click('#zoom-out');
    await cameraSettled(page);
    expect(await ratio(page)).toBeCloseTo(start, 5);

    await page.locator('#graph').focus();
    await page.keyboard.press('+');
    await cameraSettled(page);
    expect(await ratio(page)).toBeLessThan(start * 0.8);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await cameraSettled(page);
    expect(await ratio(page)).toBeGreaterThan(start * 1.2);
    // Typing in the search box is not a shortcut.
    const before = await ratio(page);
    await page.fill('#search', '');
    await page.focus('#search');
    await page.keyboard.press('+');
    await page.waitForTimeout(300);
    expect(await ratio(page)).toBe(before);
    expect(await page.inputValue('#search')).toBe('+');
    await page.fill('#search', '');

    // Lost: zoomed in on one actor at a corner, the rest off screen.
    const box = await graphBox(page);
    await putActorAt(page, shown[0]!, -box.width, -box.height, 0.1);
    expect(await insideCanvas(page)).toEqual([]);
    await page.locator('#graph').focus();
    await page.keyboard.press('0');
    await cameraSettled(page);
    expect(await insideCanvas(page)).toEqual(shown);

    await putActorAt(page, shown[1]!, 2 * box.width, box.height / 2, 0.1);
    expect(await insideCanvas(page)).toEqual([]);
    await page.click('#fit-view');
    await cameraSettled(page);
    expect(await insideCanvas(page)).toEqual(shown);
    await screenshot(page, 'camera-01-fit');
    await close();
  });

  it('fits the camera to what is shown after an ego view, a filter, and back', async () => {
    const { page, close } = await session.load();
    const box = await graphBox(page);
    await clickNode(page, 'xi-jinping');
    await page.locator('.actor-panel h2', { hasText: 'Xi Jinping' }).waitFor();
    // Zoomed in far from Xi Jinping before asking for the ego view.
    await putActorAt(page, 'xi-jinping', 3 * box.width, 3 * box.height, 0.1);
    await page.click('.focus-controls button');
    await page.waitForFunction(() => window.__stancegraph!.view().focus?.id === 'xi-jinping');
    await cameraSettled(page);
    const ego = await drawnNodes(page);
    expect(ego).toContain('xi-jinping');
    expect(ego.length).toBeGreaterThan(2);
    expect(await insideCanvas(page)).toEqual(ego);
    await screenshot(page, 'camera-02-ego');

    // Back to the whole graph from a view zoomed in elsewhere.
    await putActorAt(page, 'xi-jinping', -2 * box.width, 0, 0.1);
    await page.click('#focus-clear');
    await page.waitForFunction(() => window.__stancegraph!.view().focus === null);
    await cameraSettled(page);
    const all = await drawnNodes(page);
    expect(all.length).toBeGreaterThan(ego.length);
    expect(await insideCanvas(page)).toEqual(all);

    // A filter that changes the actors shown.
    await page.keyboard.press('Escape');
    await putActorAt(page, all[0]!, box.width * 4, box.height * 4, 0.1);
    await page.uncheck('#f-polarities-cooperative');
    await page.waitForFunction(() => location.search.includes('pol='));
    await cameraSettled(page);
    const filtered = await drawnNodes(page);
    expect(filtered.length).toBeLessThan(all.length);
    expect(await insideCanvas(page)).toEqual(filtered);
    await close();
  });
});

describe('labels', () => {
  it('stay wholly inside the canvas when their actor is at any edge', async () => {
    const { page, close } = await session.load();
    const box = await graphBox(page);
    await clickNode(page, 'yoon-suk-yeol');
    await page.locator('.actor-panel h2', { hasText: 'Yoon Suk Yeol' }).waitFor();
    const spots = [
      { x: box.width - 6, y: box.height / 2 },
      { x: 6, y: box.height / 2 },
      { x: box.width / 2, y: 4 },
      { x: box.width - 4, y: box.height - 4 },
    ];
    for (const [i, spot] of spots.entries()) {
      await putActorAt(page, 'yoon-suk-yeol', spot.x, spot.y);
      await frames(page);
      const labels = await page.evaluate(() => window.__stancegraph!.labelBoxes());
      const own = labels.find((l) => l.key === 'yoon-suk-yeol');
      expect(own, `label drawn at spot ${i}`).toBeDefined();
      for (const l of labels) {
        expect(l.x, `${l.key} left`).toBeGreaterThanOrEqual(0);
        expect(l.y, `${l.key} top`).toBeGreaterThanOrEqual(0);
        expect(l.x + l.width, `${l.key} right`).toBeLessThanOrEqual(box.width);
        expect(l.y + l.height, `${l.key} bottom`).toBeLessThanOrEqual(box.height);
      }
      if (i === 0) await screenshot(page, 'camera-03-label-at-edge');
    }
    await close();
  });
});
