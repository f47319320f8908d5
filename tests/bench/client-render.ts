// Render benchmark of the explorer in headless chromium: time to first render and frame time for
// generated graphs of 1,000 and 5,000 actors, against bare sigma on the same graph in the same
// run (software WebGL here, so only the comparison means much). Prints a table; asserts nothing.
// Run: npx tsx tests/bench/client-render.ts (builds nothing: run `npm run build:client` first).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import express from 'express';
import { build } from 'vite';
import { seededRandom } from '../../server/model/index.ts';
import { EXPORT_EDGE_TYPE, type SubgraphExport } from '../../server/graph/index.ts';
import { PROJECT_ROOT } from '../../server/model/index.ts';
import { launchBrowser } from '../e2e/harness.ts';

export const title = 'explorer render (headless chromium, software WebGL)';

const KINDS = ['person', 'state', 'organization'] as const;
const POLS = ['cooperative', 'hostile', 'neutral'] as const;
const TYPES = { cooperative: 'AGREE', hostile: 'ACCUSE', neutral: 'CONSULT' } as const;
// Only eventCount is tallied; the other counts stay zero.
const UNTALLIED = { outCount: 0, inCount: 0, cooperative: 0, hostile: 0, neutral: 0 } as const;

/**
 * A graph export shaped like GET /api/graph's, with `eventsPerActor` events per actor (3 unless
 * given; the analytics bench asks for more) between random pairs.
 */
export function generatedGraph(actors: number, seed = 7, eventsPerActor = 3): SubgraphExport {
  const rand = seededRandom(seed);
  const nodes = Array.from({ length: actors }, (_, i) => {
    const name = `Actor ${i}`;
    const [x, y] = [rand() * 100, rand() * 100];
    const counts = { ...UNTALLIED, eventCount: 0 };
    const attributes = { kind: KINDS[i % 3]!, name, label: name, country: null, aliases: [] };
    return {
      key: `actor-${i}`,
      attributes: { ...attributes, documents: 1, ...counts, x, y, size: 5 },
    };
  });
  const edges: SubgraphExport['edges'] = Array.from({ length: actors * eventsPerActor }, (_, i) => {
    // Preferential pairs: low ids are busier, as real leaders are.
    const s = Math.floor(actors * rand() ** 2);
    let t = Math.floor(actors * rand());
    if (t === s) t = (t + 1) % actors;
    const polarity = POLS[Math.floor(rand() * 3)]!;
    nodes[s]!.attributes.eventCount++;
    nodes[t]!.attributes.eventCount++;
    return {
      key: `ev-${i}`,
      source: `actor-${s}`,
      target: `actor-${t}`,
      attributes: {
        kind: 'event',
        type: EXPORT_EDGE_TYPE,
        id: `ev-${i}`,
        eventType: TYPES[polarity],
        quad: polarity === 'hostile' ? 'verbal-conflict' : 'verbal-cooperation',
        polarity,
        score: polarity === 'hostile' ? -3 : polarity === 'cooperative' ? 3 : 1,
        mode: null,
        date: `2022-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`,
        datePrecision: 'month',
        confidence: 0.5 + rand() / 2,
        document: 'bench',
        extractor: 'bench',
        evidence: { sentence: 0, start: 0, end: 5, quote: 'bench' },
      },
    };
  });
  return {
    attributes: {
      mode: 'events',
      focus: null,
      depth: null,
      shown: {
        actors: nodes.length,
        actorsTotal: nodes.length,
        actorsBy: 'activity',
        edges: edges.length,
        edgesTotal: edges.length,
        summary: `${nodes.length} actors; ${edges.length} events`,
      },
    },
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes,
    edges,
  };
}

const BARE_HTML = `<!doctype html><html><head><meta charset="utf-8"><style>html,body,#graph{margin:0;width:100%;height:100%}</style>
<script type="module" src="./bare.ts"></script></head><body><div id="graph"></div></body></html>`;

// Bare sigma: the same export, default settings, no reducers, no layout.
const BARE_TS = `import Graph from 'graphology';
import Sigma from 'sigma';
const res = await fetch('/api/graph');
const data = await res.json();
const graph = new Graph({ multi: true, type: 'directed', allowSelfLoops: true });
graph.import(data);
const sigma = new Sigma(graph, document.getElementById('graph'));
const w = window as unknown as Record<string, unknown>;
// The constructor renders synchronously.
w.firstRenderMs = Math.round(performance.now());
w.sigmaInstance = sigma;
`;

