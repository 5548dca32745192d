/**
 * Webhook delivery from the outbox: a JSON POST with a timeout; a failed attempt is retried with exponential
 * backoff, every attempt recorded; a URL that keeps failing is paused (shown, never dropped) and resumes on
 * its first success; one credit note's notifications reach a URL in order while other notes do not wait;
 * each URL has its own slots, so a hanging receiver never delays another's notifications.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryOptions } from '../../src/sandbox/webhooks/delivery.js';
import type { RunningMock } from '../support/mock.js';
import {
  call,
  control,
  createCreditNote,
  settled,
  startOutbox,
  startReceiver,
  startSandbox,
  untilSandbox,
  type Outbox,
  type Receiver,
} from './support.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(answer: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const started = await startReceiver(answer);
  cleanups.push(() => started.close());
  return started;
}

async function outbox(options: DeliveryOptions = {}): Promise<Outbox> {
  const created = await startOutbox({ backoffMs: 20, maxBackoffMs: 1000, ...options });
  cleanups.push(() => created.close());
  return created;
}

describe('a delivery', () => {
  it('is retried with exponential backoff until the receiver answers 2xx, each attempt recorded', async () => {
    const hook = await receiver((n) => (n <= 2 ? 500 : 204));
    const queue = await outbox();
    const [id] = await queue.enqueue([hook.url], 'note-1', { hello: 'world' });
    await queue.worker.idle();
    const [record] = await queue.list();
    expect(record).toMatchObject({ id, state: 'delivered', lastStatus: 204, lastError: null, nextAttemptAt: null });
    expect(record?.attempts.map((attempt) => [attempt.number, attempt.status, attempt.error])).toEqual([
      [1, 500, 'HTTP 500'],
      [2, 500, 'HTTP 500'],
      [3, 204, null],
    ]);
    expect(
      record?.attempts.every((attempt) => typeof attempt.durationMs === 'number' && !Number.isNaN(Date.parse(attempt.startedAt))),
    ).toBe(true);
    expect(hook.received.map((request) => request.body)).toEqual([{ hello: 'world' }, { hello: 'world' }, { hello: 'world' }]);
    // 20 ms, then 40 ms between attempts (no jitter here): the backoff doubles.
    const [first, second, third] = hook.received.map((request) => request.at) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(18);
    expect(third - second).toBeGreaterThanOrEqual(36);
  });

  it('pauses a URL that keeps failing, shows it, and sends everything once the receiver is back', async () => {
    let down = true;
    const hook = await receiver(() => (down ? 503 : 204));
    const queue = await outbox({ maxAttempts: 3, maxBackoffMs: 100 });
    await queue.enqueue([hook.url], 'note-1', { n: 1 });
    await queue.enqueue([hook.url], 'note-1', { n: 2 });
    await queue.enqueue([hook.url], 'note-2', { n: 3 });
    await queue.until(async () => (await queue.endpoints()).some((endpoint) => endpoint.paused), { what: 'the URL paused' });
    const [endpoint] = await queue.endpoints();
    expect(endpoint).toMatchObject({ url: hook.url, paused: true, lastError: 'HTTP 503', undelivered: 3 });
    expect((await queue.list()).map((record) => record.state)).toEqual(['paused', 'paused', 'paused']);
    // While paused, one probe at a time: far fewer requests than deliveries × attempts.
    const whilePaused = hook.received.length;
    down = false;
    await queue.worker.idle();
    expect((await queue.list()).map((record) => record.state)).toEqual(['delivered', 'delivered', 'delivered']);
    expect((await queue.endpoints())[0]).toMatchObject({ paused: false, failures: 0 });
    const delivered = hook.received.slice(whilePaused).map((request) => (request.body as { n: number }).n);
    expect(delivered.filter((n) => n !== 3)).toEqual(delivered.includes(1) ? [1, 2] : [2]);
  });

  it('times out a receiver that never answers, and treats a refused connection or a redirect as failures', async () => {
    const hanging = await receiver(() => 'hang');
    const redirecting = await receiver(() => 302);
    const closed = await startReceiver();
    await closed.close();
    const queue = await outbox({ timeoutMs: 400, maxAttempts: 2 });
    await queue.enqueue([hanging.url, redirecting.url, closed.url], 'note-1', {});
    await queue.until(async () => (await queue.list()).every((record) => record.state === 'paused'), { what: 'three paused URLs' });
    const [hung, redirected, refused] = await queue.list();
    expect(hung).toMatchObject({ lastStatus: null, lastError: 'timed out after 400 ms' });
    expect(hanging.received.length).toBeGreaterThanOrEqual(2);
    expect(redirected).toMatchObject({ lastStatus: 302, lastError: 'HTTP 302' });
    expect(refused).toMatchObject({ lastStatus: null });
    expect(refused?.lastError).toMatch(/ECONNREFUSED/);
  });

  it('keeps the order of one subject while other subjects go on', async () => {
    let failuresLeft = 2;
    const hook = await receiver((_, body) => ((body as { n: string }).n === 'a1' && failuresLeft-- > 0 ? 500 : 204));
    const queue = await outbox();
    await queue.enqueue([hook.url], 'note-a', { n: 'a1' });
    await queue.enqueue([hook.url], 'note-a', { n: 'a2' });
    await queue.enqueue([hook.url], 'note-b', { n: 'b1' });
    await queue.worker.idle();
    const order = hook.received.map((request) => (request.body as { n: string }).n);
    expect(order.filter((n) => n.startsWith('a'))).toEqual(['a1', 'a1', 'a1', 'a2']);
    // b1 did not wait for a1's retries.
    expect(order.indexOf('b1')).toBeLessThan(order.lastIndexOf('a1'));
  });

  it('keeps at most `perUrlConcurrency` requests in flight to a URL, and a hanging URL never holds up another', async () => {
    let inFlight = 0;
    let most = 0;
    const server = createServer((req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      req.resume();
      // A slow receiver, not a wait of the test's: each answer takes 20 ms, so that requests overlap and a third
      // one sent past the limit would be seen in flight (the test waits on the outbox's attempts, not on this).
      setTimeout(() => {
        inFlight--;
        res.writeHead(204).end();
      }, 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const healthy = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const hanging = await receiver(() => 'hang');
    const queue = await outbox({ perUrlConcurrency: 2, timeoutMs: 5000 });
    for (let i = 0; i < 8; i++) await queue.enqueue([hanging.url, healthy], `note-${i}`, { i });
    await queue.until(
      async () => (await queue.list()).filter((record) => record.url === healthy && record.state === 'delivered').length === 8,
      { what: 'the healthy URL served' },
    );
    expect(most).toBe(2);
    // The hanging URL holds two slots of its own and nothing else.
    expect(hanging.received).toHaveLength(2);
    expect(
      (await queue.list())
        .filter((record) => record.url === hanging.url)
        .map((record) => record.state)
        .sort(),
    ).toEqual(['pending', 'pending', 'pending', 'pending', 'pending', 'pending', 'sending', 'sending']);
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
    await hook.waitFor(5);
    // The fifth request's outcome is recorded after the receiver answered it.
    await settled(running);
    expect(hook.received.map((request) => (request.body as { parameters: { newStatus: number } }).parameters.newStatus)).toEqual([
      1, 1, 1, 8, 2,
    ]);
    const listed = (await control(running, 'GET', '/deliveries')).json as {
      deliveries: { webhook: string; state: string; attempts: { status: number }[] }[];
    };
    expect(
      listed.deliveries.map((delivery) => [delivery.webhook, delivery.state, delivery.attempts.map((attempt) => attempt.status)]),
    ).toEqual([
      ['complianceApproval', 'delivered', [500, 500, 204]],
      ['creditApproval', 'delivered', [204]],
      ['signatureCollection', 'delivered', [204]],
    ]);
  });

  it('delivers every notification, in order per note, to a receiver that was down for a while', async () => {
    let down = true;
    const delivered: { id: string; parameters: { newStatus: number } }[] = [];
    const hook = await receiver((_, body) => {
      if (down) return 503;
      delivered.push(body as (typeof delivered)[number]);
      return 204;
    });
    running = await startSandbox({ webhookUrls: [new URL(hook.url)], delivery: { maxAttempts: 3 } });
    const notes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { noteId } = await createCreditNote(running);
      expect((await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`)).status).toBe(200);
      notes.push(noteId);
    }
    await untilSandbox(
      running,
      async () =>
        ((await control(running as RunningMock, 'GET', '/deliveries')).json as { endpoints: { paused: boolean }[] }).endpoints.some(
          (endpoint) => endpoint.paused,
        ),
      { timeoutMs: 10_000, what: 'the URL paused' },
    );
    down = false;
    await hook.waitFor(() => delivered.length === 9, { timeoutMs: 10_000, what: 'nine notifications delivered' });
    for (const note of notes)
      expect(delivered.filter((body) => body.id === note).map((body) => body.parameters.newStatus)).toEqual([1, 8, 2]);
  });

  it('keeps answering while a receiver hangs, and closes without waiting for it', async () => {
    const hook = await receiver(() => 'hang');
    running = await startSandbox({ webhookUrls: [new URL(hook.url)], delivery: { timeoutMs: 10_000 } });
    const { noteId } = await createCreditNote(running);
    expect((await call(running, 'POST', `/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`)).status).toBe(200);
    await hook.waitFor(1);
    const started = performance.now();
    const answer = await call(running, 'GET', '/eccor-fgts/v1/NaturalPerson');
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5000);
    const listed = (await control(running, 'GET', '/deliveries')).json as { deliveries: { state: string }[] };
    expect(listed.deliveries.map((delivery) => delivery.state)).toEqual(['sending', 'pending', 'pending']);
    // Closing gives the lease back: the delivery waits in the outbox for the next start.
    await running.close();
    running = undefined;
  });
});
