// The explorer on narrow screens (768 to 1024 px wide) in headless chromium: the graph keeps most
// of the width, and the side panels open as drawers over it, from the top bar or by selecting.
import { describe, expect, it } from 'vitest';
import {
  cameraSettled,
  clickNode,
  drawnNodes,
  explorerSession,
  graphBox,
  screenshot,
} from './harness.ts';

const session = explorerSession();

describe('narrow layouts', () => {
  for (const width of [768, 800, 1024]) {
    it(`at ${width} px the graph keeps most of the width and the panels open over it`, async () => {
      const viewport = { width, height: 800 };
      const { page, close } = await session.load('', { viewport });
      const graph = await graphBox(page);
      expect(graph.width).toBeGreaterThanOrEqual(0.6 * width);
      expect(graph.x + graph.width).toBeLessThanOrEqual(width);
      // Every actor drawn lies on the canvas, its label too.
      for (const id of await drawnNodes(page)) {
        const p = (await page.evaluate((n) => window.__stancegraph!.viewportPosition(n), id))!;
        expect(p.x).toBeGreaterThanOrEqual(graph.x);
        expect(p.x).toBeLessThanOrEqual(graph.x + graph.width);
      }
      for (const l of await page.evaluate(() => window.__stancegraph!.labelBoxes())) {
        expect(l.x).toBeGreaterThanOrEqual(0);
        expect(l.x + l.width).toBeLessThanOrEqual(graph.width);
      }
      await screenshot(page, `narrow-${width}-01-graph`);

      // The filters open as a drawer from the top bar and work from there.
      const sidebar = page.locator('#sidebar');
      expect(await sidebar.isVisible()).toBe(false);
      await page.click('#toggle-sidebar');
      await sidebar.waitFor({ state: 'visible' });
      expect(await page.getAttribute('#toggle-sidebar', 'aria-expanded')).toBe('true');
      const drawer = (await sidebar.boundingBox())!;
      expect(drawer.x).toBeGreaterThanOrEqual(0);
      expect(drawer.x + drawer.width).toBeLessThanOrEqual(width);
      await page.uncheck('#f-polarities-hostile');
      await page.waitForFunction(() => location.search.includes('pol='));
      await screenshot(page, `narrow-${width}-02-filters`);
      await page.keyboard.press('Escape');
      await sidebar.waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('toggle-sidebar');

      // Selecting an actor shows its panel, over the graph when the details panel is a drawer.
      await clickNode(page, 'xi-jinping');
      const details = page.locator('#details');
      await details.locator('.actor-panel h2', { hasText: 'Xi Jinping' }).waitFor();
      const panel = (await details.boundingBox())!;
      expect(panel.x).toBeGreaterThanOrEqual(0);
      expect(panel.x + panel.width).toBeLessThanOrEqual(width);
      // Drawers lie over the graph: the canvas keeps its size.
      expect((await graphBox(page)).width).toBe(graph.width);
      await cameraSettled(page);
      // The chosen actor stays in sight beside the panel.
      const xi = (await page.evaluate(() => window.__stancegraph!.viewportPosition('xi-jinping')))!;
      expect(xi.x).toBeGreaterThan(graph.x);
      expect(xi.x).toBeLessThan(panel.x);
      await screenshot(page, `narrow-${width}-03-actor`);
      if (width < 900) {
        await page.click('#details .drawer-close');
        await details.waitFor({ state: 'hidden' });
        await page.click('#toggle-details');
        await details.locator('.actor-panel').waitFor();
      }
      await close();
    });
  }
});
