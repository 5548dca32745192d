/**
 * `PUT /v1/NaturalPerson/{id}` replaces the person with the documented bank-account semantics (an entry with
 * the id of a stored account updates it, one without id is new, a stored account left out is deleted), and
 * bank accounts are added, updated and deleted one by one; unknown and deleted records get UY3's errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/catalog/openapi.js';
import { uy3Timestamp } from '../../src/sandbox/clock.js';
import type { RunningMock } from '../support/mock.js';
import { call, createPerson, requestExample, schemaChecker, startSandbox } from './support.js';

let running: RunningMock;
let check: ReturnType<typeof schemaChecker>;
/** The sandbox's clock, moved by the tests: a later write has a later time because the clock moved, not because time passed. */
let now = Date.now();
beforeAll(async () => {
  running = await startSandbox({ clock: () => now });
  check = schemaChecker(running, 'eccor-fgts');
});
afterAll(() => running.close());

type Account = {
  id: string;
  operationTypeValue: string;
  keyPix: string | null;
  accountDigit: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: unknown;
};

async function read(id: string): Promise<{ occupation: string; bankAccounts: Account[]; updatedAt: string; createdAt: string }> {
  const answer = await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${id}`);
  expect(answer.status).toBe(200);
  expect(check('NaturalPerson', answer.json)).toBeNull();
  return answer.json as never;
}

describe('PUT /v1/NaturalPerson/{id}', () => {
  it('updates the accounts sent with their id, adds those without, deletes those left out', async () => {
    const person = await createPerson(running);
    const [transfer, pix] = person.record.bankAccounts as unknown as Account[];
    const body = requestExample(running, 'eccor-fgts', 'updateNaturalPerson');
    const [, transferEntry] = body.bankAccounts as JsonObject[];
    // Keep the transfer account (digit changed), drop the Pix key, add a new Pix key.
    body.bankAccounts = [
      { ...transferEntry, id: transfer?.id as string },
      { operationTypeValue: 'Pix', pixKeyTypeValue: 'Phone', keyPix: '12980546587' },
    ];
    now += 1000;
    const answer = await call(running, 'PUT', `/eccor-fgts/v1/NaturalPerson/${person.id}`, body);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    const after = await read(person.id);
    expect(after.occupation).toBe('ADMINISTRADORA');
    expect(after.bankAccounts.map((account) => account.id)).not.toContain(pix?.id);
    const kept = after.bankAccounts.find((account) => account.id === transfer?.id);
    expect(kept).toMatchObject({ accountDigit: '1', createdAt: transfer?.createdAt });
    expect(kept?.updatedAt).not.toBe(transfer?.createdAt);
    expect(kept?.updatedAt).toBe(uy3Timestamp(now));
    expect(kept?.updatedBy).toMatchObject({ userIdDisplay: 'chatbotApi' });
    const added = after.bankAccounts.filter((account) => account.id !== transfer?.id);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ operationTypeValue: 'Pix', keyPix: '12980546587', updatedBy: null });
    expect(after.createdAt).toBe(person.record.createdAt);
  });

  it("treats an id that is not one of the person's accounts as a new account (the document's own PUT does)", async () => {
    const person = await createPerson(running);
    const answer = await call(
      running,
      'PUT',
      `/eccor-fgts/v1/NaturalPerson/${person.id}`,
      requestExample(running, 'eccor-fgts', 'updateNaturalPerson'),
    );
    expect(answer.status).toBe(204);
    const after = await read(person.id);
    expect(after.bankAccounts).toHaveLength(2);
    const before = person.record.bankAccounts.map((account) => account.id);
    for (const account of after.bankAccounts) expect(before).not.toContain(account.id);
  });

  it('answers an unknown person with the 403', async () => {
    const answer = await call(
      running,
      'PUT',
      '/eccor-fgts/v1/NaturalPerson/00000000-0000-4000-8000-000000000000',
      requestExample(running, 'eccor-fgts', 'updateNaturalPerson'),
    );
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({
      code: 'RECORD_NOT_EXISTS_OR_MISSING_PERMISSION',
      details: { resource: 'NaturalPerson', permissionType: 'Update' },
    });
    expect(check('ErrorResponse', answer.json)).toBeNull();
  });
});

describe('bank accounts', () => {
  it('are added (ids in the order sent), updated and deleted', async () => {
    const person = await createPerson(running);
    const added = await call(
      running,
      'POST',
      `/eccor-fgts/v1/NaturalPerson/${person.id}/BankAccount`,
      requestExample(running, 'eccor-fgts', 'addBankAccounts'),
    );
    expect(added.status).toBe(200);
    const [phoneKey, uy3] = added.json as string[];
    let record = await read(person.id);
    expect(record.bankAccounts).toHaveLength(4);
    expect(record.bankAccounts.slice(0, 2).map((account) => account.id)).toEqual([uy3, phoneKey]);
    expect(record.bankAccounts[0]).toMatchObject({
      bankCode: '457',
      bankCodeDisplay: 'UY3 SCD S/A',
      agency: '0001',
      account: '9877898',
      accountDigit: null,
    });

    const updated = await call(
      running,
      'PUT',
      `/eccor-fgts/v1/NaturalPerson/${person.id}/BankAccount/${uy3}`,
      requestExample(running, 'eccor-fgts', 'updateBankAccount'),
    );
    expect(updated.status).toBe(204);
    record = await read(person.id);
    expect(record.bankAccounts[0]).toMatchObject({
      id: uy3,
      operationTypeValue: 'Pix',
      keyPix: '12980546587',
      bankCode: '0',
      account: null,
    });

    const deleted = await call(running, 'DELETE', `/eccor-fgts/v1/NaturalPerson/${person.id}/BankAccount/${phoneKey}`);
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('x-rate-limit-remaining')).toBe('49');
    record = await read(person.id);
    expect(record.bankAccounts.map((account) => account.id)).not.toContain(phoneKey);

    // A deleted account: RECORD_IS_DELETED; an account the person never had, or a person that does not exist: 403.
    const again = await call(running, 'DELETE', `/eccor-fgts/v1/NaturalPerson/${person.id}/BankAccount/${phoneKey}`);
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ code: 'RECORD_IS_DELETED', details: { recordId: phoneKey } });
    const stranger = await call(
      running,
      'PUT',
      `/eccor-fgts/v1/NaturalPerson/${person.id}/BankAccount/00000000-0000-4000-8000-000000000000`,
      requestExample(running, 'eccor-fgts', 'updateBankAccount'),
    );
    expect(stranger.status).toBe(403);
    expect(stranger.json).toMatchObject({ details: { resource: 'BankAccount', resourceId: '00000000-0000-4000-8000-000000000000' } });
    const nobody = await call(
      running,
      'POST',
      '/eccor-fgts/v1/NaturalPerson/00000000-0000-4000-8000-000000000000/BankAccount',
      requestExample(running, 'eccor-fgts', 'addBankAccounts'),
    );
    expect(nobody.status).toBe(403);
    for (const answer of [again, stranger, nobody]) expect(check('ErrorResponse', answer.json)).toBeNull();
  });
});
