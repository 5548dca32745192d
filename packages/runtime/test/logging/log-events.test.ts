import { afterEach, describe, expect, it } from 'vitest';
import type { LogEvent } from '../../src/index.js';
import { createThingsClient, fastRetry } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

describe('logger', () => {
  it('a function gets one event per attempt and retry: method, redacted path, status, attempt, duration', async () => {
    const api = await servers.start((_request, response, index) =>
      index === 0 ? sendJson(response, 503, {}, { 'x-request-id': 'r-1' }) : sendJson(response, 200, { items: [] }),
    );
    const events: LogEvent[] = [];
    const client = createThingsClient({ baseUrl: api.url, retry: fastRetry, logger: (event) => events.push(event) });
    await client.GET('/things', { params: { query: { registrationNumber: '12345678909' } } });

    expect(events.map((event) => [event.type, event.level, event.attempt, event.status])).toEqual([
      ['response', 'info', 1, 503],
      ['retry', 'warn', 1, 503],
      ['response', 'info', 2, 200],
    ]);
    const [first, retry] = events;
    expect(first).toMatchObject({
      provider: 'things',
      method: 'GET',
      path: '/things?registrationNumber=***',
      operation: '/things',
      correlationId: 'r-1',
    });
    expect(first?.durationMs).toBeGreaterThanOrEqual(0);
    expect(typeof first?.message).toBe('string');
    expect(retry?.retryInMs).toBeGreaterThanOrEqual(0);
  });

  it('an object gets (message, event) on the method of the event’s level: console works as is', async () => {
    const api = await servers.start((_request, response) => {
      response.socket?.destroy();
    });
    const calls: [string, string, LogEvent][] = [];
    const record = (level: string) => (message: string, event: LogEvent) => calls.push([level, message, event]);
    const client = createThingsClient({
      baseUrl: api.url,
      retry: { ...fastRetry, maxRetries: 1 },
      logger: { info: record('info'), warn: record('warn'), error: record('error') },
    });
    await client.GET('/things').catch(() => undefined);
    expect(calls.map(([level, , event]) => [level, event.type])).toEqual([
      ['error', 'error'],
      ['warn', 'retry'],
      ['error', 'error'],
    ]);
    const [, message, event] = calls[0] ?? [];
    expect(message).toBe(event?.message);
    expect(event?.error).toEqual({ name: 'NetworkError', message: expect.stringContaining('GET /things') });
  });
});
