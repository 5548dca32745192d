/**
 * The sandbox's schema, as numbered migrations applied in order at start (storage/open.ts), each in the same
 * transaction as its row in `sandbox_migrations`. Never edit a migration that has shipped: add the next one.
 * Several processes starting on one PostgreSQL take turns through an advisory lock, so each migration runs once.
 *
 * Records are kept as the API returns them (JSONB), with the columns the flows look them up by: the tenant
 * (storage of one credential's records), the id, and a sequence for creation order. Times are milliseconds
 * since the epoch (`double precision`), read from the sandbox's clock, not the server's.
 */
import { createHash } from 'node:crypto';
import { StorageError, type Database, type Sql } from './database.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records, outbox and tenants',
    sql: `
      CREATE TABLE persons (
        seq bigint GENERATED ALWAYS AS IDENTITY,
        id text PRIMARY KEY,
        tenant text NOT NULL,
        record json NOT NULL,
        deleted_bank_accounts json NOT NULL DEFAULT '{}'
      );
      CREATE INDEX persons_by_tenant ON persons (tenant, seq);

      CREATE TABLE credit_notes (
        seq bigint GENERATED ALWAYS AS IDENTITY,
        id text PRIMARY KEY,
        tenant text NOT NULL,
        note json NOT NULL
      );
      CREATE INDEX credit_notes_by_tenant ON credit_notes (tenant, seq);

      CREATE TABLE inss_operations (
        seq bigint GENERATED ALWAYS AS IDENTITY,
        debt_key text PRIMARY KEY,
        tenant text NOT NULL,
        entry json NOT NULL
      );
      CREATE TABLE inss_related_parties (
        tenant text NOT NULL,
        cpf text NOT NULL,
        related_party_key text NOT NULL,
        PRIMARY KEY (tenant, cpf)
      );
      CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL);
      INSERT INTO counters (name, value) VALUES ('inss.operationId', 0), ('inss.historyId', 0), ('inss.contract', 0);

      CREATE TABLE tenant_webhooks (
        tenant text NOT NULL,
        position integer NOT NULL,
        url text NOT NULL,
        PRIMARY KEY (tenant, position)
      );

      CREATE TABLE deliveries (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant text NOT NULL,
        provider text NOT NULL,
        webhook text NOT NULL,
        subject text NOT NULL,
        url text NOT NULL,
        payload json NOT NULL,
        created_at double precision NOT NULL,
        state text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_status integer,
        last_error text,
        next_attempt_at double precision,
        settled_at double precision,
        lease_owner text,
        lease_until double precision,
        redelivery_of bigint
      );
      -- A URL's undelivered rows in order (claims stop at their LIMIT); an earlier one of the same subject;
      -- the next due try and the next lease end (one index probe each, however long the backlog).
      CREATE INDEX deliveries_unsettled ON deliveries (url, seq) WHERE state <> 'delivered';
      CREATE INDEX deliveries_by_subject ON deliveries (subject, seq);
      CREATE INDEX deliveries_next_try ON deliveries (next_attempt_at) WHERE state IN ('pending', 'retrying');
      CREATE INDEX deliveries_leases ON deliveries (lease_until) WHERE state = 'sending';

      CREATE TABLE delivery_attempts (
        delivery bigint NOT NULL REFERENCES deliveries (seq),
        number integer NOT NULL,
        started_at double precision NOT NULL,
        duration_ms integer NOT NULL,
        status integer,
        error text,
        owner text NOT NULL,
        PRIMARY KEY (delivery, number)
      );

      CREATE TABLE webhook_endpoints (
        url text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        paused_at double precision,
        next_probe_at double precision,
        last_error text
      );
    `,
  },
  {
    version: 2,
    name: "delivery holds (the console pauses one tenant's URL)",
    sql: `
      -- A tenant's URL paused by hand (the console, POST /_sandbox/webhooks/pause): its deliveries wait in
      -- state 'held', never tried, until it is resumed. Unlike the automatic pause of webhook_endpoints (after
      -- failures, with probes), it is one tenant's: another tenant sending to the same URL is not held.
      CREATE TABLE delivery_holds (
        tenant text NOT NULL,
        url text NOT NULL,
        held_at double precision NOT NULL,
        PRIMARY KEY (tenant, url)
      );
    `,
  },
];

/** Changes when a migration is added: the memory template (storage/pglite.ts) is keyed by it. */
export const SCHEMA_HASH = createHash('sha256')
  .update(MIGRATIONS.map((migration) => `${migration.version}\n${migration.sql}`).join('\n'))
  .digest('hex')
  .slice(0, 12);

const LOCK = 727_274_133;

async function applyIn(tx: Sql, now: number): Promise<number[]> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
  await tx.exec(
    'CREATE TABLE IF NOT EXISTS sandbox_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at double precision NOT NULL)',
  );
  const rows = await tx.query<{ version: number }>('SELECT version FROM sandbox_migrations ORDER BY version');
  const applied = new Set(rows.map((row) => row.version));
  const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
  const newer = rows.find((row) => row.version > latest);
  if (newer)
    throw new StorageError(
      `the database was written by a newer sandbox (migration ${newer.version}; this one knows up to ${latest}): upgrade the mock`,
    );
  const done: number[] = [];
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    await tx.exec(migration.sql);
    await tx.query('INSERT INTO sandbox_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
      migration.version,
      migration.name,
      now,
    ]);
    done.push(migration.version);
  }
  return done;
}

/** Brings the schema up to date; returns the versions it applied (none when it was). */
export function migrate(db: Database, now: number = Date.now()): Promise<number[]> {
  return db.transaction((tx) => applyIn(tx, now));
}
