// `npm run bench` entry for the explorer render benchmark (tests/bench/client-render.ts).
export { run, title } from './client-render.ts';
