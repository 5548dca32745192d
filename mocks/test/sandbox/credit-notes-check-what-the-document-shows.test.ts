/**
 * `POST /v1/CreditNote` checks what the document's errors show (unknown product, deleted bank account, a
 * start date in the past) and creates the note in status 0; SubmitApproval and donePaymentRevision answer
 * UY3's documented errors for a note in the wrong status or that does not exist. A `Prefer` still gets the
 * documented answer, past the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/catalog/openapi.js';
import type { RunningMock } from '../support/mock.js';
import {
  call,
  control,
  createCreditNote,
  createPerson,
  creditNoteBody,
  requestExample,
  responseExample,
  schemaChecker,
  startSandbox,
  yesterday,
} from './support.js';

let running: RunningMock;
let check: ReturnType<typeof schemaChecker>;
beforeAll(async () => {
  running = await startSandbox();
  check = schemaChecker(running, 'eccor-fgts');
});
afterAll(() => running.close());

const correlation = expect.stringMatching(/^#[0-9a-f]{32}$/) as unknown;

describe('POST /v1/CreditNote', () => {
  it('creates the note as a draft (status 0) and answers its id', async () => {
    const { noteId } = await createCreditNote(running);
    expect(check('CreatedId', noteId)).toBeNull();
    const note = await control(running, 'GET', `/eccor-fgts/credit-notes/${noteId}`);
    expect(note.json).toMatchObject({
      id: noteId,
      status: 0,
      statusDisplay: 'Rascunho',
      statusName: 'Draft',
      next: [{ to: 1, trigger: 'SubmitApproval' }],
    });
  });

  it('answers an unknown product with the documented INVALID_FORM', async () => {
    const person = await createPerson(running);
    const body = creditNoteBody(running, person.id, (person.record.bankAccounts[0] as { id: string }).id);
    body.productId = (requestExample(running, 'eccor-fgts', 'createCreditNote', 'unknownProduct') as JsonObject).productId as string;
    const answer = await call(running, 'POST', '/eccor-fgts/v1/CreditNote', body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(responseExample(running, 'eccor-fgts', 'createCreditNote', '400', 'invalidFormProductNotFound'));
  });

  it('names a person or bank account that does not exist', async () => {
    const person = await createPerson(running);
    const body = creditNoteBody(running, person.id, '00000000-0000-4000-8000-000000000001');
    body.beneficiaryId = '00000000-0000-4000-8000-000000000002';
    const answer = await call(running, 'POST', '/eccor-fgts/v1/CreditNote', body);
    expect(answer.status).toBe(400);
    expect(check('ErrorResponse', answer.json)).toBeNull();
    expect((answer.json as { details: { formErrors: { key: string }[] } }).details.formErrors.map((error) => error.key)).toEqual([
      'beneficiaryId',
      'bankAccountId',
    ]);
  });

  it('answers a deleted bank account with RECORD_IS_DELETED', async () => {
    const person = await createPerson(running);
    const account = (person.record.bankAccounts[0] as { id: string }).id;
    expect((await call(running, 'DELETE', `/eccor-fgts/v1/NaturalPerson/${person.id}/BankAccount/${account}`)).status).toBe(204);
    const answer = await call(running, 'POST', '/eccor-fgts/v1/CreditNote', creditNoteBody(running, person.id, account));
    expect(answer.status).toBe(400);
    const documented = responseExample(running, 'eccor-fgts', 'submitCreditNoteApproval', '400', 'recordIsDeleted') as JsonObject;
    expect(answer.json).toEqual({ ...documented, details: { recordId: account }, correlationId: correlation });
  });

  it('answers a start date in the past with "Data de início não pode estar no passado"', async () => {
    const person = await createPerson(running);
    const body = creditNoteBody(running, person.id, (person.record.bankAccounts[0] as { id: string }).id);
    (body.amortization as JsonObject).startDate = yesterday();
    const answer = await call(running, 'POST', '/eccor-fgts/v1/CreditNote', body);
    expect(answer.status).toBe(400);
    const documented = responseExample(
      running,
      'eccor-fgts',
      'submitCreditNoteApproval',
      '400',
      'invalidFormStartDateInPast',
    ) as JsonObject;
    expect(answer.json).toEqual({ ...documented, correlationId: correlation });
    expect(check('ErrorResponse', answer.json)).toBeNull();
  });
});

describe('SubmitApproval and donePaymentRevision', () => {
  it('refuse a note that does not exist with the documented 403', async () => {
    const id = 'e41f42ad-8360-4b46-96fe-2402079cb0d6';
    const revision = await call(
      running,
      'POST',
      `/eccor-fgts/v1/CreditNote/${id}/donePaymentRevision`,
      requestExample(running, 'eccor-fgts', 'donePaymentRevision'),
    );
    expect(revision.status).toBe(403);
    expect(revision.json).toEqual({
      ...(responseExample(running, 'eccor-fgts', 'donePaymentRevision', '403') as JsonObject),
      correlationId: correlation,
    });
    const submit = await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${id}/SubmitApproval`);
    expect(submit.status).toBe(403);
    expect(check('ErrorResponse', submit.json)).toBeNull();
  });

  it('answer INVALID_ACTION_FOR_STATUS with the current status out of turn', async () => {
    const { noteId } = await createCreditNote(running);
    const early = await call(
      running,
      'POST',
      `/eccor-fgts/v1/CreditNote/${noteId}/donePaymentRevision`,
      requestExample(running, 'eccor-fgts', 'donePaymentRevision'),
    );
    expect(early.status).toBe(400);
    expect(early.json).toEqual({
      ...(responseExample(running, 'eccor-fgts', 'donePaymentRevision', '400') as JsonObject),
      details: { currentStatus: 'Draft' },
      correlationId: correlation,
    });
    expect((await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`)).status).toBe(200);
    const twice = await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`);
    expect(twice.status).toBe(400);
    expect(twice.json).toMatchObject({
      code: 'INVALID_ACTION_FOR_STATUS',
      message: "Ação permitida apenas para operações em 'Rascunho'",
      details: { currentStatus: 'SignatureCollection' },
    });
    expect(check('ErrorResponse', twice.json)).toBeNull();
  });

  it('refuse to submit a note whose bank account was deleted since', async () => {
    const { person, noteId } = await createCreditNote(running);
    const account = (person.record.bankAccounts[0] as { id: string }).id;
    await call(running, 'DELETE', `/eccor-fgts/v1/NaturalPerson/${person.id}/BankAccount/${account}`);
    const answer = await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'RECORD_IS_DELETED', details: { recordId: account } });
  });
});

describe('Prefer', () => {
  it('still picks a documented answer, past the sandbox', async () => {
    const documented = await call(running, 'GET', '/eccor-fgts/v1/NaturalPerson/311ae9b2-a751-4819-a9f0-6d839b373172', undefined, {
      prefer: 'code=200',
    });
    expect(documented.json).toEqual(responseExample(running, 'eccor-fgts', 'getNaturalPerson', '200'));
    const forced = await call(running, 'POST', '/eccor-fgts/v1/CreditNote/7d69baf7-1f20-48bc-b1b5-9a2ca5620a65/SubmitApproval', undefined, {
      prefer: 'example=recordIsDeleted',
    });
    expect(forced.json).toEqual(responseExample(running, 'eccor-fgts', 'submitCreditNoteApproval', '400', 'recordIsDeleted'));
  });
});
