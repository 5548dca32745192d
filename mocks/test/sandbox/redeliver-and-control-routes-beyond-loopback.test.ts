/**
 * `POST /_sandbox/deliveries/{id}/redeliver` sends a notification again (a new delivery, linked to the
 * first); control routes that change state answer a caller beyond loopback only with `--control`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlRoutesEnabled } from '../../src/control/policy.js';
import { sandbox, type Sandbox } from '../../src/sandbox/index.js';
import type { RunningMock } from '../support/mock.js';
import { call, control, createCreditNote, eventually, startReceiver, startSandbox, type Receiver } from './support.js';

let running: RunningMock;
let hook: Receiver;
beforeAll(async () => {
  hook = await startReceiver();
  running = await startSandbox({ webhookUrls: [new URL(hook.url)] });
});
afterAll(async () => {
  await running.close();
  await hook.close();
});

describe('redelivery', () => {
  it('sends a delivered notification again as a new delivery', async () => {
    const { noteId } = await createCreditNote(running);
    await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`);
    await eventually(() => hook.received.length === 3, 5000, 'three notifications');
    const listed = (await control(running, 'GET', `/deliveries?subject=${noteId}`)).json as { deliveries: { id: string; payload: unknown }[] };
    const first = listed.deliveries[0] as { id: string; payload: unknown };
    const again = await control(running, 'POST', `/deliveries/${first.id}/redeliver`);
    expect(again.status).toBe(202);
    const { id } = again.json as { id: string; redeliveryOf: string };
    expect(again.json).toMatchObject({ redeliveryOf: first.id });
    await eventually(() => hook.received.length === 4, 5000, 'the redelivery');
    expect(hook.received[3]?.body).toEqual(first.payload);
    const after = (await control(running, 'GET', `/deliveries?subject=${noteId}`)).json as { deliveries: { id: string; state: string; redeliveryOf: string | null }[] };
    expect(after.deliveries.find((delivery) => delivery.id === id)).toMatchObject({ state: 'delivered', redeliveryOf: first.id });
    expect((await control(running, 'POST', '/deliveries/dlv_999999/redeliver')).status).toBe(404);
    expect((await control(running, 'GET', '/deliveries/dlv_000001/redeliver')).status).toBe(405);
  });
});

describe('control routes beyond loopback', () => {
  it('are allowed on loopback, and elsewhere only with --control', () => {
    expect(controlRoutesEnabled({ control: false, remoteAddress: '127.0.0.1' })).toBe(true);
    expect(controlRoutesEnabled({ control: false, remoteAddress: '::ffff:127.0.0.1' })).toBe(true);
    expect(controlRoutesEnabled({ control: false, remoteAddress: '::1' })).toBe(true);
    expect(controlRoutesEnabled({ control: false, remoteAddress: '192.0.2.7' })).toBe(false);
    expect(controlRoutesEnabled({ control: false, remoteAddress: undefined })).toBe(false);
    expect(controlRoutesEnabled({ control: true, remoteAddress: '192.0.2.7' })).toBe(true);
  });

  it('refuse a state change from another address without --control, and still answer reads', async () => {
    const routes = (running.mock.sandbox as Sandbox).routes;
    const from = (method: string, path: string, remoteAddress: string) => routes({ method, path, query: undefined, body: Buffer.from('{"urls": []}'), headers: { authorization: 'Bearer x' }, remoteAddress });
    expect((await from('POST', '/deliveries/dlv_000001/redeliver', '192.0.2.7')).status).toBe(403);
    expect((await from('PUT', '/webhooks', '192.0.2.7')).status).toBe(403);
    expect((await from('POST', '/eccor-fgts/credit-notes/x/advance', '192.0.2.7')).status).toBe(403);
    expect((await from('GET', '/deliveries', '192.0.2.7')).status).toBe(200);
    expect((await from('PUT', '/webhooks', '127.0.0.1')).status).toBe(200);
    const open = sandbox({ control: true })(running.providers);
    try {
      await open.ready;
      expect((await open.routes({ method: 'PUT', path: '/webhooks', query: undefined, body: Buffer.from('{"urls": []}'), headers: { authorization: 'Bearer x' }, remoteAddress: '192.0.2.7' })).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
