/**
 * `parseEccorFgtsWebhook` validates a notification against the contract's `CreditNoteStatusEvent` before
 * typing it: every documented webhook example passes (as a value, as JSON text and as bytes), a code or
 * display string the document does not show is accepted and reported through the logger (the sets are
 * open), and broken payloads throw `WebhookValidationError` listing every problem.
 */
import { describe, expect, it } from 'vitest';
import { readBundle } from '@credit-apis/test-kit/spec-server';
import { CREDIT_NOTE_STATUS, creditNoteStatusDisplay } from '../../src/extras.js';
import { CreditApisError, type CreditNoteStatusEvent, type LogEvent } from '../../src/index.js';
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

describe('parseEccorFgtsWebhook: codes the document does not show are accepted and reported', () => {
  /** Parses with a logger that records its events. */
  function parseLogged(body: unknown): { event: CreditNoteStatusEvent; logged: LogEvent[] } {
    const logged: LogEvent[] = [];
    return { event: parseEccorFgtsWebhook(body, { logger: (entry) => logged.push(entry) }), logged };
  }

  it('a documented notification logs nothing', () => {
    expect(parseLogged(liquidation).logged).toEqual([]);
  });

  it('a rejected credit note (a status code and display name outside the documented set) is accepted, typed, and logged once', () => {
    const rejected = { ...liquidation, parameters: { ...liquidation.parameters, newStatus: 4, newStatusDisplay: 'Cancelado' } };
    const { event, logged } = parseLogged(JSON.stringify(rejected));
    expect(event).toEqual(rejected);
    const code: number = event.parameters.newStatus; // CreditNoteStatus | (number & {})
    expect(code).toBe(4);
    expect(creditNoteStatusDisplay(code)).toBeUndefined();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'warn', type: 'validation', provider: 'eccor-fgts' });
    expect(logged[0]?.issues?.map((issue) => [issue.instancePath, issue.keyword])).toEqual([
      ['/parameters/newStatus', 'x-open-enum'],
      ['/parameters/newStatusDisplay', 'x-open-enum'],
    ]);
  });

  it('an unknown event code, event value, type and their display strings are accepted too', () => {
    const other = {
      ...liquidation,
      eventCode: 3,
      eventCodeDisplay: 'Outro evento',
      eventValue: 1,
      eventValueDisplay: 'Outro',
      type: 'OtherOp',
      typeDisplay: 'Outro tipo',
    };
    const { event, logged } = parseLogged(other);
    expect(event).toEqual(other);
    expect(logged[0]?.issues?.map((issue) => issue.instancePath)).toEqual([
      '/eventCode',
      '/eventCodeDisplay',
      '/eventValue',
      '/eventValueDisplay',
      '/type',
      '/typeDisplay',
    ]);
  });

  it('a logger object gets the event on its warn method; a logger that throws loses nothing', () => {
    const warnings: string[] = [];
    const unknown = { ...liquidation, parameters: { ...liquidation.parameters, oldStatus: 99 } };
    expect(parseEccorFgtsWebhook(unknown, { logger: { warn: (message) => warnings.push(message) } })).toEqual(unknown);
    expect(warnings).toEqual([expect.stringContaining('/parameters/oldStatus') as unknown]);
    const throwing = () => {
      throw new Error('logger down');
    };
    expect(parseEccorFgtsWebhook(unknown, { logger: throwing })).toEqual(unknown);
  });

  it('an unknown code of the wrong type is still refused', () => {
    expect(issuesOf({ ...liquidation, parameters: { ...liquidation.parameters, newStatus: '4' } }).map((issue) => issue.path)).toContain(
      '/parameters/newStatus',
    );
  });
});

describe('parseEccorFgtsWebhook: broken notifications', () => {
  it('a missing member, a wrong type and a member the contract does not have, all listed at once', () => {
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
