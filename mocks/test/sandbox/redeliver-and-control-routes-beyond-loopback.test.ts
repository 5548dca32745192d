/**
 * `POST /_sandbox/deliveries/{id}/redeliver` sends a notification again (a new delivery, linked to the
 * first); sandbox control routes that change state answer only where the mock's control routes are open
 * (control/policy.ts decides: a loopback bind, or `--control`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import type { RunningMock } from '../support/mock.js';
import { call, control, createCreditNote, settled, startSandbox, startSandboxWithReceiver, type Receiver } from './support.js';

let running: RunningMock;
let hook: Receiver;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ running, hook, close } = await startSandboxWithReceiver());
});
afterAll(() => close());

describe('redelivery', () => {
  it('sends a delivered notification again as a new delivery', async () => {
    const { noteId } = await createCreditNote(running);
    await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`);
    await hook.waitFor(3, { what: 'three notifications' });
    const listed = (await control(running, 'GET', `/deliveries?subject=${noteId}`)).json as {
      deliveries: { id: string; payload: unknown }[];
    };
    const first = listed.deliveries[0] as { id: string; payload: unknown };
    const again = await control(running, 'POST', `/deliveries/${first.id}/redeliver`);
    expect(again.status).toBe(202);
    const { id } = again.json as { id: string; redeliveryOf: string };
    expect(again.json).toMatchObject({ redeliveryOf: first.id });
    await hook.waitFor(4, { what: 'the redelivery' });
    // Its outcome is recorded after the receiver answered it.
    await settled(running);
    expect(hook.received).toHaveLength(4);
    expect(hook.received[3]?.body).toEqual(first.payload);
    const after = (await control(running, 'GET', `/deliveries?subject=${noteId}`)).json as {
      deliveries: { id: string; state: string; redeliveryOf: string | null }[];
    };
    expect(after.deliveries.find((delivery) => delivery.id === id)).toMatchObject({ state: 'delivered', redeliveryOf: first.id });
    expect((await control(running, 'POST', '/deliveries/dlv_999999/redeliver')).status).toBe(404);
    expect((await control(running, 'GET', '/deliveries/dlv_000001/redeliver')).status).toBe(405);
  });
});

describe("control routes where the mock's control routes are closed", () => {
  it('refuse a state change, and still answer reads', async () => {
    const routes = (running.mock.sandbox as Sandbox).routes;
    const as = (method: string, path: string, controlOpen: boolean) =>
      routes({ method, path, query: undefined, body: Buffer.from('{"urls": []}'), headers: { authorization: 'Bearer x' }, controlOpen });
    expect((await as('POST', '/deliveries/dlv_000001/redeliver', false)).status).toBe(403);
    expect((await as('PUT', '/webhooks', false)).status).toBe(403);
    expect((await as('POST', '/eccor-fgts/credit-notes/x/advance', false)).status).toBe(403);
    expect((await as('GET', '/deliveries', false)).status).toBe(200);
    expect((await as('PUT', '/webhooks', true)).status).toBe(200);
  });

  it('answer 403 over HTTP when the mock closes its control routes (control: false)', async () => {
    const closed = await startSandbox({}, { control: false });
    try {
      expect(closed.mock.controlOpen).toBe(false);
      expect((await control(closed, 'PUT', '/webhooks', { urls: [] }, { authorization: 'Bearer x' })).json).toMatchObject({
        status: 403,
        title: 'Control Routes Disabled',
      });
      expect((await control(closed, 'GET', '/deliveries')).status).toBe(200);
    } finally {
      await closed.close();
    }
  });
});
