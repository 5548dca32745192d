/**
 * `import-state <file> --data-dir <dir>`: a state file of the old `--state-file` format (version 1) goes into
 * a database once, for one tenant: its persons, credit notes and INSS operations read back as they were, the
 * INSS sequences go on, the file is left as it was, and a second import of it refuses the whole file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyState, type InssOperation, type NaturalPerson } from '../../src/sandbox/state.js';
import { runCli } from './cli-process.js';
import { call, control, createInssOperation, requestExample, startSandbox } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'credit-apis-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import-state', () => {
  it('brings every record of a version 1 state file into a data dir, for the tenant named', async () => {
    // Records as the old sandbox kept them: made by a sandbox, then written in the state file's format.
    const maker = await startSandbox();
    const state = emptyState();
    let noteId: string;
    let debtKey: string;
    try {
      const person = (
        await call(
          maker,
          'GET',
          `/eccor-fgts/v1/NaturalPerson/${(await call(maker, 'POST', '/eccor-fgts/v1/NaturalPerson', requestExample(maker, 'eccor-fgts', 'createNaturalPerson'))).json as string}`,
        )
      ).json as NaturalPerson;
      state.eccorFgts.persons[person.id] = {
        record: person,
        deletedBankAccounts: { '0a0a0a0a-0000-4000-8000-000000000001': '2025-01-01T10:00:00.000000-03:00' },
      };
      const note = requestExample(maker, 'eccor-fgts', 'createCreditNote', 'creditNote');
      noteId = '3f1c2d4e-0000-4000-8000-00000000000a';
      const at = '2025-01-02T10:00:00.000000-03:00';
      state.eccorFgts.creditNotes[noteId] = {
        id: noteId,
        status: 2,
        request: note as never,
        createdAt: at,
        updatedAt: at,
        history: [{ at, from: null, to: 0, trigger: 'created', webhook: null }],
        paymentRevisions: [],
      };
      const created = await createInssOperation(maker);
      debtKey = created.debt_key;
      const tracked = (
        await call(maker, 'GET', `/nossa-fintech-inss/inss/v1/operation/${debtKey}?credit_operation_key=${created.credit_operation_key}`)
      ).json as { operation: InssOperation; histories: never[] };
      state.nossaFintechInss.operations[debtKey] = tracked;
      state.nossaFintechInss.relatedParties[tracked.operation.cod_cpf_cliente] = tracked.operation.related_party_key;
      state.nossaFintechInss.next = { operationId: 8, historyId: 8, contract: 8 };
    } finally {
      await maker.close();
    }
    const file = join(dir, 'sandbox.json');
    const text = `${JSON.stringify(state, null, 2)}\n`;
    writeFileSync(file, text);
    const folder = join(dir, 'data');

    const imported = await runCli('import-state', file, '--data-dir', folder, '--client-id', 'partner-1');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('1 persons, 1 credit notes, 1 INSS operations, for tenant client:partner-1');
    expect(readFileSync(file, 'utf8')).toBe(text);

    const again = await runCli('import-state', file, '--data-dir', folder, '--client-id', 'partner-1');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has some of its records.*nothing was imported/);

    const running = await startSandbox({ dataDir: folder });
    try {
      const token = `Bearer x.${Buffer.from(JSON.stringify({ client_id: 'partner-1' })).toString('base64url')}.y`;
      const [personId, stored] = Object.entries(state.eccorFgts.persons)[0] as [string, { record: NaturalPerson }];
      expect((await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${personId}`, undefined, { authorization: token })).json).toEqual(
        stored.record,
      );
      expect((await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${personId}`)).status).toBe(403);
      expect(
        (
          await call(
            running,
            'DELETE',
            `/eccor-fgts/v1/NaturalPerson/${personId}/BankAccount/0a0a0a0a-0000-4000-8000-000000000001`,
            undefined,
            { authorization: token },
          )
        ).json,
      ).toMatchObject({ code: 'RECORD_IS_DELETED' });
      expect((await control(running, 'GET', `/eccor-fgts/credit-notes/${noteId}`, undefined, { authorization: token })).json).toMatchObject(
        { id: noteId, status: 2 },
      );
      const operation = state.nossaFintechInss.operations[debtKey] as { operation: InssOperation };
      expect(
        (
          await call(
            running,
            'GET',
            `/nossa-fintech-inss/inss/v1/operation/${debtKey}?credit_operation_key=${operation.operation.credit_operation_key}`,
            undefined,
            { authorization: token },
          )
        ).json,
      ).toEqual(state.nossaFintechInss.operations[debtKey]);
      const next = await createInssOperation(running, { authorization: token });
      expect(next.num_contrato).toBe('CTC0000000008');
    } finally {
      await running.close();
    }
    // Three processes and two new databases: slow on a busy machine.
  }, 120_000);

  it('refuses a file that is not a state file, and a call without a place to import to', async () => {
    const notState = join(dir, 'package.json');
    writeFileSync(notState, '{"name": "x"}');
    const refused = await runCli('import-state', notState, '--data-dir', join(dir, 'other'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not a sandbox state file \("format" must be "credit-apis-sandbox"\)/);
    expect((await runCli('import-state', notState)).code).toBe(2);
  });
});
