// A real stancegraph server in a child process (node --import tsx server/index.ts, or `npm start`
// as a user runs it) on loopback port 0, for tests that kill it, signal it or run two at once.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface ChildServer {
  url: string;
  proc: ChildProcess;
  /** Everything the child printed so far. */
  output(): string;
  /** Resolves when the child has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startChildServer(
  dataDir: string,
  env: Record<string, string> = {},
  timeoutMs = 30_000,
  launcher: 'node' | 'npm-start' = 'node',
): Promise<ChildServer> {
  // `npm start --ignore-scripts` skips the client build (prestart) and runs the start script itself.
  const [command, args] =
    launcher === 'node'
      ? [process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'index.ts')]]
      : ['npm', ['start', '--ignore-scripts', '--silent']];
  const proc = spawn(command, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      STANCEGRAPH_INGEST_RATE: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`child server did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`child server exited (${code ?? signal}) before listening:\n${out}`));
    });
  });
  return {
    url,
    proc,
    output: () => out,
    exited,
    kill(signal) {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}
