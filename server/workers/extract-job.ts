// The work of one extraction thread: load the extractor once (a warm-up article pulls in the
// language models), say it is ready, then run every task the pool sends, one at a time: an
// article's extraction, or the sentence spans of a stored text (most of the same analysis).
import { parentPort } from 'node:worker_threads';
import { extractArticle, sentencesOf } from '../extract/index.ts';
import type { JobReply, JobRequest } from './messages.ts';

const port = parentPort;
if (!port) throw new Error('extract-job.ts runs only inside an extraction worker thread');

extractArticle({
  text: 'The Kenyan foreign minister met officials from the African Union in Addis Ababa on Friday.',
});
port.postMessage({ type: 'ready' } satisfies JobReply);

function run(job: JobRequest): unknown {
  if (job.task === 'extract') return extractArticle(job.article);
  return sentencesOf(job.text).map(({ start, end }) => ({ start, end }));
}

port.on('message', (job: JobRequest) => {
  try {
    port.postMessage({ type: 'done', id: job.id, value: run(job) } satisfies JobReply);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({
      type: 'failed',
      id: job.id,
      error: { name: e.name, message: e.message, stack: e.stack ?? '' },
    } satisfies JobReply);
  }
});
