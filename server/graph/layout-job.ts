// The layout thread's side: each message is a square layout job (layout.ts) with its id; the reply
// is the positions, their buffers transferred back, or the error's message.
import { parentPort } from 'node:worker_threads';
import { runSquareLayout, type SquareLayoutJob } from './layout.ts';

parentPort!.on('message', (message: { id: number; job: SquareLayoutJob }) => {
  try {
    const { x, y } = runSquareLayout(message.job);
    parentPort!.postMessage({ id: message.id, x, y }, [
      x.buffer as ArrayBuffer,
      y.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).message });
  }
});
