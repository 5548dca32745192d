/**
 * `createSignal().until(check)` and the recording server's `waitFor`: a wait resolves at the notice (the
 * request) that makes its condition true, checks an async condition one at a time (a notice during a check
 * makes one more), and fails only at its bound, saying what it awaited and what it saw.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../src/http-server.js';
import { createSignal, within } from '../../src/wait.js';

const post = (url: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const req = request(`${url}/hook`, { method: 'POST' }, (response) => {
      response.resume();
      response.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end('{}');
  });

describe('a signal', () => {
  it('resolves at the notice that makes the condition true, not before', async () => {
    const signal = createSignal();
    let value = 0;
    let resolved = false;
    const waiting = signal.until(() => value === 2).then(() => (resolved = true));
    value = 1;
    signal.notify();
    await Promise.resolve();
    expect(resolved).toBe(false);
    value = 2;
    // Changed, but nobody said so: still waiting.
    await Promise.resolve();
    expect(resolved).toBe(false);
    signal.notify();
    await waiting;
    expect(resolved).toBe(true);
  });

  it('runs one async check at a time, and checks once more after a notice that came during one', async () => {
    const signal = createSignal();
    let running = 0;
    let most = 0;
    let checks = 0;
    let ready = false;
    let release: () => void = () => {};
    const waiting = signal.until(async () => {
      checks++;
      running++;
      most = Math.max(most, running);
      // What a query reads at its start: the first one reads before the change, and answers after the notices.
      const read = ready;
      if (checks === 1) await new Promise<void>((resolve) => (release = resolve));
      running--;
      return read;
    });
    ready = true;
    signal.notify();
    signal.notify();
    release();
    await waiting;
    expect(most).toBe(1);
    expect(checks).toBe(2);
  });

  it('fails at its bound, naming what it awaited and what it saw', async () => {
    const signal = createSignal();
    await expect(signal.until(() => false, { timeoutMs: 20, what: 'three notifications', seen: () => '2 requests' })).rejects.toThrow(
      'timed out after 20 ms waiting for three notifications; seen: 2 requests',
    );
  });

  it('passes on the error of a check', async () => {
    await expect(
      createSignal().until(() => {
        throw new Error('the database is gone');
      }),
    ).rejects.toThrow('the database is gone');
  });

  it('bounds a promise that has its own event (`within`)', async () => {
    await expect(within(Promise.resolve(7))).resolves.toBe(7);
    await expect(within(new Promise(() => {}), { timeoutMs: 20, what: 'the worker idle' })).rejects.toThrow(
      'timed out after 20 ms waiting for the worker idle',
    );
  });
});

describe("the recording server's waitFor", () => {
  it('resolves at the arrival of the n-th request, or of the one a condition waits for', async () => {
    const server = await startTestServer((_, response) => void response.writeHead(204).end());
    const two = server.waitFor(2);
    let resolved = false;
    void two.then(() => (resolved = true));
    await post(server.url);
    expect(resolved).toBe(false);
    await post(server.url);
    await two;
    const third = server.waitFor((requests) => requests.length === 3 && requests[2]?.method === 'POST');
    await post(server.url);
    await third;
    expect(server.requests).toHaveLength(3);
  });

  it('fails naming how many requests came, and which', async () => {
    const server = await startTestServer((_, response) => void response.writeHead(204).end());
    await post(server.url);
    await expect(server.waitFor(2, { timeoutMs: 20, what: 'two notifications' })).rejects.toThrow(
      'timed out after 20 ms waiting for two notifications; seen: 1 request: POST /hook',
    );
  });
});
