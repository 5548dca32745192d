/**
 * The one interface the sandbox's flows and its outbox use to reach their state: SQL in PostgreSQL's dialect,
 * whichever engine runs it (storage/pglite.ts: in memory or in a folder; storage/postgres.ts: a server).
 * Every flow runs in one `transaction()`: its answer is sent only after the commit, so an acknowledged write
 * is never lost and a half-made change is never seen.
 */

export interface Sql {
  /** One statement with `$1…` parameters; the rows it returns. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export type StorageKind = 'memory' | 'data-dir' | 'postgres';

export interface Database extends Sql {
  readonly kind: StorageKind;
  /** For messages and the banner: `memory`, the folder, or the URL without its password. */
  readonly where: string;
  /** Only this process uses the database (memory, a locked data dir): delivery leases of an earlier run are void. */
  readonly exclusive: boolean;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class StorageError extends Error {
  override name = 'StorageError';
}

/**
 * A JSON value as a `$n::json` parameter: both engines take the text (neither guesses an object's type).
 * Records are `json`, not `jsonb`: `json` keeps the text as written, so a record keeps the key order of the
 * provider's capture (`jsonb` would sort the keys).
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value);
}
