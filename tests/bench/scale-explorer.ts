// The explorer on a scale-bench server, in headless chromium (software WebGL): times from
// navigation start to the overview's first render and to its settled layout, reads what the page
// says it shows, then drills into the busiest actor as a user does (a click on its node, then
// "Focus" in its panel) and times until the ego view fetched from the server is drawn; last, a
// link straight into another actor's ego view, timed from navigation. The page code is passed as
// strings: tsx would wrap named functions in a helper the page does not have.
import path from 'node:path';
import { build } from 'vite';
import { PROJECT_ROOT } from '../../server/model/index.ts';
import { clickNode, frames, launchBrowser, openPage, type TestPage } from '../e2e/harness.ts';

type Page = TestPage['page'];

export interface ExplorerFigures {
  /** Navigation start to the overview drawn, ms. */
  firstRenderMs: number;
  /** Navigation start to the overview's layout settled and the camera fitted, ms. */
  settledMs: number;
  /** The page's own words for what it shows ("Showing 1,000 of 20,000 actors …"). */
  shownNote: string;
  /** The "Focus" click on the busiest actor to its ego view drawn, ms. */
  drillMs: number;
  /** Actors drawn in that ego view, and the page's words for it. */
  drillActors: number;
  drillNote: string;
  /** Navigation start to a linked ego view (another actor) drawn, ms. */
  linkMs: number;
}

const TIMEOUT = 120_000;

/** Builds client/dist from the current sources (the bench serves the built explorer, as `npm start`). */
export async function buildClient(): Promise<void> {
  await build({
    configFile: path.join(PROJECT_ROOT, 'client', 'vite.config.ts'),
    logLevel: 'warn',
  });
}

/**
 * Resolves, once the explorer asks for `focus`'s ego view and draws it, to the page's clock at that
 * moment: the data shown then holds the reply's actors and the focus among them.
 */
async function egoDrawn(page: Page, focus: string): Promise<number> {
  const reply = await page.waitForResponse(
    (r) =>
      r.url().includes('/api/graph?') && r.url().includes(`focus=${encodeURIComponent(focus)}`),
    { timeout: TIMEOUT },
  );
  const body = (await reply.json()) as { nodes: unknown[] };
  const f = JSON.stringify(focus);
  const drawn = await page.waitForFunction(
    `(() => { const n = window.__stancegraph.nodes();
      return n.length === ${body.nodes.length} && n.includes(${f}) ? performance.now() : 0; })()`,
    null,
    { timeout: TIMEOUT, polling: 'raf' },
  );
  return (await drawn.jsonValue()) as number;
}

/** Opens the explorer served at `base`; `hub` must be in the overview, `linked` any other actor. */
export async function explorerFigures(
  base: string,
  hub: string,
  linked: string,
): Promise<ExplorerFigures> {
  const browser = await launchBrowser();
  try {
    const first = await openPage(browser);
    const { page } = first;
    await page.goto(`${base}/`);
    await page.waitForFunction('window.__stancegraph && window.__stancegraph.firstRenderMs', null, {
      timeout: TIMEOUT,
    });
    const firstRenderMs = (await page.evaluate('window.__stancegraph.firstRenderMs')) as number;
    await page.evaluate('window.__stancegraph.ready');
    const settledMs = (await page.evaluate('performance.now()')) as number;
    await frames(page);
    const shownNote = ((await page.locator('#graph-shown').textContent()) ?? '').trim();
    if (first.errors.length) throw new Error(`explorer page error: ${first.errors.join('; ')}`);

    // Drill in as a user does: bring the hub's node to the middle of the canvas (a user pans to
    // it; a large store's layout may leave it under a panel), click it, then "Focus" in its panel.
    await page.evaluate(`(() => {
      const sigma = window.__stancegraph.sigma();
      const a = sigma.getGraph().getNodeAttributes(${JSON.stringify(hub)});
      const at = sigma.viewportToFramedGraph(sigma.graphToViewport({ x: a.x, y: a.y }));
      const camera = sigma.getCamera();
      camera.setState({ ...camera.getState(), x: at.x, y: at.y });
    })()`);
    await frames(page);
    await clickNode(page, hub);
    const panel = page.locator('.actor-panel .focus-controls button');
    await panel.waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(350);
    const t0 = (await page.evaluate('performance.now()')) as number;
    const drawn = egoDrawn(page, hub);
    drawn.catch(() => {}); // awaited below; a click that throws must not leave it unhandled
    await panel.click();
    const drillMs = (await drawn) - t0;
    const drillActors = (await page.evaluate('window.__stancegraph.nodes().length')) as number;
    const drillNote = ((await page.locator('#graph-shown').textContent()) ?? '').trim();
    await first.close();

    // A link straight into another actor's ego view (a shared link, or a reload).
    const second = await openPage(browser);
    const q = encodeURIComponent(linked);
    const linkedDrawn = egoDrawn(second.page, linked);
    linkedDrawn.catch(() => {});
    await second.page.goto(`${base}/?sel=n%3A${q}&focus=${q}&depth=1`);
    const linkMs = await linkedDrawn;
    if (second.errors.length) throw new Error(`explorer page error: ${second.errors.join('; ')}`);
    await second.close();
    return { firstRenderMs, settledMs, shownNote, drillMs, drillActors, drillNote, linkMs };
  } finally {
    await browser.close();
  }
}
