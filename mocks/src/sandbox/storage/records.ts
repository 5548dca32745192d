/**
 * The flows' records in the database, one function per read or write. A record belongs to a tenant (the
 * credential that created it, see ../tenants.ts): every lookup names it, so another tenant's record is not
 * found. `tenant: null` is the operator's view (control routes called without a credential): every tenant's.
 * Reads meant to be changed lock their row (`FOR UPDATE`), so concurrent changes of one record on PostgreSQL
 * take turns instead of losing one another.
 */
import type { InssOperationHistory, StoredCreditNote, StoredInssOperation, StoredPerson } from '../state.js';
import { jsonText, type Sql } from './database.js';

export interface Scope {
  readonly tx: Sql;
  /** The tenant the request acts for; `null` for the operator (every tenant). */
  readonly tenant: string | null;
}

/** A tenant's write scope: records are created for a tenant, never for "every tenant". */
export interface TenantScope extends Scope {
  readonly tenant: string;
}

const lock = (forUpdate: boolean): string => (forUpdate ? ' FOR UPDATE' : '');

/** PostgreSQL's text cannot hold U+0000: a key with one is no record's (and must not reach the driver). */
export const storableKey = (key: string): boolean => !key.includes('\u0000');

export async function findPerson(scope: Scope, id: string, forUpdate = false): Promise<StoredPerson | undefined> {
  if (!storableKey(id)) return undefined;
  const rows = await scope.tx.query<{ record: StoredPerson['record']; deleted_bank_accounts: StoredPerson['deletedBankAccounts'] }>(
    `SELECT record, deleted_bank_accounts FROM persons WHERE id = $1 AND ($2::text IS NULL OR tenant = $2)${lock(forUpdate)}`,
    [id, scope.tenant],
  );
  const row = rows[0];
  return row ? { record: row.record, deletedBankAccounts: row.deleted_bank_accounts } : undefined;
}

export async function insertPerson(scope: TenantScope, person: StoredPerson): Promise<void> {
  await scope.tx.query('INSERT INTO persons (id, tenant, record, deleted_bank_accounts) VALUES ($1, $2, $3::json, $4::json)', [
    person.record.id,
    scope.tenant,
    jsonText(person.record),
    jsonText(person.deletedBankAccounts),
  ]);
}

export async function updatePerson(scope: Scope, person: StoredPerson): Promise<void> {
  await scope.tx.query('UPDATE persons SET record = $2::json, deleted_bank_accounts = $3::json WHERE id = $1', [
    person.record.id,
    jsonText(person.record),
    jsonText(person.deletedBankAccounts),
  ]);
}

/** The tenant's persons in creation order: all of them, or one page when no filter needs to see them all. */
export async function listPersons(
  scope: Scope,
  page?: { offset: number; limit: number },
): Promise<{ records: StoredPerson['record'][]; total: number }> {
  if (page) {
    const [count] = await scope.tx.query<{ total: number }>(
      'SELECT count(*)::int AS total FROM persons WHERE ($1::text IS NULL OR tenant = $1)',
      [scope.tenant],
    );
    const rows = await scope.tx.query<{ record: StoredPerson['record'] }>(
      'SELECT record FROM persons WHERE ($1::text IS NULL OR tenant = $1) ORDER BY seq OFFSET $2 LIMIT $3',
      [scope.tenant, page.offset, page.limit],
    );
    return { records: rows.map((row) => row.record), total: count?.total ?? 0 };
  }
  const rows = await scope.tx.query<{ record: StoredPerson['record'] }>(
    'SELECT record FROM persons WHERE ($1::text IS NULL OR tenant = $1) ORDER BY seq',
    [scope.tenant],
  );
  return { records: rows.map((row) => row.record), total: rows.length };
}

