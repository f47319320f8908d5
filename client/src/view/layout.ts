// Runs ForceAtlas2 on the render graph in a web worker and writes positions back as batches
// arrive; resolves when the layout has settled.
import { layoutInput, type LayoutStep, type RenderGraph } from '../graph/index.ts';

export interface LayoutHandle {
  /** Settles with the number of iterations run. */
  done: Promise<number>;
  stop(): void;
}

let worker: Worker | null = null;
let runs = 0;

function getWorker(): Worker {
  worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

/** Starts a layout run; a previous run still going is superseded. */
export function runLayout(graph: RenderGraph, onStep: (s: LayoutStep) => void): LayoutHandle {
  const w = getWorker();
  const run = ++runs;
  const input = layoutInput(graph);
  let stop = () => {};
  const done = new Promise<number>((resolve, reject) => {
    const onMessage = (ev: MessageEvent<LayoutStep & { type: string; run: number }>) => {
      if (ev.data.run !== run) return;
      const at = new Map(input.ids.map((id, i) => [id, i]));
      // One bulk update, so sigma reprocesses once per batch rather than once per node.
      graph.updateEachNodeAttributes(
        (id, attrs) => {
          const i = at.get(id);
          return i === undefined ? attrs : { ...attrs, x: ev.data.xs[i]!, y: ev.data.ys[i]! };
        },
        { attributes: ['x', 'y'] },
      );
      onStep(ev.data);
      if (ev.data.type === 'done') {
        w.removeEventListener('message', onMessage);
        resolve(ev.data.iterations);
      }
    };
    const onError = (ev: ErrorEvent) => {
      w.removeEventListener('message', onMessage);
      reject(new Error(`stancegraph: layout worker failed: ${ev.message}`));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError, { once: true });
    stop = () => {
      w.removeEventListener('message', onMessage);
      w.postMessage({ type: 'stop' });
      resolve(0);
    };
  });
  w.postMessage({ type: 'start', run, input });
  return { done, stop: () => stop() };
}
