/**
 * The point-by-point decisions of issue 15 about how strict a schema is, proven on values: what the
 * documents allow is accepted, what they exclude is refused (each case names the evidence in its label).
 */
import { describe, expect, it } from 'vitest';
import { deref, isObject, type Json, type JsonObject } from '@credit-apis/contract-core';
import { createDocumentValidator, describeError } from '@credit-apis/contract-core/validator';
import { freshBundles } from './bundles.js';

const bundles = new Map(freshBundles().map(({ slug, doc }) => [slug, doc]));

function bundle(slug: string): JsonObject {
  const doc = bundles.get(slug);
  if (!doc) throw new Error(`no bundle for ${slug}`);
  return doc;
}

/** The first example of an operation's request body, or of one of its responses. */
function example(doc: JsonObject, path: string, method: string, where: 'request' | string): JsonObject {
  const operation = deref(doc, (deref(doc, (doc.paths as JsonObject)[path]) as JsonObject)[method]) as JsonObject;
  const holder = where === 'request' ? deref(doc, operation.requestBody) : deref(doc, (operation.responses as JsonObject)[where]);
  const media = Object.values((holder as JsonObject).content as JsonObject)[0] as JsonObject;
  const first = deref(doc, Object.values(media.examples as JsonObject)[0]) as JsonObject;
  return structuredClone(first.value) as JsonObject;
}

/** A copy of `value` without `key`. */
function without(value: JsonObject, key: string): JsonObject {
  const { [key]: _dropped, ...rest } = value;
  return rest;
}

type Case = readonly [label: string, schema: string, value: Json, valid: boolean];

function expectCases(slug: string, cases: readonly Case[]): void {
  const doc = bundle(slug);
  const validator = createDocumentValidator(doc);
  it.each(cases)('%s', (_label, schema, value, valid) => {
    expect(
      isObject((doc.components as JsonObject).schemas) && schema in ((doc.components as JsonObject).schemas as JsonObject),
      schema,
    ).toBe(true);
    const problems = validator.check(`#/components/schemas/${schema}`, value).map(describeError);
    if (valid) expect(problems).toEqual([]);
    else expect(problems).not.toEqual([]);
  });
}

describe('eccor-fgts', () => {
  const doc = bundle('eccor-fgts');
  const simulation = example(doc, '/v1/Amortization', 'post', 'request');
  const simulated = example(doc, '/v1/Amortization', 'post', '200');
  const revision = example(doc, '/v1/CreditNote/{id}/donePaymentRevision', 'post', 'request');
  const transfer = revision.bankAccount as JsonObject;
  const event = (deref(doc, (doc.webhooks as JsonObject).liquidation) as JsonObject).post as JsonObject;
  const notification = example({ ...doc, paths: { '/x': { post: event } } }, '/x', 'post', 'request');
  const personId = '311ae9b2-a751-4819-a9f0-6d839b373172';
  expectCases('eccor-fgts', [
    ['6. SimulationRequest: the documented CPF form (personId null)', 'SimulationRequest', simulation, true],
    [
      '6. SimulationRequest: the personId form (registrationNumber null)',
      'SimulationRequest',
      { ...simulation, registrationNumber: null, personId },
      true,
    ],
    [
      '6. SimulationRequest: neither identifies the person',
      'SimulationRequest',
      { ...simulation, registrationNumber: null, personId: null },
      false,
    ],
    ['6. SimulationRequest: both set', 'SimulationRequest', { ...simulation, personId }, false],
    ['3. Simulation: the displayed answer', 'Simulation', simulated, true],
    ['3. Simulation: one more member (the 26 bytes the display lacks)', 'Simulation', { ...simulated, amortizationType: 'FGTS' }, true],
    ['3. Simulation: a displayed member missing (still required)', 'Simulation', without(simulated, 'liquidValue'), false],
    ['4. PaymentRevisionRequest: the documented transfer account', 'PaymentRevisionRequest', revision, true],
    [
      '4. PaymentRevisionRequest: with accountDigit, as elsewhere',
      'PaymentRevisionRequest',
      { bankAccount: { ...transfer, accountDigit: '0' } },
      true,
    ],
    [
      '4. PaymentRevisionRequest: without jointAccount, as elsewhere',
      'PaymentRevisionRequest',
      { bankAccount: without(transfer, 'jointAccount') },
      true,
    ],
    [
      '4. PaymentRevisionRequest: a Pix key, as elsewhere',
      'PaymentRevisionRequest',
      { bankAccount: { operationTypeValue: 'Pix', pixKeyTypeValue: 'NaturalRegistrationNumber', keyPix: '00805349960' } },
      true,
    ],
    [
      '4. PaymentRevisionRequest: a member no bank account has',
      'PaymentRevisionRequest',
      { bankAccount: { ...transfer, iban: 'x' } },
      false,
    ],
    [
      '2. CreditNoteStatusEvent: a status the document does not show (open)',
      'CreditNoteStatusEvent',
      { ...notification, parameters: { ...(notification.parameters as JsonObject), newStatus: 4, newStatusDisplay: 'Cancelado' } },
      true,
    ],
    [
      '2. CreditNoteStatusEvent: a status of the wrong type',
      'CreditNoteStatusEvent',
      { ...notification, parameters: { ...(notification.parameters as JsonObject), newStatus: '4' } },
      false,
    ],
  ]);
});

