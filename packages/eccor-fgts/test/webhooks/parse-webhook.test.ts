/**
 * `parseEccorFgtsWebhook` validates a notification against the contract's `CreditNoteStatusEvent` before
 * typing it: every documented webhook example passes (as a value, as JSON text and as bytes), and broken
 * payloads throw `WebhookValidationError` listing every problem.
 */
import { describe, expect, it } from 'vitest';
import { readBundle } from '@credit-apis/test-kit/spec-server';
import { CREDIT_NOTE_STATUS, creditNoteStatusDisplay } from '../../src/extras.js';
import { CreditApisError, type CreditNoteStatusEvent } from '../../src/index.js';
import { parseEccorFgtsWebhook, WebhookValidationError, type WebhookIssue } from '../../src/webhooks.js';

type Examples = Record<string, { value: CreditNoteStatusEvent }>;
type Webhook = { post: { requestBody: { content: { 'application/json': { examples: Examples } } } } };

const webhooks = readBundle('eccor-fgts').webhooks as Record<string, Webhook>;
const documented = Object.entries(webhooks).flatMap(([name, webhook]) =>
  Object.values(webhook.post.requestBody.content['application/json'].examples).map((example) => [name, example.value] as const),
);
const liquidation = webhooks.liquidation?.post.requestBody.content['application/json'].examples.liquidation?.value as CreditNoteStatusEvent;

/** The issues of a payload that must be refused. */
function issuesOf(body: unknown): readonly WebhookIssue[] {
  try {
    parseEccorFgtsWebhook(body);
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookValidationError);
    expect(error).toBeInstanceOf(CreditApisError);
    return (error as WebhookValidationError).issues;
  }
  throw new Error('the payload was accepted');
}

describe('parseEccorFgtsWebhook: the documented notifications', () => {
  it('the spec documents the seven webhooks of the document, one example each', () => {
    expect(documented.map(([name]) => name)).toEqual([
      'complianceApproval',
      'creditApproval',
      'signatureCollection',
      'signatureValidation',
      'liquidation',
      'manualLiquidation',
      'paymentRevision',
    ]);
  });

  it.each(documented)('%s: accepted as a value, as JSON text and as bytes, and returned as is', (_name, payload) => {
    expect(parseEccorFgtsWebhook(payload)).toEqual(payload);
    expect(parseEccorFgtsWebhook(JSON.stringify(payload))).toEqual(payload);
    expect(parseEccorFgtsWebhook(Buffer.from(JSON.stringify(payload)))).toEqual(payload);
    const event = parseEccorFgtsWebhook(payload);
    expect(creditNoteStatusDisplay(event.parameters.newStatus)).toBe(event.parameters.newStatusDisplay);
  });

  it('the liquidation notification reads with CREDIT_NOTE_STATUS', () => {
    const event = parseEccorFgtsWebhook(JSON.stringify(liquidation));
    expect(event.parameters.newStatus).toBe(CREDIT_NOTE_STATUS.Liquidation.code);
    expect(event.parameters.oldStatus).toBe(CREDIT_NOTE_STATUS.SignatureValidation.code);
  });
});

describe('parseEccorFgtsWebhook: broken notifications', () => {
  it('a status code outside the contract', () => {
    expect(issuesOf({ ...liquidation, parameters: { ...liquidation.parameters, newStatus: 4 } })).toEqual([
      { path: '/parameters/newStatus', message: 'must be equal to one of the allowed values' },
    ]);
  });

  it('a missing field, a wrong type and a field the contract does not have, all listed at once', () => {
    const { id: _id, ...withoutId } = liquidation;
    const issues = issuesOf({ ...withoutId, eventCode: '2', signature: 'abc' });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: '', message: "must have required property 'id'" },
        { path: '/eventCode', message: 'must be integer' },
        { path: '/signature', message: 'is not in the spec' },
      ]),
    );
  });

  it('an id that is not a UUID, and a message that is neither a string nor null', () => {
    const issues = issuesOf({ ...liquidation, id: 'e41f42ad', parameters: { ...liquidation.parameters, message: 3 } });
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['/id', '/parameters/message']));
  });

  it.each([
    ['not JSON', '{"eventCode": 2,', /^is not JSON/],
    ['empty text', '', /^is not JSON/],
    ['an array', '[]', /must be object/],
    ['null', null, /must be object/],
  ])('%s', (_what, body, message) => {
    const issues = issuesOf(body);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('');
    expect(issues[0]?.message).toMatch(message);
  });

  it('says what is wrong in its message, without echoing a CPF', () => {
    const error = (() => {
      try {
        return parseEccorFgtsWebhook('cpf 123.456.789-09'); // JSON.parse quotes this text in its message
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(WebhookValidationError);
    expect((error as Error).message).toMatch(/^eccor-fgts: the webhook payload does not match the contract: \(payload\) is not JSON/);
    expect((error as Error).message).not.toContain('123.456.789-09');
  });
});
