// The messages between the extraction pool and its worker threads.
import type { ArticleInput } from '../extract/index.ts';

export type JobTask =
  { task: 'extract'; article: ArticleInput } | { task: 'sentences'; text: string };

export type JobRequest = JobTask & { id: number };

export type JobReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; error: { name: string; message: string; stack: string } };
