/**
 * Tenants: the ECCOR FGTS token endpoint issues a distinct token per client (`client_id` of the Basic
 * credentials); every record a token creates is that client's: another client gets the documented 403
 * `RECORD_NOT_EXISTS_OR_MISSING_PERMISSION`, lists only its own, and is notified only of its own (each
 * tenant's URLs from `PUT /_sandbox/webhooks`). INSS: the bearer token names the tenant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';
import {
  call,
  control,
  createInssOperation,
  creditNoteBody,
  requestExample,
  startReceiver,
  startSandbox,
  type Receiver,
} from './support.js';

let running: RunningMock;
let hookA: Receiver;
let hookB: Receiver;
beforeAll(async () => {
  [running, hookA, hookB] = await Promise.all([startSandbox(), startReceiver(), startReceiver()]);
});
afterAll(async () => {
  await running.close();
  await Promise.all([hookA.close(), hookB.close()]);
});

async function tokenFor(clientId: string): Promise<string> {
  const answer = await send(`${running.url}/eccor-fgts/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:secret`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials&scope=credit%2Fadmin',
  });
  expect(answer.status).toBe(200);
  expect(answer.json).toMatchObject({ expires_in: 3600, token_type: 'Bearer' });
  return `Bearer ${(answer.json as { access_token: string }).access_token}`;
}

async function createPersonAs(bearer: string): Promise<{ id: string; accountId: string }> {
  const created = await call(
    running,
    'POST',
    '/eccor-fgts/v1/NaturalPerson',
    requestExample(running, 'eccor-fgts', 'createNaturalPerson'),
    { authorization: bearer },
  );
  expect(created.status).toBe(200);
  const read = await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${created.json as string}`, undefined, { authorization: bearer });
  return {
    id: created.json as string,
    accountId: ((read.json as { bankAccounts: { id: string }[] }).bankAccounts[0] as { id: string }).id,
  };
}

describe('two ECCOR FGTS clients', () => {
  it('each get their own token, see only their own records and are notified only of their own', async () => {
    const [a, b] = [await tokenFor('client-a'), await tokenFor('client-b')];
    expect(a).not.toBe(b);
    const claims = JSON.parse(Buffer.from(a.split('.')[1] as string, 'base64url').toString()) as { client_id: string };
    expect(claims.client_id).toBe('client-a');

    expect((await control(running, 'PUT', '/webhooks', { urls: [hookA.url] }, { authorization: a })).json).toMatchObject({
      tenant: 'client:client-a',
      urls: [hookA.url],
    });
    expect((await control(running, 'PUT', '/webhooks', { urls: [hookB.url] }, { authorization: b })).status).toBe(200);
    expect((await control(running, 'GET', '/webhooks', undefined, { authorization: a })).json).toMatchObject({
      urls: [hookA.url],
      everyTenant: [],
    });

    const person = await createPersonAs(a);
    // A second token of the same client is the same tenant.
    expect(
      (await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${person.id}`, undefined, { authorization: await tokenFor('client-a') }))
        .status,
    ).toBe(200);
    const hidden = await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${person.id}`, undefined, { authorization: b });
    expect(hidden.status).toBe(403);
    expect(hidden.json).toMatchObject({
      code: 'RECORD_NOT_EXISTS_OR_MISSING_PERMISSION',
      details: { resource: 'NaturalPerson', resourceId: person.id },
    });
    expect((await call(running, 'GET', '/eccor-fgts/v1/NaturalPerson', undefined, { authorization: b })).json).toMatchObject({
      totalItems: 0,
      data: [],
    });
    expect((await call(running, 'GET', '/eccor-fgts/v1/NaturalPerson', undefined, { authorization: a })).json).toMatchObject({
      totalItems: 1,
    });
    // B cannot use A's person in a credit note either.
    const borrowed = await call(running, 'POST', '/eccor-fgts/v1/CreditNote', creditNoteBody(running, person.id, person.accountId), {
      authorization: b,
    });
    expect(borrowed.json).toMatchObject({ code: 'INVALID_FORM' });

    const noteA = (
      await call(running, 'POST', '/eccor-fgts/v1/CreditNote', creditNoteBody(running, person.id, person.accountId), { authorization: a })
    ).json as string;
    expect((await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteA}/SubmitApproval`, undefined, { authorization: b })).status).toBe(
      403,
    );
    expect((await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteA}/SubmitApproval`, undefined, { authorization: a })).status).toBe(
      200,
    );

    const personB = await createPersonAs(b);
    const noteB = (
      await call(running, 'POST', '/eccor-fgts/v1/CreditNote', creditNoteBody(running, personB.id, personB.accountId), { authorization: b })
    ).json as string;
    expect((await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteB}/SubmitApproval`, undefined, { authorization: b })).status).toBe(
      200,
    );

    await Promise.all([hookA, hookB].map((hook) => hook.waitFor(3, { timeoutMs: 10_000, what: 'three notifications each' })));
    expect(hookA.received.every((request) => (request.body as { id: string }).id === noteA)).toBe(true);
    expect(hookB.received.every((request) => (request.body as { id: string }).id === noteB)).toBe(true);
    // Each tenant's deliveries list shows its own; the operator (no credential) sees both.
    const listed = (credential: Record<string, string>) =>
      control(running, 'GET', '/deliveries', undefined, credential).then((answer) =>
        (answer.json as { deliveries: { subject: string }[] }).deliveries.map((delivery) => delivery.subject),
      );
    expect(await listed({ authorization: a })).toEqual([noteA, noteA, noteA]);
    expect((await listed({})).sort()).toEqual([noteA, noteA, noteA, noteB, noteB, noteB].sort());
    expect((await control(running, 'GET', '/eccor-fgts/credit-notes', undefined, { authorization: b })).json).toMatchObject({
      creditNotes: [{ id: noteB }],
    });
  });
});

describe('INSS', () => {
  it('keeps an operation to the bearer token that created it', async () => {
    const created = await createInssOperation(running, { authorization: 'Bearer partner-one' });
    const path = `/nossa-fintech-inss/inss/v1/operation/${created.debt_key}?credit_operation_key=${created.credit_operation_key}`;
    expect((await call(running, 'GET', path, undefined, { authorization: 'Bearer partner-one' })).status).toBe(200);
    expect((await call(running, 'GET', path, undefined, { authorization: 'Bearer partner-two' })).status).toBe(404);
  });
});
