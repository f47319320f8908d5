// Entry of the layout worker thread. Plain JavaScript, so it starts under any launcher (node
// --import tsx, the tsx CLI, vitest, the stancegraph bin): module hooks do not reach worker
// threads on Node 20, so the thread registers tsx itself before loading the TypeScript job.
import { register } from 'tsx/esm/api';

register();
await import('./layout-job.ts');
