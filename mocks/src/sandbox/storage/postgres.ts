/**
 * A PostgreSQL server (`--database-url postgres://…`): one sandbox shared by several mock processes or hosts.
 * `pg` is loaded only when a URL is given. Each flow's transaction runs on one pooled connection; one that
 * loses a serialization race or a deadlock is run again (a few times), as PostgreSQL advises.
 */
import type { Pool, PoolClient } from 'pg';
import { StorageError, type Database, type Sql } from './database.js';
import { migrate } from './migrations.js';

const RETRYABLE = new Set(['40001', '40P01']);

function wrap(client: Pool | PoolClient): Sql {
  return {
    query: async <R>(text: string, params?: readonly unknown[]) => (await client.query(text, params as unknown[] | undefined)).rows as R[],
    exec: async (text: string) => {
      await client.query(text);
    },
  };
}

/** The URL as it may be shown: without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return 'postgres://…';
  }
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const where = redactUrl(url);
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server drops must not take the process down.
  pool.on('error', () => {});
  const db: Database = {
    kind: 'postgres',
    where,
    exclusive: false,
    ...wrap(pool),
    async transaction(work) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work(wrap(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          if (attempt < 5 && RETRYABLE.has((error as { code?: string }).code ?? '')) continue;
          throw error;
        } finally {
          client.release();
        }
      }
    },
    close: () => pool.end(),
  };
  try {
    await migrate(db);
  } catch (error) {
    await pool.end().catch(() => {});
    if (error instanceof StorageError) throw error;
    throw new StorageError(
      `--database-url ${where}: cannot open the sandbox's database (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return db;
}
