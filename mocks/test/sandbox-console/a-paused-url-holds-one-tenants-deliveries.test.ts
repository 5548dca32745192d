/**
 * Pause and resume (`POST /_sandbox/webhooks/pause|resume`): a tenant's deliveries to a paused URL wait in
 * state `held` — never tried, a redelivery too — while another tenant's notifications to the same URL go
 * on; resuming sends what waited, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../support/mock.js';
import {
  call,
  control,
  createCreditNote,
  creditNoteBody,
  requestExample,
  SAMPLE_BEARER,
  startSandboxWithReceiver,
  type Receiver,
} from '../sandbox/support.js';

let running: RunningMock;
let hook: Receiver;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ running, hook, close } = await startSandboxWithReceiver());
});
afterAll(() => close());

const asAlice = { authorization: SAMPLE_BEARER };
type Listed = { deliveries: { id: string; state: string; attempts: unknown[]; payload: { id: string } }[] };
const deliveriesOf = async (noteId: string): Promise<Listed['deliveries']> =>
  ((await control(running, 'GET', `/deliveries?subject=${noteId}`)).json as Listed).deliveries;

describe('a URL paused by its tenant', () => {
  it("holds that tenant's deliveries, not another's, and resuming sends them in order", async () => {
    const held = await createCreditNote(running);
    const delivered = await createCreditNote(running);
    await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${delivered.noteId}/SubmitApproval`);
    await hook.waitFor(3, { what: "the first note's three notifications" });
    const [first] = await deliveriesOf(delivered.noteId);

    expect((await control(running, 'POST', '/webhooks/pause', { url: hook.url }, asAlice)).status).toBe(200);
    await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${held.noteId}/SubmitApproval`);
    expect((await control(running, 'POST', `/deliveries/${first?.id}/redeliver`, undefined, asAlice)).status).toBe(202);
    // Bob's notifications to the same URL are not Alice's to hold: they go on.
    const asBob = { authorization: 'Bearer bob' };
    const bobPerson = (
      await call(running, 'POST', '/eccor-fgts/v1/NaturalPerson', requestExample(running, 'eccor-fgts', 'createNaturalPerson'), asBob)
    ).json as string;
    const bobAccount = (
      (await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${bobPerson}`, undefined, asBob)).json as { bankAccounts: { id: string }[] }
    ).bankAccounts[0]?.id as string;
    const bobNote = (await call(running, 'POST', '/eccor-fgts/v1/CreditNote', creditNoteBody(running, bobPerson, bobAccount), asBob))
      .json as string;
    await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${bobNote}/SubmitApproval`, undefined, asBob);
    await hook.waitFor(6, { what: "Bob's three notifications" });
    expect(hook.received.slice(3).map((request) => (request.body as { id: string }).id)).toEqual([bobNote, bobNote, bobNote]);
    const waiting = await deliveriesOf(held.noteId);
    expect(waiting.map((delivery) => [delivery.state, delivery.attempts.length])).toEqual([
      ['held', 0],
      ['held', 0],
      ['held', 0],
    ]);
    expect((await deliveriesOf(delivered.noteId)).at(-1)).toMatchObject({ state: 'held', attempts: [] });
    expect(hook.received).toHaveLength(6);

    expect((await control(running, 'POST', '/webhooks/resume', { url: hook.url }, asAlice)).status).toBe(200);
    await hook.waitFor(10, { what: 'the held notifications' });
    const sent = hook.received.slice(6).filter((request) => (request.body as { id: string }).id === held.noteId);
    expect(sent.map((request) => (request.body as { parameters: { newStatus: number } }).parameters.newStatus)).toEqual([1, 8, 2]);
    expect((await deliveriesOf(held.noteId)).every((delivery) => delivery.state === 'delivered')).toBe(true);
  });
});
