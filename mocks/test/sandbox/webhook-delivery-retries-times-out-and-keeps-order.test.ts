/**
 * Webhook delivery: a JSON POST with a timeout; a failed attempt is retried with exponential backoff a
 * bounded number of times; one credit note's notifications reach a URL in order while other notes do not
 * wait; a receiver that hangs or refuses never blocks the server; the queue and the log are bounded.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveries, type Deliveries } from '../../src/sandbox/webhooks/delivery.js';
import type { RunningMock } from '../support/mock.js';
import { call, control, createCreditNote, eventually, startReceiver, startSandbox, type Receiver } from './support.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(answer: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const started = await startReceiver(answer);
  cleanups.push(() => started.close());
  return started;
}

function deliveries(options: Omit<Parameters<typeof createDeliveries>[0], 'random'>): Deliveries {
  const created = createDeliveries({ backoffMs: 20, maxBackoffMs: 1000, timeoutMs: 1000, random: () => 0, ...options });
  cleanups.push(() => created.close());
  return created;
}

describe('a delivery', () => {
  it('is retried with exponential backoff until the receiver answers 2xx', async () => {
    const hook = await receiver((n) => (n <= 2 ? 500 : 204));
    const queue = deliveries({ urls: [new URL(hook.url)] });
    const [id] = queue.enqueue('eccor-fgts', 'complianceApproval', 'note-1', { hello: 'world' });
    await queue.idle();
    const [record] = queue.list();
    expect(record).toMatchObject({ id, state: 'delivered', lastStatus: 204, lastError: null });
    expect(record?.attempts.map((attempt) => [attempt.status, attempt.error])).toEqual([
      [500, 'HTTP 500'],
      [500, 'HTTP 500'],
      [204, null],
    ]);
    expect(hook.received.map((request) => request.body)).toEqual([{ hello: 'world' }, { hello: 'world' }, { hello: 'world' }]);
    // 20 ms, then 40 ms between attempts (no jitter here): the backoff doubles.
    const [first, second, third] = hook.received.map((request) => request.at) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(18);
    expect(third - second).toBeGreaterThanOrEqual(36);
  });

  it('gives up after the last attempt, naming why', async () => {
    const hook = await receiver(() => 503);
    const queue = deliveries({ urls: [new URL(hook.url)], maxAttempts: 3 });
    queue.enqueue('eccor-fgts', 'liquidation', 'note-1', {});
    await queue.idle();
    expect(queue.list()[0]).toMatchObject({ state: 'failed', lastStatus: 503, lastError: 'HTTP 503', attempts: [{}, {}, {}] });
    expect(hook.received).toHaveLength(3);
  });

  it('times out a receiver that never answers, and treats a refused connection or a redirect as failures', async () => {
    const hanging = await receiver(() => 'hang');
    const redirecting = await receiver(() => 302);
    const closed = await startReceiver();
    await closed.close();
    const queue = deliveries({ urls: [new URL(hanging.url), new URL(redirecting.url), new URL(closed.url)], timeoutMs: 100, maxAttempts: 2 });
    queue.enqueue('eccor-fgts', 'liquidation', 'note-1', {});
    await queue.idle();
    const [hung, redirected, refused] = queue.list();
    expect(hung).toMatchObject({ state: 'failed', lastStatus: null, lastError: 'timed out after 100 ms' });
    expect(hanging.received).toHaveLength(2);
    expect(redirected).toMatchObject({ state: 'failed', lastStatus: 302, lastError: 'HTTP 302' });
    expect(refused).toMatchObject({ state: 'failed', lastStatus: null });
    expect(refused?.lastError).toMatch(/ECONNREFUSED/);
  });

  it('keeps the order of one subject while other subjects go on', async () => {
    let failuresLeft = 2;
    const hook = await receiver((_, body) => ((body as { n: string }).n === 'a1' && failuresLeft-- > 0 ? 500 : 204));
    const queue = deliveries({ urls: [new URL(hook.url)] });
    queue.enqueue('eccor-fgts', 'complianceApproval', 'note-a', { n: 'a1' });
    queue.enqueue('eccor-fgts', 'creditApproval', 'note-a', { n: 'a2' });
    queue.enqueue('eccor-fgts', 'complianceApproval', 'note-b', { n: 'b1' });
    await queue.idle();
    const order = hook.received.map((request) => (request.body as { n: string }).n);
    expect(order.filter((n) => n.startsWith('a'))).toEqual(['a1', 'a1', 'a1', 'a2']);
    // b1 did not wait for a1's retries.
    expect(order.indexOf('b1')).toBeLessThan(order.lastIndexOf('a1'));
  });

  it('keeps at most `concurrency` requests in flight, and bounds the queue and the log', async () => {
    let inFlight = 0;
    let most = 0;
    const server = createServer((req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      req.resume();
      setTimeout(() => {
        inFlight--;
        res.writeHead(204).end();
      }, 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const queue = deliveries({ urls: [url], concurrency: 2, maxPending: 6, maxLog: 7 });
    // 8 at once: 6 queued, 2 dropped (never sent).
    const ids = Array.from({ length: 8 }, (_, i) => queue.enqueue('eccor-fgts', 'liquidation', `note-${i}`, { i })[0]);
    await queue.idle();
    expect(most).toBe(2);
    let log = queue.list();
    expect(log.map((record) => record.state)).toEqual(['delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'dropped']);
    expect(log[6]?.lastError).toMatch(/more than 6 deliveries pending/);
    // The log keeps the last 7, evicting settled deliveries first.
    const later = Array.from({ length: 3 }, (_, i) => queue.enqueue('eccor-fgts', 'liquidation', `later-${i}`, { i })[0]);
    await queue.idle();
    log = queue.list();
    expect(log).toHaveLength(7);
    expect(log.slice(-3).map((record) => record.id)).toEqual(later);
    expect(log.map((record) => record.id)).not.toContain(ids[0]);
  });
});

describe('deliveries of the sandbox', () => {
  let running: RunningMock | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('shows the retries a receiver that fails twice then succeeds sees', async () => {
    const hook = await receiver((n) => (n <= 2 ? 500 : 204));
    running = await startSandbox({ webhookUrls: [new URL(hook.url)] });
    const { noteId } = await createCreditNote(running);
    expect((await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`)).status).toBe(200);
    await eventually(() => hook.received.length === 5, 5000, 'five requests');
    expect(hook.received.map((request) => (request.body as { parameters: { newStatus: number } }).parameters.newStatus)).toEqual([1, 1, 1, 8, 2]);
    const listed = (await control(running, 'GET', '/deliveries')).json as { deliveries: { webhook: string; state: string; attempts: { status: number }[] }[] };
    expect(listed.deliveries.map((delivery) => [delivery.webhook, delivery.state, delivery.attempts.map((attempt) => attempt.status)])).toEqual([
      ['complianceApproval', 'delivered', [500, 500, 204]],
      ['creditApproval', 'delivered', [204]],
      ['signatureCollection', 'delivered', [204]],
    ]);
  });

  it('keeps answering while a receiver hangs, and closes without waiting for it', async () => {
    const hook = await receiver(() => 'hang');
    running = await startSandbox({ webhookUrls: [new URL(hook.url)], delivery: { timeoutMs: 10_000 } });
    const { noteId } = await createCreditNote(running);
    expect((await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`)).status).toBe(200);
    await eventually(() => hook.received.length === 1, 5000, 'the first request');
    const started = performance.now();
    const answer = await call(running, 'GET', '/eccor-fgts/v1/NaturalPerson');
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5000);
    const listed = (await control(running, 'GET', '/deliveries')).json as { deliveries: { state: string }[] };
    expect(listed.deliveries.map((delivery) => delivery.state)).toEqual(['sending', 'pending', 'pending']);
    await running.close();
    running = undefined;
  });
});
