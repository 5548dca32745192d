/**
 * The embedded engine: PGlite (PostgreSQL compiled to WebAssembly; no native build, the server's own SQL).
 *
 *   - memory (`--sandbox` alone, tests): a fresh database per sandbox. `initdb` costs seconds, so the first
 *     start of a process makes a template (initdb + migrations, dumped as a tarball, also cached in the temp
 *     folder by PGlite version and schema) and every memory sandbox loads it (≈0.4 s instead of ≈3 s);
 *   - a folder (`--data-dir`): PGlite writes through to the files (its Node file system is Emscripten's
 *     NODEFS, no cache of its own), so a commit that returned has reached the operating system and survives
 *     a `kill -9` of the process.
 *
 * A folder is one process's: a lock file holds the owner's pid. PostgreSQL's own `postmaster.pid` carries
 * the WebAssembly process's pid, which is the same for every run, and after a `kill -9` it stays behind and
 * makes the next open hang; so when the lock's owner is gone (or there is no lock), `postmaster.pid` is stale
 * by construction and is removed before opening. A folder whose owner still runs is refused, naming it.
 *
 * PGlite has one connection: its `transaction()` holds it, so the flows' transactions run one at a time.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { StorageError, type Database, type Sql } from './database.js';
import { migrate, SCHEMA_HASH } from './migrations.js';

const LOCK_FILE = 'credit-apis-sandbox.lock';

async function loadPglite(): Promise<typeof import('@electric-sql/pglite')> {
  return import('@electric-sql/pglite');
}

function wrap(target: PGlite | Transaction): Sql {
  return {
    query: async <R>(text: string, params?: readonly unknown[]) => (await target.query<R>(text, params as unknown[] | undefined)).rows,
    exec: async (text: string) => {
      await target.exec(text);
    },
  };
}

function asDatabase(db: PGlite, kind: 'memory' | 'data-dir', where: string, onClose: () => void): Database {
  const sql = wrap(db);
  let closed: Promise<void> | undefined;
  return {
    kind,
    where,
    exclusive: true,
    ...sql,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close() {
      closed ??= db.close().finally(onClose);
      return closed;
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders open in this process (its pid in the lock file does not tell two of its sandboxes apart). */
const openHere = new Set<string>();

/** Takes the folder for this process; throws when another live process has it. Returns the release. */
function lockFolder(dir: string): () => void {
  const lock = join(dir, LOCK_FILE);
  if (existsSync(lock)) {
    const owner = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    if (Number.isInteger(owner) && (owner === process.pid ? openHere.has(dir) : alive(owner))) {
      throw new StorageError(
        `--data-dir ${dir}: in use by process ${owner} (one process per folder; use --database-url for a sandbox shared by several). If no sandbox runs there, remove ${lock}.`,
      );
    }
  }
  // No live owner: PostgreSQL's pid file is a leftover of a killed run, and would make the open hang.
  rmSync(join(dir, 'postmaster.pid'), { force: true });
  writeFileSync(lock, `${process.pid}\n`);
  openHere.add(dir);
  return () => {
    openHere.delete(dir);
    rmSync(lock, { force: true });
  };
}

export async function openDataDir(folder: string): Promise<Database> {
  const dir = resolve(folder);
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    throw new StorageError(`--data-dir ${dir}: cannot be used as a folder (${error instanceof Error ? error.message : String(error)})`);
  }
  const release = lockFolder(dir);
  try {
    const { PGlite } = await loadPglite();
    const db = asDatabase(await PGlite.create({ dataDir: dir }), 'data-dir', dir, release);
    try {
      await migrate(db);
    } catch (error) {
      await db.close();
      throw error;
    }
    return db;
  } catch (error) {
    release();
    if (error instanceof StorageError) throw error;
    throw new StorageError(
      `--data-dir ${dir}: cannot open the sandbox's database (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

let template: Promise<Blob> | undefined;

async function makeTemplate(): Promise<Blob> {
  const { PGlite } = await loadPglite();
  const version = (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('@electric-sql/pglite')), 'utf8')) as { version: string }
  ).version;
  const cached = join(tmpdir(), `credit-apis-sandbox-pglite-${version}-${SCHEMA_HASH}.tar`);
  if (existsSync(cached)) return new Blob([readFileSync(cached)]);
  const fresh = await PGlite.create();
  try {
    await migrate(asDatabase(fresh, 'memory', 'memory', () => {}));
    const dump = await fresh.dumpDataDir('none');
    const partial = `${cached}.${process.pid}.tmp`;
    try {
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      renameSync(partial, cached);
    } catch {
      rmSync(partial, { force: true }); // only a cache: the next start makes it again
    }
    return dump;
  } finally {
    await fresh.close();
  }
}

export async function openMemory(): Promise<Database> {
  template ??= makeTemplate().catch((error: unknown) => {
    template = undefined;
    throw error;
  });
  const { PGlite } = await loadPglite();
  const db = asDatabase(await PGlite.create({ loadDataDir: await template }), 'memory', 'memory', () => {});
  await migrate(db);
  return db;
}
