/**
 * `GET /_sandbox/events`: a `change` event after each committed change or delivery attempt (and none for a
 * read: the console's own reads would loop), carrying no data; at most `maxStreams` open streams (the next
 * gets a 503), each removed when its client goes, and every one ended when the server closes.
 */
import { openEventStream, type EventStream } from '@credit-apis/test-kit/event-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../support/mock.js';
import { call, control, createPerson, sandboxOf, startSandboxWithReceiver, untilSandbox } from '../sandbox/support.js';

const openStream = (running: RunningMock): Promise<EventStream> => openEventStream(`${running.url}/_sandbox/events`);

const changes = (text: string): number => text.split('event: change\n').length - 1;
const heartbeats = (text: string): number => text.split(': heartbeat').length - 1;

let running: RunningMock;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ running, close } = await startSandboxWithReceiver({ events: { maxStreams: 2, coalesceMs: 5, heartbeatMs: 50 } }));
});
afterAll(() => close());

describe('the console event stream', () => {
  it('sends a change after a committed write, none after a read', async () => {
    const stream = await openStream(running);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
      await stream.waitFor((text) => text.includes('event: ready'), { what: 'the ready event' });
      const person = await createPerson(running);
      await stream.waitFor((text) => changes(text) >= 1, { what: 'a change event' });
      expect(stream.text()).toContain('event: change\ndata: {}\n\n');
      // Reads only (the person, the overview): heartbeats come, changes do not.
      const seen = changes(stream.text());
      const beats = heartbeats(stream.text());
      // The hub is told of a commit before its answer is sent: none may come while the reads are answered.
      let told = 0;
      const unsubscribe = sandboxOf(running).events.subscribe(() => told++);
      await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${person.id}`);
      await control(running, 'GET', '/overview?tenant=x');
      unsubscribe();
      expect(told).toBe(0);
      // And on the wire: two heartbeats later (a change is coalesced over 5 ms, a beat comes every 50 ms), still none.
      await stream.waitFor((text) => heartbeats(text) >= beats + 2, { what: 'two heartbeats' });
      expect(changes(stream.text())).toBe(seen);
    } finally {
      stream.close();
    }
  });

  it('keeps at most maxStreams open, frees a slot when a client goes, and ends them all on close', async () => {
    const events = sandboxOf(running).events;
    const open = (n: number, what: string) => untilSandbox(running, () => events.open === n, { what, seen: () => `${events.open} open` });
    await open(0, "the first test's stream removed");
    const first = await openStream(running);
    const second = await openStream(running);
    const third = await openStream(running);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 503]);
    third.close();
    first.close();
    await open(1, 'the closed stream removed');
    const again = await openStream(running);
    expect(again.status).toBe(200);
    const ended = Promise.all([second.ended, again.ended]);
    events.closeAll();
    await ended;
    expect(events.open).toBe(0);
  });
});
