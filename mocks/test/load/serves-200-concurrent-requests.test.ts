/**
 * 200 requests in flight at once (every provider's sample requests, bodies included, 127.0.0.1 only)
 * are all answered, each with the answer it gets alone, which is a success.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';
import { sendSample } from '../support/requests.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

describe('load', () => {
  it('answers 200 concurrent requests correctly', async () => {
    const samples = running.providers.flatMap((provider) => provider.operations.map((operation) => ({ provider, operation })));
    const alone = await Promise.all(samples.map(({ provider, operation }) => sendSample(running.url, provider, operation)));
    // The samples are valid requests (the Prism equivalence test checks them with Prism): each gets its
    // operation's preferred answer, a success wherever the operation documents one (ECCOR FGTS's
    // donePaymentRevision documents only its errors).
    alone.forEach((answer, index) => expect(answer.status).toBe(samples[index]?.operation.responses.defaultAnswer?.status));
    expect(alone.filter((answer) => answer.status < 300).length).toBeGreaterThan(samples.length - 2);
    const together = await Promise.all(
      Array.from({ length: 200 }, (_, index) => {
        const { provider, operation } = samples[index % samples.length] ?? (samples[0] as (typeof samples)[number]);
        return sendSample(running.url, provider, operation);
      }),
    );
    together.forEach((answer, index) => {
      const expected = alone[index % samples.length];
      expect(answer.status).toBe(expected?.status);
      expect(answer.text).toBe(expected?.text);
    });
  });
});
