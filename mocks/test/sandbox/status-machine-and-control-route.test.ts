/**
 * The credit note's status flow: SubmitApproval moves it 0 → 1 → 8 → 2, the control route takes the manual
 * steps (2 → 12 → 3, then 14 or 13), donePaymentRevision only works in 13 and sends it back to 3. Every change
 * is notified to the registered URL, in order, with the documented payload, and every notification validates
 * against the spec's `CreditNoteStatusEvent`. Illegal steps get a 409 that lists the legal ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/catalog/openapi.js';
import { specData } from '../../src/sandbox/spec-data.js';
import type { RunningMock } from '../support/mock.js';
import { call, control, createCreditNote, requestExample, schemaChecker, startReceiver, startSandbox, type Receiver } from './support.js';

let receiver: Receiver;
let running: RunningMock;
let check: ReturnType<typeof schemaChecker>;
beforeAll(async () => {
  receiver = await startReceiver();
  running = await startSandbox({ webhookUrls: [new URL(receiver.url)] });
  check = schemaChecker(running, 'eccor-fgts');
});
afterAll(async () => {
  await running.close();
  await receiver.close();
});

interface Event {
  id: string;
  eventValue: number;
  parameters: { oldStatus: number; newStatus: number; oldStatusDisplay: string; newStatusDisplay: string; message: string | null };
}

const transitions = (events: readonly unknown[]): string[] =>
  (events as Event[]).map((event) => `${event.parameters.oldStatus}→${event.parameters.newStatus}`);

async function advance(noteId: string, body?: unknown): Promise<{ status: number; json: JsonObject }> {
  const answer = await control(running, 'POST', `/eccor-fgts/credit-notes/${noteId}/advance`, body);
  return { status: answer.status, json: answer.json as JsonObject };
}

describe('the credit-note flow', () => {
  let noteId: string;
  const mine = (): unknown[] => receiver.received.map((request) => request.body).filter((body) => (body as Event).id === noteId);

  beforeAll(async () => {
    noteId = (await createCreditNote(running)).noteId;
  });

  it('goes 0 → 1 → 8 → 2 on SubmitApproval, each step notified in order', async () => {
    const submitted = await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`);
    expect(submitted.status).toBe(200);
    expect(submitted.text).toBe('');
    await receiver.waitFor(() => mine().length === 3, { what: 'three notifications' });
    expect(transitions(mine())).toEqual(['0→1', '1→8', '8→2']);
    expect(receiver.received[0]?.headers['content-type']).toBe('application/json');
  });

  it('takes the manual steps through the control route, refusing illegal ones with the legal next steps', async () => {
    // 2 → 12: the only step, so no body is needed.
    const collected = await advance(noteId);
    expect(collected.status).toBe(200);
    expect(collected.json).toMatchObject({ from: 2, to: 12, status: 12, statusDisplay: 'Validação de Assinaturas' });
    expect(collected.json.deliveries).toHaveLength(1);
    // By the webhook's name.
    expect((await advance(noteId, { step: 'liquidation' })).json).toMatchObject({ from: 12, to: 3 });
    // From 3, two steps are possible: the route asks which.
    const choose = await advance(noteId);
    expect(choose.status).toBe(409);
    expect((choose.json.legalNext as { to: number }[]).map((step) => step.to).sort()).toEqual([13, 14]);
    // Not a step of the flow.
    const illegal = await advance(noteId, { to: 8 });
    expect(illegal.status).toBe(409);
    expect(illegal.json).toMatchObject({ title: 'Illegal Transition', currentStatus: 3 });
    expect((illegal.json.legalNext as { name: string }[]).map((step) => step.name).sort()).toEqual([
      'ManualLiquidation',
      'PaymentRevision',
    ]);
    // Bad requests.
    expect((await advance(noteId, { to: 'Nowhere' })).status).toBe(400);
    expect((await advance(noteId, '{"to": ')).status).toBe(400);
    expect((await advance(noteId, { to: 13, step: 'paymentRevision' })).status).toBe(400);
    expect((await advance(noteId, [13])).status).toBe(400);
    expect((await advance('00000000-0000-4000-8000-000000000000', { to: 13 })).status).toBe(404);
    expect((await control(running, 'GET', `/eccor-fgts/credit-notes/${noteId}/advance`)).status).toBe(405);
    // 3 → 13 by its English status name.
    expect((await advance(noteId, { to: 'PaymentRevision' })).json).toMatchObject({ from: 3, to: 13 });
    // 13 → 3 is the partner's own call, not the control route's.
    const notMine = await advance(noteId, { to: 3 });
    expect(notMine.status).toBe(409);
    expect(String(notMine.json.detail)).toContain('donePaymentRevision');
  });

  it('completes the payment revision only in 13, back to 3, then ends in 14', async () => {
    const done = await call(
      running,
      'POST',
      `/eccor-fgts/v1/CreditNote/${noteId}/donePaymentRevision`,
      requestExample(running, 'eccor-fgts', 'donePaymentRevision'),
    );
    expect(done.status).toBe(200);
    const again = await call(
      running,
      'POST',
      `/eccor-fgts/v1/CreditNote/${noteId}/donePaymentRevision`,
      requestExample(running, 'eccor-fgts', 'donePaymentRevision'),
    );
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ code: 'INVALID_ACTION_FOR_STATUS', details: { currentStatus: 'Liquidation' } });
    expect((await advance(noteId, { to: 14 })).json).toMatchObject({ from: 3, to: 14, statusDisplay: 'Liquidação Manual' });
    const end = await advance(noteId);
    expect(end.status).toBe(409);
    expect(end.json.legalNext).toEqual([]);

    const view = await control(running, 'GET', `/eccor-fgts/credit-notes/${noteId}`);
    const note = view.json as { history: { from: number | null; to: number; trigger: string }[]; paymentRevisions: unknown[] };
    expect(note.history.map((change) => `${change.from ?? '-'}→${change.to} ${change.trigger}`)).toEqual([
      '-→0 created',
      '0→1 SubmitApproval',
      '1→8 automatic',
      '8→2 automatic',
      '2→12 control',
      '12→3 control',
      '3→13 control',
      '13→3 donePaymentRevision',
      '3→14 control',
    ]);
    expect(note.paymentRevisions).toEqual([
      { at: expect.any(String) as unknown, bankAccount: requestExample(running, 'eccor-fgts', 'donePaymentRevision').bankAccount },
    ]);
  });

  it('notified every change in order, each payload the documented one with its id and statuses', async () => {
    await receiver.waitFor(() => mine().length === 8, { what: 'eight notifications' });
    const events = mine() as Event[];
    expect(transitions(events)).toEqual(['0→1', '1→8', '8→2', '2→12', '12→3', '3→13', '13→3', '3→14']);
    const spec = specData('eccor-fgts', running.provider('eccor-fgts').doc);
    const examples = new Map(spec.webhookExamples().map(({ name, example }) => [name, example as unknown as Event]));
    const byNewStatus = new Map([...examples.values()].map((example) => [example.parameters.newStatus, example]));
    for (const event of events) {
      expect(check('CreditNoteStatusEvent', event), JSON.stringify(event)).toBeNull();
      const documented = byNewStatus.get(event.parameters.newStatus) as Event;
      const from =
        [...examples.values()].find((example) => example.parameters.newStatus === event.parameters.oldStatus)?.parameters
          .newStatusDisplay ?? 'Rascunho';
      expect(event).toEqual({
        ...documented,
        id: noteId,
        parameters: { ...documented.parameters, oldStatus: event.parameters.oldStatus, oldStatusDisplay: from },
      });
    }
    // The seven documented notifications, all of them, as the spec writes them.
    for (const [name, example] of examples) {
      const sent = events.find(
        (event) =>
          event.parameters.oldStatus === example.parameters.oldStatus && event.parameters.newStatus === example.parameters.newStatus,
      );
      expect(sent, name).toEqual({ ...example, id: noteId });
    }
    expect(examples.size).toBe(7);
  });

  it('lists every delivery with its payload, attempts and last status', async () => {
    const answer = await control(running, 'GET', `/deliveries?subject=${noteId}`);
    const { deliveries, urls } = answer.json as {
      urls: string[];
      deliveries: { webhook: string; url: string; state: string; payload: Event; attempts: { status: number }[]; lastStatus: number }[];
    };
    expect(urls).toEqual([receiver.url]);
    expect(deliveries.map((delivery) => delivery.webhook)).toEqual([
      'complianceApproval',
      'creditApproval',
      'signatureCollection',
      'signatureValidation',
      'liquidation',
      'paymentRevision',
      'liquidation',
      'manualLiquidation',
    ]);
    for (const delivery of deliveries) {
      expect(delivery).toMatchObject({ url: receiver.url, state: 'delivered', lastStatus: 204, attempts: [{ status: 204 }] });
      expect(delivery.payload.id).toBe(noteId);
    }
  });
});
