/**
 * A throwaway PostgreSQL cluster for the tests that need a real server: Debian's `postgresql` binaries
 * (`.ci/run` installs them when missing), `initdb` in a temp folder owned by `postgres` (initdb refuses
 * root: `runuser -u postgres --`), `pg_ctl` on a free loopback port, stopped by the tests. Without the
 * binaries a test skips locally with the reason; under `CI=true` it fails instead.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  /** A fresh database on the cluster, for one test. */
  database(name: string): Promise<string>;
  stop(): void;
}

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? join(root, newest, 'bin') : undefined;
}

/** Why PostgreSQL tests cannot run here, or `undefined` when they can. */
export function postgresMissing(): string | undefined {
  if (binDir()) return undefined;
  const reason = 'PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql; .ci/run does it)';
  if (process.env.CI === 'true') throw new Error(`CI=true: ${reason}`);
  return reason;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startCluster(): Promise<Cluster> {
  const bin = binDir();
  if (!bin) throw new Error(postgresMissing() ?? 'no PostgreSQL');
  const root = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'credit-apis-pg-'));
  const data = join(dir, 'data');
  const as = (command: string, args: string[]): void => {
    const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    execFileSync(file, argv, { stdio: 'pipe', timeout: 60_000 });
  };
  if (root) {
    const { uid, gid } = {
      uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
      gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
    };
    chownSync(dir, uid, gid);
  }
  as('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  // Loopback only, the socket in the temp folder; fsync off: the tests kill mock processes, not this server.
  as('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    async database(name) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
