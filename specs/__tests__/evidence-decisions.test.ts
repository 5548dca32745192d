/**
 * The point-by-point decisions of issue 15 about how strict a schema is, proven on values: what the
 * documents allow is accepted, what they exclude is refused (each case names the evidence in its label).
 */
import { describe, expect, it } from 'vitest';
import { deref, isObject, type Json, type JsonObject } from '../../scripts/lib/openapi-walk.js';
import { createSpecValidator } from '../../scripts/lib/schema-validator.js';
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
  const validator = createSpecValidator(doc);
  it.each(cases)('%s', (_label, schema, value, valid) => {
    expect(isObject((doc.components as JsonObject).schemas) && schema in ((doc.components as JsonObject).schemas as JsonObject), schema).toBe(true);
    const problems = validator.check({ $ref: `#/components/schemas/${schema}` }, value);
    if (valid) expect(problems).toBeNull();
    else expect(problems).not.toBeNull();
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
    ['6. SimulationRequest: the personId form (registrationNumber null)', 'SimulationRequest', { ...simulation, registrationNumber: null, personId }, true],
    ['6. SimulationRequest: neither identifies the person', 'SimulationRequest', { ...simulation, registrationNumber: null, personId: null }, false],
    ['6. SimulationRequest: both set', 'SimulationRequest', { ...simulation, personId }, false],
    ['3. Simulation: the displayed answer', 'Simulation', simulated, true],
    ['3. Simulation: one more member (the 26 bytes the display lacks)', 'Simulation', { ...simulated, amortizationType: 'FGTS' }, true],
    ['3. Simulation: a displayed member missing (still required)', 'Simulation', without(simulated, 'liquidValue'), false],
    ['4. PaymentRevisionRequest: the documented transfer account', 'PaymentRevisionRequest', revision, true],
    ['4. PaymentRevisionRequest: with accountDigit, as elsewhere', 'PaymentRevisionRequest', { bankAccount: { ...transfer, accountDigit: '0' } }, true],
    ['4. PaymentRevisionRequest: without jointAccount, as elsewhere', 'PaymentRevisionRequest', { bankAccount: without(transfer, 'jointAccount') }, true],
    ['4. PaymentRevisionRequest: a Pix key, as elsewhere', 'PaymentRevisionRequest', { bankAccount: { operationTypeValue: 'Pix', pixKeyTypeValue: 'NaturalRegistrationNumber', keyPix: '00805349960' } }, true],
    ['4. PaymentRevisionRequest: a member no bank account has', 'PaymentRevisionRequest', { bankAccount: { ...transfer, iban: 'x' } }, false],
    ['2. CreditNoteStatusEvent: a status the document does not show (open)', 'CreditNoteStatusEvent', { ...notification, parameters: { ...(notification.parameters as JsonObject), newStatus: 4, newStatusDisplay: 'Cancelado' } }, true],
    ['2. CreditNoteStatusEvent: a status of the wrong type', 'CreditNoteStatusEvent', { ...notification, parameters: { ...(notification.parameters as JsonObject), newStatus: '4' } }, false],
  ]);
});
