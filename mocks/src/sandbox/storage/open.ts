/**
 * Where the sandbox keeps its state: in memory (nothing given), in a folder (`dataDir`, the embedded engine)
 * or on a PostgreSQL server (`databaseUrl`). One schema and one code path for all three.
 */
import { StorageError, type Database } from './database.js';
import { openDataDir, openMemory } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface StorageOptions {
  /** A folder for the embedded database (created when missing). */
  readonly dataDir?: string | undefined;
  /** `postgres://user:password@host:port/database`: a server shared by several sandboxes. */
  readonly databaseUrl?: string | undefined;
}

export function openStorage(options: StorageOptions): Promise<Database> {
  if (options.dataDir !== undefined && options.databaseUrl !== undefined)
    return Promise.reject(new StorageError('--data-dir and --database-url are two places for one state: give one'));
  if (options.databaseUrl !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl))
      return Promise.reject(
        new StorageError(
          `--database-url takes postgres://user:password@host:port/database, got "${options.databaseUrl.replace(/:[^:@/]*@/, ':***@')}"`,
        ),
      );
    return openPostgres(options.databaseUrl);
  }
  if (options.dataDir !== undefined) return openDataDir(options.dataDir);
  return openMemory();
}

export { StorageError, type Database, type Sql } from './database.js';