describe('nossa-fintech-inss', () => {
  const doc = bundle('nossa-fintech-inss');
  const create = example(doc, '/inss/v1/operation', 'post', 'request');
  const client = create.client as JsonObject;
  expectCases('nossa-fintech-inss', [
    ['LocalDateTime: whole seconds, as documented', 'LocalDateTime', '2025-09-17T17:06:48', true],
    ['LocalDateTime: microseconds, as Python writes them when non-zero', 'LocalDateTime', '2025-09-17T17:06:48.123456', true],
    ['LocalDateTime: still no offset (not a date-time)', 'LocalDateTime', '2025-09-17T17:06:48Z', false],
    ['CreateOperationRequest: the documented body', 'CreateOperationRequest', create, true],
    [
      'CreateOperationRequest: an empty person_name (the documented 400)',
      'CreateOperationRequest',
      { ...create, client: { ...client, person_name: '' } },
      false,
    ],
  ]);

  it('benefit_number (2052711150, 96 % of the int32 maximum) is an int64', () => {
    const input = deref(doc, ((doc.components as JsonObject).schemas as JsonObject).OperationInput) as JsonObject;
    expect(((input.properties as JsonObject).benefit_number as JsonObject).format).toBe('int64');
  });
});

describe('banco-cdc', () => {
  const envelope = { request_code: 'rq', return: 'r', message: 'm', data: null };
  expectCases('banco-cdc', [
    ['status_code: a code the notes list', 'OperationDetails', operationWith({ status_code: '4' }), true],
    ['status_code: a code the notes do not list (open)', 'OperationDetails', operationWith({ status_code: '6' }), true],
    ['status_code: not a string', 'OperationDetails', operationWith({ status_code: 4 }), false],
    ['repurchase_amount: "(if applicable)" may be null', 'OperationDetails', operationWith({ repurchase_amount: null }), true],
    ['repurchase_amount: "(if applicable)" may be absent', 'OperationDetails', without(operationWith({}), 'repurchase_amount'), true],
    ['400: a 400 code', 'BadRequestError', { ...envelope, return_code: '400-09' }, true],
    ['400: an undocumented 400 code (open)', 'BadRequestError', { ...envelope, return_code: '400-10' }, true],
    ['400: not a return code at all', 'BadRequestError', { ...envelope, return_code: 'oops' }, false],
    [
      'errors: data is not documented, so any value',
      'UnauthorizedError',
      { ...envelope, return_code: '401-05', data: { detail: 'x' } },
      true,
    ],
    ['errors: data may be absent', 'TooManyRequestsError', without({ ...envelope, return_code: '429-01' }, 'data'), true],
  ]);

  /** The documented (illustrative) operation, changed. */
  function operationWith(changes: JsonObject): JsonObject {
    const doc = bundle('banco-cdc');
    const answer = example(doc, '/operation/{operation_code}', 'get', '200');
    return { ...(answer.data as JsonObject), ...changes };
  }
});

describe('zemo', () => {
  const doc = bundle('zemo');
  const operation = example(doc, '/api/operations/{id}', 'get', '200');
  const title = (operation.titles as JsonObject[])[0] as JsonObject;
  expectCases('zemo', [
    ['the documented operation', 'ZemoOperation', operation, true],
    [
      'sentPaymentDate, documented only as null: any value (its type is not revealed)',
      'ZemoOperation',
      { ...operation, sentPaymentDate: '2025-01-01' },
      true,
    ],
    ['proposalId, documented only as null: an integer like externalId', 'ZemoOperation', { ...operation, proposalId: 7 }, true],
    ['proposalId: a string like id', 'ZemoOperation', { ...operation, proposalId: 'p-1' }, true],
    ['titles[].receivableId: an integer', 'ZemoOperation', { ...operation, titles: [{ ...title, receivableId: 3 }] }, true],
  ]);
});
