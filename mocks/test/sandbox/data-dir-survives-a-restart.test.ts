/**
 * `--data-dir`: the state is in an embedded database in that folder (schema migrated at start), so a restart
 * keeps every person, bank account, credit note (with its status and history), INSS operation and sequence.
 * A folder another live process holds is refused, naming it; `--state-file` is refused, naming `--data-dir`
 * and the import.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sandbox, StateFileError, StorageError } from '../../src/sandbox/index.js';
import { MIGRATIONS } from '../../src/sandbox/storage/migrations.js';
import { specData } from '../../src/sandbox/spec-data.js';
import { generatedDir, type RunningMock } from '../support/mock.js';
import { call, control, createCreditNote, createInssOperation, createPerson, requestExample, startSandbox } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'credit-apis-sandbox-'));
const inssExample = specData(
  'nossa-fintech-inss',
  JSON.parse(readFileSync(join(generatedDir, 'nossa-fintech-inss', 'openapi.json'), 'utf8')),
).requestExample('createOperation');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a restart with --data-dir', () => {
  it('keeps every person, credit note and INSS operation', async () => {
    const folder = join(dir, 'nested', 'data');
    let running: RunningMock = await startSandbox({ dataDir: folder });
    expect(running.mock.sandbox?.summary()).toContain(`data dir ${folder} (0 persons, 0 credit notes, 0 INSS operations)`);

    const other = await createPerson(running, (body) => {
      body.name = 'OUTRA PESSOA';
    });
    const { person, noteId } = await createCreditNote(running);
    await call(
      running,
      'POST',
      `/eccor-fgts/v1/NaturalPerson/${other.id}/BankAccount`,
      requestExample(running, 'eccor-fgts', 'addBankAccounts'),
    );
    await call(
      running,
      'DELETE',
      `/eccor-fgts/v1/NaturalPerson/${other.id}/BankAccount/${(other.record.bankAccounts[0] as { id: string }).id}`,
    );
    await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`);
    await control(running, 'POST', `/eccor-fgts/credit-notes/${noteId}/advance`);
    const operation = await createInssOperation(running);
    const tracked = `/nossa-fintech-inss/inss/v1/operation/${operation.debt_key}?credit_operation_key=${operation.credit_operation_key}`;

    const before = {
      persons: (await call(running, 'GET', '/eccor-fgts/v1/NaturalPerson')).json,
      person: (await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${person.id}`)).json,
      other: (await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${other.id}`)).json,
      note: (await control(running, 'GET', `/eccor-fgts/credit-notes/${noteId}`)).json,
      operation: (await call(running, 'GET', tracked)).json,
    };
    expect(before.note).toMatchObject({ status: 12 });

    // One process per folder: a second sandbox on it is refused while the first runs.
    const second = sandbox({ dataDir: folder })(running.providers);
    await expect(second.ready).rejects.toThrow(new RegExp(`--data-dir .*data: in use by process ${process.pid}`));
    await running.close();

    running = await startSandbox({ dataDir: folder });
    try {
      expect(running.mock.sandbox?.summary()).toContain('(2 persons, 1 credit note, 1 INSS operation)');
      expect((await call(running, 'GET', '/eccor-fgts/v1/NaturalPerson')).json).toEqual(before.persons);
      expect((await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${person.id}`)).json).toEqual(before.person);
      expect((await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${other.id}`)).json).toEqual(before.other);
      expect((await control(running, 'GET', `/eccor-fgts/credit-notes/${noteId}`)).json).toEqual(before.note);
      expect((await call(running, 'GET', tracked)).json).toEqual(before.operation);
      // A deleted account is still known as deleted, and the flow goes on where it was.
      const deleted = (other.record.bankAccounts[0] as { id: string }).id;
      expect((await call(running, 'DELETE', `/eccor-fgts/v1/NaturalPerson/${other.id}/BankAccount/${deleted}`)).json).toMatchObject({
        code: 'RECORD_IS_DELETED',
      });
      expect((await control(running, 'POST', `/eccor-fgts/credit-notes/${noteId}/advance`)).json).toMatchObject({ from: 12, to: 3 });
      // Sequences go on too.
      const next = await createInssOperation(running);
      expect(next.num_contrato).toBe('CTC0000000002');
      // The schema was migrated once, at the first start.
      const applied = await running.mock.sandbox
        ?.database()
        .query<{ version: number }>('SELECT version FROM sandbox_migrations ORDER BY version');
      expect(applied?.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
    } finally {
      await running.close();
    }
  });
});

describe('storage the sandbox cannot use', () => {
  it('refuses --state-file, naming --data-dir and the import command', () => {
    expect(() => sandbox({ stateFile: 'sandbox.json' })).toThrow(StateFileError);
    expect(() => sandbox({ stateFile: 'sandbox.json' })).toThrow(
      /import-state sandbox\.json --data-dir <dir>.*then start with `--sandbox --data-dir <dir>`/,
    );
  });

  it('refuses a data dir that is a file, and both a data dir and a database URL', async () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    await expect(startSandbox({ dataDir: file })).rejects.toThrow(StorageError);
    await expect(startSandbox({ dataDir: file })).rejects.toThrow(/--data-dir .*plain\.txt: cannot be used as a folder/);
    await expect(startSandbox({ dataDir: join(dir, 'x'), databaseUrl: 'postgres://127.0.0.1:1/x' })).rejects.toThrow(/give one/);
    await expect(startSandbox({ databaseUrl: 'mysql://127.0.0.1/x' })).rejects.toThrow(/--database-url takes postgres:/);
  });
});

describe('startMockServer({ sandbox })', () => {
  it('takes { dataDir } and refuses { stateFile }, naming the import', async () => {
    const { startMockServer, MockServerOptionsError } = await import('../../src/start.js');
    const folder = join(dir, 'started');
    const mock = await startMockServer({ specsDir: generatedDir, sandbox: { dataDir: folder } });
    try {
      expect(mock.sandboxSummary).toContain(`data dir ${folder}`);
      const created = await fetch(`${mock.url}/nossa-fintech-inss/inss/v1/operation`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify(inssExample),
      });
      expect(created.status).toBe(200);
    } finally {
      await mock.close();
    }
    await expect(startMockServer({ specsDir: generatedDir, sandbox: { stateFile: 'old.json' } })).rejects.toThrow(MockServerOptionsError);
    await expect(startMockServer({ specsDir: generatedDir, sandbox: { stateFile: 'old.json' } })).rejects.toThrow(
      /import-state old\.json --data-dir/,
    );
  });
});
