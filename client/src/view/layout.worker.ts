// The ForceAtlas2 web worker: runs batches off the main thread and posts positions after each,
// until the run settles or a new run replaces it.
import { createLayoutRun, type LayoutInput } from '../graph/index.ts';

interface StartMessage {
  type: 'start';
  run: number;
  input: LayoutInput;
}

let current = 0;

function loop(run: number, stepper: ReturnType<typeof createLayoutRun>): void {
  if (run !== current) return;
  const s = stepper.step();
  postMessage({ type: s.settled ? 'done' : 'tick', run, ...s });
  // Yield between batches so a newer start message can supersede this run.
  if (!s.settled) setTimeout(() => loop(run, stepper), 0);
}

onmessage = (ev: MessageEvent<StartMessage | { type: 'stop' }>) => {
  const msg = ev.data;
  if (msg.type === 'stop') {
    current = -1;
    return;
  }
  current = msg.run;
  loop(msg.run, createLayoutRun(msg.input));
};
