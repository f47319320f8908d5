// A throwaway PostgreSQL cluster on loopback for tests and benches: initdb in a temporary folder
// (as the postgres user when run as root, since the server refuses root), a free port, no fsync.
// As a script: `tsx tests/helpers/pg-cluster.ts up` prints shell exports of its URL and folder,
// `tsx tests/helpers/pg-cluster.ts down DIR` stops it and removes the folder.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export interface PgCluster {
  /** Superuser URL of the cluster's `postgres` database. */
  url: string;
  dir: string;
  stop(): void;
}

/** The folder of PostgreSQL's server programs: PG_BIN, else the newest Debian install. */
export function postgresBin(): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server program, as the postgres user when this process is root. */
function run(bin: string, program: string, args: string[]): void {
  const file = path.join(bin, program);
  const asRoot = process.getuid?.() === 0;
  execFileSync(asRoot ? 'runuser' : file, asRoot ? ['-u', 'postgres', '--', file, ...args] : args, {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

function postgresIds(): { uid: number; gid: number } {
  const line = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).split(':');
  return { uid: Number(line[2]), gid: Number(line[3]) };
}

/** Starts a fresh cluster; throws when PostgreSQL is not installed. */
export async function startPgCluster(): Promise<PgCluster> {
  const bin = postgresBin();
  if (!bin) throw new Error('pg-cluster: PostgreSQL is not installed (apt-get install postgresql)');
  const dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  run(bin, 'initdb', [
    '-D',
    data,
    '-U',
    'stancegraph',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://stancegraph@127.0.0.1:${port}/postgres`,
    dir,
    stop: () => stopPgCluster(dir),
  };
}

export function stopPgCluster(dir: string): void {
  const bin = postgresBin();
  if (bin && existsSync(path.join(dir, 'data', 'postmaster.pid'))) {
    try {
      run(bin, 'pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already stopped.
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

let counter = 0;

/** A new, empty database in the cluster at `url`; resolves its URL and a function dropping it. */
export async function freshDatabase(
  url: string,
  prefix = 'sg',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

const entry = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (entry === fileURLToPath(import.meta.url)) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'up') {
    const cluster = await startPgCluster();
    process.stdout.write(
      `export STANCEGRAPH_TEST_PG_URL='${cluster.url}'\nexport STANCEGRAPH_TEST_PG_DIR='${cluster.dir}'\n`,
    );
  } else if (command === 'down' && dir) {
    stopPgCluster(dir);
  } else {
    process.stderr.write('usage: tsx tests/helpers/pg-cluster.ts up | down DIR\n');
    process.exitCode = 2;
  }
}
