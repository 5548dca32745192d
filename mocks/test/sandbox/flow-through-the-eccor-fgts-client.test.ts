/**
 * The whole ECCOR FGTS journey through our own client (`@credit-apis/eccor-fgts`) against the sandbox:
 * token → products → simulation → person → bank account → credit note → submit → every manual step, with
 * a webhook receiver on 127.0.0.1 that fails its first two requests. All the notifications arrive, in the
 * order of the changes (the retried one included), and each one parses with `parseEccorFgtsWebhook`.
 *
 * The client is the package as a partner gets it: imported by name, its built entry points (`dist/`, built
 * by `tsup` when the workspace is installed: the packages' `prepare` script).
 */
import { ApiError, clientCredentials, createEccorFgtsClient, unwrap, type EccorFgtsClient } from '@credit-apis/eccor-fgts';
import { parseEccorFgtsWebhook } from '@credit-apis/eccor-fgts/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/catalog/openapi.js';
import type { RunningMock } from '../support/mock.js';
import { control, requestExample, settled, schemaChecker, startReceiver, startSandbox, tomorrow, type Receiver } from './support.js';

let receiver: Receiver;
let running: RunningMock;
let client: EccorFgtsClient;
beforeAll(async () => {
  receiver = await startReceiver((n) => (n <= 2 ? 503 : 204));
  running = await startSandbox({ webhookUrls: [new URL(receiver.url)] });
  client = createEccorFgtsClient({
    baseUrl: `${running.url}/eccor-fgts`,
    auth: clientCredentials({
      tokenUrl: `${running.url}/eccor-fgts/oauth2/token`,
      clientId: 'partner-app',
      clientSecret: 'partner-secret',
      scope: 'credit/admin',
    }),
  });
});
afterAll(async () => {
  await running.close();
  await receiver.close();
});

async function advance(noteId: string, to: number): Promise<void> {
  const answer = await control(running, 'POST', `/eccor-fgts/credit-notes/${noteId}/advance`, { to });
  expect(answer.status, answer.text).toBe(200);
}

describe('the ECCOR FGTS journey through @credit-apis/eccor-fgts', () => {
  it('uses the one copy of @credit-apis/runtime that the workspace resolves by name', async () => {
    const byName = '@credit-apis/runtime';
    const runtime = (await import(/* @vite-ignore */ byName)) as { ApiError: unknown };
    expect(runtime.ApiError).toBe(ApiError);
  });

  it('runs from the token to the last status, and the partner receives every notification in order', async () => {
    const check = schemaChecker(running, 'eccor-fgts');

    // Products and simulation (token first: the client asks for one, then reuses it).
    const products = unwrap(await client.GET('/v1/Product'));
    const product = products.data[0];
    expect(product?.id).toBeDefined();
    const simulationBody = requestExample(running, 'eccor-fgts', 'simulateAmortization');
    const simulation = unwrap(
      await client.POST('/v1/Amortization', { body: { ...simulationBody, productId: product?.id as string } as never }),
    );
    expect(simulation.termInMonths).toBeGreaterThan(0);

    // The person, read back; then one more bank account.
    const personBody = requestExample(running, 'eccor-fgts', 'createNaturalPerson') as never;
    const personId = unwrap(await client.POST('/v1/NaturalPerson', { body: personBody }));
    const person = unwrap(await client.GET('/v1/NaturalPerson/{id}', { params: { path: { id: personId } } }));
    expect(check('NaturalPerson', person)).toBeNull();
    expect(person).toMatchObject({ id: personId, civilStatusDisplay: 'Solteiro', address: { ufDisplay: 'São Paulo' } });
    const [pixPhone] = unwrap(
      await client.POST('/v1/NaturalPerson/{id}/BankAccount', {
        params: { path: { id: personId } },
        body: [{ operationTypeValue: 'Pix', pixKeyTypeValue: 'Phone', keyPix: '12980546587' }],
      }),
    );
    const listed = unwrap(await client.GET('/v1/NaturalPerson', { params: { query: { registrationNumber: person.registrationNumber } } }));
    expect(listed.data.map((item: { id: string }) => item.id)).toContain(personId);

    // The credit note, paid to the new Pix key, then submitted.
    const noteBody = requestExample(running, 'eccor-fgts', 'createCreditNote', 'creditNote') as JsonObject & { amortization: JsonObject };
    Object.assign(noteBody, { productId: product?.id, personId, beneficiaryId: personId, bankAccountId: pixPhone });
    noteBody.amortization.startDate = tomorrow();
    const noteId = unwrap(await client.POST('/v1/CreditNote', { body: noteBody as never }));
    const submitted = await client.POST('/v1/CreditNote/{id}/SubmitApproval', { params: { path: { id: noteId } } });
    expect(submitted.response.status).toBe(200);

    // The manual steps (control route) and the partner's payment revision.
    await advance(noteId, 12);
    await advance(noteId, 3);
    await advance(noteId, 13);
    const revision = await client.POST('/v1/CreditNote/{id}/donePaymentRevision', {
      params: { path: { id: noteId } },
      body: requestExample(running, 'eccor-fgts', 'donePaymentRevision') as never,
    });
    expect(revision.response.status).toBe(200);
    await advance(noteId, 14);

    // A documented error comes back typed through the client.
    const wrong = await client.POST('/v1/CreditNote/{id}/donePaymentRevision', {
      params: { path: { id: noteId } },
      body: requestExample(running, 'eccor-fgts', 'donePaymentRevision') as never,
    });
    const thrown = (() => {
      try {
        unwrap(wrong);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 400, correlationId: expect.stringMatching(/^#[0-9a-f]{32}$/) as unknown });

    // Every notification arrived: two failed attempts of the first one, then all eight in order.
    await receiver.waitFor(10, { timeoutMs: 10_000, what: 'ten webhook requests' });
    // The last request's outcome is recorded after the receiver answered it.
    await settled(running);
    const events = receiver.received.map((request) => parseEccorFgtsWebhook(request.text));
    expect(events.map((event) => `${event.parameters.oldStatus}→${event.parameters.newStatus}`)).toEqual([
      '0→1',
      '0→1',
      '0→1',
      '1→8',
      '8→2',
      '2→12',
      '12→3',
      '3→13',
      '13→3',
      '3→14',
    ]);
    for (const event of events) expect(event.id).toBe(noteId);
    expect(new Set(events.map((event) => event.parameters.newStatusDisplay))).toEqual(
      new Set([
        'Aprovação de Compliance',
        'Aprovação de Crédito',
        'Coleta de Assinaturas',
        'Validação de Assinaturas',
        'Liquidação',
        'Revisão de Pagamento',
        'Liquidação Manual',
      ]),
    );
    const deliveries = (await control(running, 'GET', `/deliveries?subject=${noteId}`)).json as {
      deliveries: { webhook: string; state: string; attempts: unknown[] }[];
    };
    expect(deliveries.deliveries.map((delivery) => [delivery.webhook, delivery.state, delivery.attempts.length])).toEqual([
      ['complianceApproval', 'delivered', 3],
      ['creditApproval', 'delivered', 1],
      ['signatureCollection', 'delivered', 1],
      ['signatureValidation', 'delivered', 1],
      ['liquidation', 'delivered', 1],
      ['paymentRevision', 'delivered', 1],
      ['liquidation', 'delivered', 1],
      ['manualLiquidation', 'delivered', 1],
    ]);
  });
});
