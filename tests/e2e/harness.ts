// Browser-test harness: the real server in-process (with its default security headers and CSP)
// over a temporary store holding the seed article, and headless Debian chromium driven by
// playwright-core; pages record errors, dialogs and Content-Security-Policy violations.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createApp } from '../../server/app.ts';
import { StanceGraph } from '../../server/graph/index.ts';
import { ingestPaths } from '../../server/ingest/index.ts';
import { dataPath, PROJECT_ROOT } from '../../server/model/index.ts';
import type { SecuritySettings } from '../../server/security/index.ts';
import { openSqliteStore } from '../../server/store/index.ts';

export const SEED_ARTICLE = dataPath('articles', '2022-11-26-scmp-xi-letter-to-kim.txt');
export const SCREENSHOTS = path.join(PROJECT_ROOT, 'tests', 'e2e', 'screenshots');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Security settings for createApp (a write token, say); unset ones take the defaults. */
  security?: Partial<SecuritySettings>;
}

export async function startServer(
  articles: string[] = [SEED_ARTICLE],
  options: ServerOptions = {},
): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-e2e-'));
  const store = openSqliteStore({ file: path.join(dir, 'store.sqlite') });
  const graph = new StanceGraph();
  const summary = await ingestPaths({ store, graph }, articles);
  if (summary.errors.length) throw new Error(`seed ingest failed: ${summary.errors[0]!.message}`);
  // createApp's default security stack (helmet, CSP, token checks), as `npm start` serves it.
  const app = createApp({ store, graph, log: () => {}, security: options.security });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export interface PageOptions {
  downloads?: boolean;
  /** CSS pixels; 1280x800 unless given. */
  viewport?: { width: number; height: number };
}

/**
 * A page (1280x800 unless told) that records native dialogs, page errors and CSP violations (both
 * the securitypolicyviolation events and chromium's console reports of them).
 */
export async function openPage(browser: Browser, options: PageOptions = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    acceptDownloads: options.downloads ?? false,
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  const csp: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) csp.push(m.text());
  });
  await page.exposeFunction('__reportCsp', (text: string) => csp.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp;
      void report(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  return { page, dialogs, errors, csp, close: () => context.close() };
}

export type TestPage = Awaited<ReturnType<typeof openPage>>;

/** Two animation frames: sigma renders on the next frame after a change. */
export async function frames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

/** Waits until the camera has stopped moving and the frame after it is drawn. */
export async function cameraSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => !window.__stancegraph!.sigma()!.getCamera().isAnimated());
  await frames(page);
}

/** The graph container's box in page pixels. */
export async function graphBox(page: Page) {
  const box = await page.locator('#graph').boundingBox();
  if (!box) throw new Error('the graph is not laid out');
  return box;
}

/** Ids of the actors drawn (not hidden by the reducers). */
export async function drawnNodes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window
      .__stancegraph!.nodes()
      .filter((n) => window.__stancegraph!.viewportPosition(n) !== null)
      .sort(),
  );
}

/** Waits until the graph is loaded and its layout settled. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__stancegraph !== undefined);
  await page.evaluate(() => window.__stancegraph!.ready);
  await page.evaluate(() => window.__stancegraph!.layoutDone());
  await frames(page);
}

export async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((n) => window.__stancegraph!.viewportPosition(n), id);
  if (!p) throw new Error(`node ${id} is not drawn`);
  return p;
}

let lastClick = 0;
/** Clicks a node; clicks are spaced so sigma does not read two as a double-click. */
export async function clickNode(page: Page, id: string): Promise<void> {
  const wait = 350 - (Date.now() - lastClick);
  if (wait > 0) await page.waitForTimeout(wait);
  const p = await nodePosition(page, id);
  await page.mouse.move(p.x, p.y);
  await frames(page);
  await page.mouse.click(p.x, p.y);
  lastClick = Date.now();
  await frames(page);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Visible (not hidden by reducers) edges of the drawn graph, with their colour and role. */
export async function visibleEdges(page: Page) {
  return page.evaluate(() => {
    const sigma = window.__stancegraph!.sigma()!;
    const out: { key: string; role: string; polarity: string | null; color: string }[] = [];
    sigma.getGraph().forEachEdge((key, attrs) => {
      const d = sigma.getEdgeDisplayData(key);
      if (d && !d.hidden) {
        out.push({ key, role: attrs.role, polarity: attrs.polarity, color: d.color });
      }
    });
    return out;
  });
}

/** The explorer at `url`, graph loaded and laid out; close() also checks the page ran clean. */
export async function loadExplorer(
  browser: Browser,
  url: string,
  options: PageOptions = {},
): Promise<TestPage> {
  const p = await openPage(browser, options);
  await p.page.goto(url);
  await waitReady(p.page);
  return { ...p, close: () => closeClean(p) };
}

/** Closes a page after checking it ran clean: no CSP violation, no uncaught error. */
export async function closeClean(p: TestPage): Promise<void> {
  await frames(p.page).catch(() => {});
  const { csp, errors } = p;
  await p.close();
  expect(csp).toEqual([]);
  expect(errors).toEqual([]);
}

/** Opens the ingest form and fills in an article (title and date only when given). */
export async function fillIngest(
  page: Page,
  article: { text: string; title?: string; date?: string },
): Promise<void> {
  await page.click('#btn-ingest');
  if (article.title !== undefined) await page.fill('#ingest-title', article.title);
  if (article.date !== undefined) await page.fill('#ingest-date', article.date);
  await page.fill('#ingest-text', article.text);
}

export interface ExplorerSession {
  /** The server's base URL, without a trailing slash. */
  url(): string;
  /** The explorer at `/${query}`, loaded and laid out (see loadExplorer). */
  load(query?: string, options?: PageOptions): Promise<TestPage>;
}

/** One server (holding `articles`) and one browser for the calling test file's lifetime. */
export function explorerSession(articles?: string[], options: ServerOptions = {}): ExplorerSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(articles, options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    url: () => server!.url,
    load: (query = '', opts = {}) => loadExplorer(browser!, `${server!.url}/${query}`, opts),
  };
}
