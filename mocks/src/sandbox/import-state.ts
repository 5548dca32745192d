/**
 * `import-state <state.json> --data-dir <dir> | --database-url <url> [--client-id <id> | --bearer <token>]`:
 * brings a state file of the old `--state-file` (format `credit-apis-sandbox` version 1, state.ts) into a
 * database, in one transaction: persons, credit notes, INSS operations, related parties and the INSS
 * sequences. The old file had no tenants, so its records go to one: the ECCOR FGTS client (`--client-id`),
 * or the tenant a bearer token names (`--bearer`), else `anonymous` (seen by the operator's control routes only).
 * The file is read, never changed. A database that already has one of its records refuses the whole import.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseState, type SandboxState } from './state.js';
import { StorageError } from './storage/database.js';
import { openStorage, type StorageOptions } from './storage/open.js';
import { insertCreditNote, insertInssOperation, insertPerson, type TenantScope } from './storage/records.js';
import { ANONYMOUS, tenantOf } from './tenants.js';

export interface ImportResult {
  tenant: string;
  persons: number;
  creditNotes: number;
  inssOperations: number;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

export function readStateFile(file: string): SandboxState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ImportError(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`${file}: is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return parseState(value);
  } catch (error) {
    throw new ImportError(`${file}: is not a sandbox state file (${error instanceof Error ? error.message : String(error)})`);
  }
}

export async function importState(file: string, storage: StorageOptions, tenant: string = ANONYMOUS): Promise<ImportResult> {
  const state = readStateFile(file);
  const db = await openStorage(storage);
  try {
    return await db.transaction(async (tx) => {
      const scope: TenantScope = { tx, tenant };
      const persons = Object.values(state.eccorFgts.persons);
      for (const person of persons) await insertPerson(scope, person);
      const notes = Object.values(state.eccorFgts.creditNotes);
      for (const note of notes) await insertCreditNote(scope, note);
      const operations = Object.values(state.nossaFintechInss.operations);
      for (const entry of operations) await insertInssOperation(scope, entry);
      for (const [cpf, key] of Object.entries(state.nossaFintechInss.relatedParties)) {
        await tx.query('INSERT INTO inss_related_parties (tenant, cpf, related_party_key) VALUES ($1, $2, $3)', [tenant, cpf, key]);
      }
      // The file kept the next values; the counters keep the last ones given.
      for (const [name, next] of Object.entries(state.nossaFintechInss.next)) {
        await tx.query('UPDATE counters SET value = greatest(value, $2) WHERE name = $1', [`inss.${name}`, next - 1]);
      }
      return { tenant, persons: persons.length, creditNotes: notes.length, inssOperations: operations.length };
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new ImportError(`${file}: the database already has some of its records (imported before?): nothing was imported`);
    throw error;
  } finally {
    await db.close();
  }
}

/** The subcommand; returns the exit code. */
export async function importStateCli(argv: readonly string[]): Promise<number> {
  const usage = 'Usage: import-state <state.json> (--data-dir <dir> | --database-url postgres://…) [--client-id <id> | --bearer <token>]';
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        'client-id': { type: 'string' },
        bearer: { type: 'string' },
      },
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (positionals.length !== 1 || file === undefined || (values['data-dir'] === undefined) === (values['database-url'] === undefined)) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const tenant =
    values['client-id'] !== undefined
      ? `client:${values['client-id']}`
      : values.bearer !== undefined
        ? tenantOf({ authorization: `Bearer ${values.bearer}` })
        : ANONYMOUS;
  try {
    const result = await importState(file, { dataDir: values['data-dir'], databaseUrl: values['database-url'] }, tenant);
    process.stdout.write(
      `imported ${file}: ${result.persons} persons, ${result.creditNotes} credit notes, ${result.inssOperations} INSS operations, for tenant ${result.tenant}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`import-state: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof ImportError || error instanceof StorageError ? 1 : 2;
  }
}
