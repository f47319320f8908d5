#!/usr/bin/env node
// The `stancegraph` command: registers tsx so the TypeScript sources run as they are, then the CLI.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../cli.ts');
await run();