export async function findCreditNote(scope: Scope, id: string, forUpdate = false): Promise<StoredCreditNote | undefined> {
  if (!storableKey(id)) return undefined;
  const rows = await scope.tx.query<{ note: StoredCreditNote }>(
    `SELECT note FROM credit_notes WHERE id = $1 AND ($2::text IS NULL OR tenant = $2)${lock(forUpdate)}`,
    [id, scope.tenant],
  );
  return rows[0]?.note;
}

/** The tenant owning a credit note (its notifications go to that tenant's URLs). */
export async function creditNoteTenant(scope: Scope, id: string): Promise<string | undefined> {
  const rows = await scope.tx.query<{ tenant: string }>('SELECT tenant FROM credit_notes WHERE id = $1', [id]);
  return rows[0]?.tenant;
}

export async function insertCreditNote(scope: TenantScope, note: StoredCreditNote): Promise<void> {
  await scope.tx.query('INSERT INTO credit_notes (id, tenant, note) VALUES ($1, $2, $3::json)', [note.id, scope.tenant, jsonText(note)]);
}

export async function updateCreditNote(scope: Scope, note: StoredCreditNote): Promise<void> {
  await scope.tx.query('UPDATE credit_notes SET note = $2::json WHERE id = $1', [note.id, jsonText(note)]);
}

export async function listCreditNotes(scope: Scope): Promise<StoredCreditNote[]> {
  const rows = await scope.tx.query<{ note: StoredCreditNote }>(
    'SELECT note FROM credit_notes WHERE ($1::text IS NULL OR tenant = $1) ORDER BY seq',
    [scope.tenant],
  );
  return rows.map((row) => row.note);
}

export async function findInssOperation(scope: Scope, debtKey: string): Promise<StoredInssOperation | undefined> {
  if (!storableKey(debtKey)) return undefined;
  const rows = await scope.tx.query<{ entry: StoredInssOperation }>(
    'SELECT entry FROM inss_operations WHERE debt_key = $1 AND ($2::text IS NULL OR tenant = $2)',
    [debtKey, scope.tenant],
  );
  return rows[0]?.entry;
}

export async function insertInssOperation(
  scope: TenantScope,
  entry: { operation: StoredInssOperation['operation']; histories: InssOperationHistory[] },
): Promise<void> {
  await scope.tx.query('INSERT INTO inss_operations (debt_key, tenant, entry) VALUES ($1, $2, $3::json)', [
    entry.operation.debt_key,
    scope.tenant,
    jsonText(entry),
  ]);
}

/** The tenant's `related_party_key` of a CPF, made with `make` the first time. */
export async function relatedParty(scope: TenantScope, cpf: string, make: () => string): Promise<string> {
  await scope.tx.query('INSERT INTO inss_related_parties (tenant, cpf, related_party_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    scope.tenant,
    cpf,
    make(),
  ]);
  const rows = await scope.tx.query<{ related_party_key: string }>(
    'SELECT related_party_key FROM inss_related_parties WHERE tenant = $1 AND cpf = $2',
    [scope.tenant, cpf],
  );
  return (rows[0] as { related_party_key: string }).related_party_key;
}

/** The next value of a counter (1 the first time); the row lock makes concurrent takers wait their turn. */
export async function nextValue(scope: Scope, name: string): Promise<number> {
  const rows = await scope.tx.query<{ value: number }>(
    'UPDATE counters SET value = value + 1 WHERE name = $1 RETURNING value::float8 AS value',
    [name],
  );
  const row = rows[0];
  if (!row) throw new Error(`no counter ${name}`);
  return row.value;
}

export interface Counts {
  persons: number;
  creditNotes: number;
  inssOperations: number;
}

export async function countRecords(sql: Sql): Promise<Counts> {
  const [row] = await sql.query<Counts>(
    'SELECT (SELECT count(*)::int FROM persons) AS "persons", (SELECT count(*)::int FROM credit_notes) AS "creditNotes", (SELECT count(*)::int FROM inss_operations) AS "inssOperations"',
  );
  return row ?? { persons: 0, creditNotes: 0, inssOperations: 0 };
}
