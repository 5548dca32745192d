import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@credit-apis/contract-core';
import { changes, doc, json, object } from './fixtures.js';

/** A webhook `paid` whose body (sent by the provider, read by the partner) is `schema`. */
const webhook = (schema: JsonObject, responses: JsonObject = { '200': { description: 'received' } }) =>
  doc({}, { webhooks: { paid: { post: { requestBody: { required: true, ...json(schema) }, responses } } } });

describe('webhooks (the provider writes the body, the partner reads it)', () => {
  it("a webhook body follows the reader's rules: a field removed or an enum value added breaks, a required field added does not", () => {
    const before = webhook(object({ id: { type: 'string' }, status: { type: 'string', enum: ['PAID'] }, note: { type: 'string' } }));
    const after = webhook(
      object({ id: { type: 'string' }, status: { type: 'string', enum: ['PAID', 'REFUNDED'] }, amount: { type: 'integer' } }, ['amount']),
    );
    expect(changes(before, after)).toEqual([
      'compatible: webhook paid (POST) request body (application/json) amount: field added, required',
      'breaking: webhook paid (POST) request body (application/json) note: field removed',
      'breaking: webhook paid (POST) request body (application/json) status: enum value "REFUNDED" added',
    ]);
  });

  it("the partner's answer to a webhook follows the writer's rules", () => {
    const answer = (values: string[]) => ({
      '200': { description: 'received', ...json(object({ result: { type: 'string', enum: values } })) },
    });
    expect(changes(webhook({ type: 'object' }, answer(['OK', 'RETRY'])), webhook({ type: 'object' }, answer(['OK'])))).toEqual([
      'breaking: webhook paid (POST) response 200 (application/json) result: enum value "RETRY" removed',
    ]);
  });
});
