/**
 * `GET /_sandbox/events`: a `change` event after each committed change or delivery attempt (and none for a
 * read: the console's own reads would loop), carrying no data; at most `maxStreams` open streams (the next
 * gets a 503), each removed when its client goes, and every one ended when the server closes.
 */
import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import type { RunningMock } from '../support/mock.js';
import { call, control, createPerson, eventually, startReceiver, startSandbox, type Receiver } from '../sandbox/support.js';

interface Stream {
  status: number;
  text: () => string;
  response: IncomingMessage;
  close(): void;
}

function openStream(running: RunningMock): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request(`${running.url}/_sandbox/events`, { headers: { accept: 'text/event-stream' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('error', () => {});
      resolve({ status: response.statusCode ?? 0, text: () => text, response, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

const changes = (stream: Stream): number => stream.text().split('event: change\n').length - 1;

let running: RunningMock;
let hook: Receiver;
beforeAll(async () => {
  hook = await startReceiver();
  running = await startSandbox({ webhookUrls: [new URL(hook.url)], events: { maxStreams: 2, coalesceMs: 5, heartbeatMs: 50 } });
});
afterAll(async () => {
  await running.close();
  await hook.close();
});

describe('the console event stream', () => {
  it('sends a change after a committed write, none after a read', async () => {
    const stream = await openStream(running);
    try {
      expect(stream.status).toBe(200);
      expect(stream.response.headers['content-type']).toMatch(/^text\/event-stream/);
      await eventually(() => stream.text().includes('event: ready'), 5000, 'the ready event');
      const person = await createPerson(running);
      await eventually(() => changes(stream) >= 1, 5000, 'a change event');
      expect(stream.text()).toContain('event: change\ndata: {}\n\n');
      // Reads only (the person, the overview): heartbeats come, changes do not.
      const seen = changes(stream);
      const beats = stream.text().split(': heartbeat').length;
      await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${person.id}`);
      await control(running, 'GET', '/overview?tenant=x');
      await eventually(() => stream.text().split(': heartbeat').length >= beats + 2, 5000, 'two heartbeats');
      expect(changes(stream)).toBe(seen);
    } finally {
      stream.close();
    }
  });

  it('keeps at most maxStreams open, frees a slot when a client goes, and ends them all on close', async () => {
    const events = (running.mock.sandbox as Sandbox).events;
    await eventually(() => events.open === 0, 5000, "the first test's stream removed");
    const first = await openStream(running);
    const second = await openStream(running);
    const third = await openStream(running);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 503]);
    third.close();
    first.close();
    await eventually(() => events.open === 1, 5000, 'the closed stream removed');
    const again = await openStream(running);
    expect(again.status).toBe(200);
    const ended = Promise.all([second, again].map((stream) => new Promise<void>((resolve) => stream.response.on('end', () => resolve()))));
    events.closeAll();
    await ended;
    expect(events.open).toBe(0);
  });
});