async function buildBare(dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), BARE_HTML);
  writeFileSync(path.join(dir, 'bare.ts'), BARE_TS);
  await build({
    root: dir,
    base: '/bare/',
    logLevel: 'silent',
    configFile: false,
    build: { outDir: path.join(dir, 'dist'), target: 'es2022' },
  });
}

interface Measure {
  firstRenderMs: number;
  refreshMs: number;
  frameMs: number;
  animatedFrameMs: number;
}

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof launchBrowser>>['newPage']>>;

/**
 * Mean full refresh time and mean frame interval while the camera animates. The page code is a
 * string because tsx would wrap named functions in a helper the page does not have.
 */
async function frameStats(
  page: Page,
  getSigma: string,
): Promise<{ refreshMs: number; frameMs: number; animatedFrameMs: number }> {
  return page.evaluate(`(async () => {
    const sigma = ${getSigma};
    if (window.__stancegraph) await window.__stancegraph.layoutDone();
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) sigma.refresh();
    const refreshMs = (performance.now() - t0) / 10;
    // A frame: a camera move and a render, waiting for the GPU by reading one pixel back.
    const canvases = sigma.getCanvases();
    const gl = canvases.edges.getContext('webgl2') || canvases.edges.getContext('webgl');
    const px = new Uint8Array(4);
    const camera = sigma.getCamera();
    const t1 = performance.now();
    for (let i = 0; i < 10; i++) {
      const s = camera.getState();
      camera.setState({ ...s, ratio: s.ratio * 0.97, x: s.x + 0.003 });
      sigma.render();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    }
    const frameMs = (performance.now() - t1) / 10;
    // An animated camera move, as a person zooming sees it: sigma counts it as moving, so
    // settings like hideEdgesOnMove apply. Mean interval between animation frames.
    const stamps = [];
    let on = true;
    const tick = (t) => { stamps.push(t); if (on) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const s0 = camera.getState();
    await camera.animate({ ...s0, ratio: s0.ratio * 0.6, x: s0.x + 0.05 }, { duration: 1200 });
    on = false;
    const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);
    const animatedFrameMs = gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length);
    return { refreshMs, frameMs, animatedFrameMs };
  })()`) as Promise<{ refreshMs: number; frameMs: number; animatedFrameMs: number }>;
}

export async function run(): Promise<void> {
  const dist = path.join(PROJECT_ROOT, 'client', 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.log('client/dist is missing: run `npm run build:client` first');
    return;
  }
  const bareDir = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'stancegraph-bare-sigma');
  await buildBare(bareDir);
  let current: unknown = null;
  const app = express();
  app.get('/api/graph', (_req, res) => {
    res.json(current);
  });
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'bench' } });
  });
  app.use('/bare', express.static(path.join(bareDir, 'dist')));
  app.use(express.static(dist));
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  const rows: string[][] = [];
  try {
    for (const n of process.env.BENCH_SIZES?.split(',').map(Number) ?? [1000, 5000]) {
      current = generatedGraph(n);
      const measure = async (url: string, ready: string, sigmaExpr: string): Promise<Measure> => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        page.on('pageerror', (e) => console.error(`page error at ${url}: ${e.message}`));
        await page.goto(url);
        await page.waitForFunction(ready, undefined, { timeout: 120_000 });
        const firstRenderMs = (await page.evaluate(ready)) as number;
        const stats = await frameStats(page, sigmaExpr);
        await context.close();
        return { firstRenderMs, ...stats };
      };
      const ours = await measure(
        `${base}/`,
        'window.__stancegraph && window.__stancegraph.firstRenderMs',
        'window.__stancegraph.sigma()',
      );
      const bare = await measure(`${base}/bare/`, 'window.firstRenderMs', 'window.sigmaInstance');
      const fmt = (v: number) => v.toFixed(1);
      rows.push([
        String(n),
        'stancegraph',
        fmt(ours.firstRenderMs),
        fmt(ours.refreshMs),
        fmt(ours.frameMs),
        fmt(ours.animatedFrameMs),
      ]);
      rows.push([
        String(n),
        'bare sigma',
        fmt(bare.firstRenderMs),
        fmt(bare.refreshMs),
        fmt(bare.frameMs),
        fmt(bare.animatedFrameMs),
      ]);
    }
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
  const head = [
    'actors',
    'renderer',
    'first render ms',
    'full refresh ms',
    'frame ms (camera move)',
    'frame ms (animated zoom)',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log(
    'first render: ms after navigation start (includes fetching /api/graph); events = 3 x actors',
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
