/**
 * `--state-file`: the state is saved to a JSON file (atomically: a temporary file renamed over it) and loaded
 * at start, so a restart keeps every person, bank account, credit note (with its status and history) and
 * INSS operation. A file that cannot be read or is not a sandbox state is a start-up error, and is left as it
 * was.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StateFileError } from '../../src/sandbox/index.js';
import type { RunningMock } from '../support/mock.js';
import { call, control, createCreditNote, createPerson, eventually, requestExample, startSandbox } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'credit-apis-sandbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a restart with --state-file', () => {
  it('keeps every person, credit note and INSS operation', async () => {
    const file = join(dir, 'nested', 'state.json');
    let running: RunningMock = await startSandbox({ stateFile: file });
    // The file exists from the start.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'credit-apis-sandbox', version: 1 });

    const other = await createPerson(running, (body) => {
      body.name = 'OUTRA PESSOA';
    });
    const { person, noteId } = await createCreditNote(running);
    await call(running, 'POST', `/eccor-fgts/v1/NaturalPerson/${other.id}/BankAccount`, requestExample(running, 'eccor-fgts', 'addBankAccounts'));
    await call(running, 'DELETE', `/eccor-fgts/v1/NaturalPerson/${other.id}/BankAccount/${(other.record.bankAccounts[0] as { id: string }).id}`);
    await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`);
    await control(running, 'POST', `/eccor-fgts/credit-notes/${noteId}/advance`);
    const operation = (await call(running, 'POST', '/nossa-fintech-inss/inss/v1/operation', requestExample(running, 'nossa-fintech-inss', 'createOperation'))).json as { debt_key: string; credit_operation_key: string };
    const tracked = `/nossa-fintech-inss/inss/v1/operation/${operation.debt_key}?credit_operation_key=${operation.credit_operation_key}`;

    // Saved (debounced) without waiting for the close.
    await eventually(() => readFileSync(file, 'utf8').includes(operation.debt_key), 5000, 'the INSS operation in the file');
    const before = {
      persons: (await call(running, 'GET', '/eccor-fgts/v1/NaturalPerson')).json,
      person: (await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${person.id}`)).json,
      other: (await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${other.id}`)).json,
      note: (await control(running, 'GET', `/eccor-fgts/credit-notes/${noteId}`)).json,
      operation: (await call(running, 'GET', tracked)).json,
    };
    expect(before.note).toMatchObject({ status: 12 });
    await running.close();
    expect(readdirSync(join(dir, 'nested'))).toEqual(['state.json']);

    running = await startSandbox({ stateFile: file });
    try {
      expect((await call(running, 'GET', '/eccor-fgts/v1/NaturalPerson')).json).toEqual(before.persons);
      expect((await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${person.id}`)).json).toEqual(before.person);
      expect((await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${other.id}`)).json).toEqual(before.other);
      expect((await control(running, 'GET', `/eccor-fgts/credit-notes/${noteId}`)).json).toEqual(before.note);
      expect((await call(running, 'GET', tracked)).json).toEqual(before.operation);
      // A deleted account is still known as deleted, and the flow goes on where it was.
      const deleted = (other.record.bankAccounts[0] as { id: string }).id;
      expect((await call(running, 'DELETE', `/eccor-fgts/v1/NaturalPerson/${other.id}/BankAccount/${deleted}`)).json).toMatchObject({ code: 'RECORD_IS_DELETED' });
      expect((await control(running, 'POST', `/eccor-fgts/credit-notes/${noteId}/advance`)).json).toMatchObject({ from: 12, to: 3 });
      // Sequences go on too.
      const next = (await call(running, 'POST', '/nossa-fintech-inss/inss/v1/operation', requestExample(running, 'nossa-fintech-inss', 'createOperation'))).json as { num_contrato: string };
      expect(next.num_contrato).toBe('CTC0000000002');
    } finally {
      await running.close();
    }
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ eccorFgts: { creditNotes: { [noteId]: { status: 3 } } } });
  });

  it('starts empty from a zero-byte file', async () => {
    const file = join(dir, 'empty.json');
    writeFileSync(file, '');
    const running = await startSandbox({ stateFile: file });
    await running.close();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'credit-apis-sandbox', eccorFgts: { persons: {} } });
  });
});

describe('a state file the sandbox cannot use', () => {
  const cases: [string, string | undefined, RegExp][] = [
    ['not JSON', '{"format": "credit-apis-sandbox", ', /is not valid JSON/],
    ['another JSON file', '{"name": "my-package"}', /is not a sandbox state file \("format" must be "credit-apis-sandbox"\)/],
    ['a later version', '{"format": "credit-apis-sandbox", "version": 2}', /"version" 2 is not a version this sandbox reads/],
    ['a damaged state', '{"format": "credit-apis-sandbox", "version": 1, "eccorFgts": {"persons": {"x": 1}, "creditNotes": {}}}', /eccorFgts\.persons\.x must be an object/],
  ];
  for (const [what, content, message] of cases) {
    it(`refuses ${what} at start-up and leaves it as it was`, async () => {
      const file = join(dir, `${what.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, content ?? '');
      const failure = await startSandbox({ stateFile: file }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(StateFileError);
      expect(String((failure as Error).message)).toMatch(message);
      expect(String((failure as Error).message)).toContain(file);
      expect(readFileSync(file, 'utf8')).toBe(content);
    });
  }

  it('refuses a path it cannot read or write', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    await expect(startSandbox({ stateFile: folder })).rejects.toThrow(/cannot be read/);
    const underAFile = join(dir, 'plain.txt');
    writeFileSync(underAFile, 'x');
    await expect(startSandbox({ stateFile: join(underAFile, 'state.json') })).rejects.toThrow(/cannot be (read|written)/);
  });
});
