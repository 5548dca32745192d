/**
 * Durability: the mock process on a data dir is killed with SIGKILL 10 times, each at a random (seeded)
 * moment of a bounded create/submit load. After each restart every acknowledged person and submission is
 * there, and every credit note's recorded status changes have exactly their notifications in the outbox (a
 * change and its notifications are one transaction: neither is ever there without the other). At the end
 * every notification reaches the receiver — those pending at the kills included — and none is sent for a
 * change that was not recorded.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';
import type { JsonObject } from '../../src/catalog/openapi.js';
import { specData } from '../../src/sandbox/spec-data.js';
import { generatedDir } from '../support/mock.js';
import { seededRandom } from '../support/seeded-random.js';
import { startCli, type Started } from './cli-process.js';
import { startReceiver, tomorrow, untilProcess } from './support.js';

const KILLS = 10;
const LOOPS = 4;
const dir = mkdtempSync(join(tmpdir(), 'credit-apis-kill9-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec = specData('eccor-fgts', JSON.parse(readFileSync(join(generatedDir, 'eccor-fgts', 'openapi.json'), 'utf8')) as JsonObject);
const personBody = JSON.stringify(spec.requestExample('createNaturalPerson'));
const noteTemplate = spec.requestExample('createCreditNote', 'creditNote') as JsonObject;

async function post(base: string, path: string, body?: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: SAMPLE_BEARER, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const get = async <T>(base: string, path: string): Promise<T> =>
  (await (await fetch(`${base}${path}`, { headers: { authorization: SAMPLE_BEARER } })).json()) as T;

interface Acknowledged {
  persons: Set<string>;
  submitted: Set<string>;
}

/** One load loop: person → account → credit note → submit, again and again, until `stop()`; only answered writes count. */
async function load(base: string, acknowledged: Acknowledged, stopped: () => boolean, onAck: () => void): Promise<void> {
  while (!stopped()) {
    try {
      const person = await post(base, '/eccor-fgts/v1/NaturalPerson', personBody);
      if (person.status !== 200) throw new Error(`create person: ${person.status}`);
      const personId = person.json as string;
      acknowledged.persons.add(personId);
      onAck();
      const read = await get<{ bankAccounts: { id: string }[] }>(base, `/eccor-fgts/v1/NaturalPerson/${personId}`);
      const note = {
        ...noteTemplate,
        personId,
        beneficiaryId: personId,
        bankAccountId: read.bankAccounts[0]?.id,
        amortization: { ...(noteTemplate.amortization as JsonObject), startDate: tomorrow() },
      };
      const created = await post(base, '/eccor-fgts/v1/CreditNote', JSON.stringify(note));
      if (created.status !== 200) throw new Error(`create note: ${created.status}`);
      const submitted = await post(base, `/eccor-fgts/v1/CreditNote/${created.json as string}/SubmitApproval`);
      if (submitted.status !== 200) throw new Error(`submit: ${submitted.status}`);
      acknowledged.submitted.add(created.json as string);
      onAck();
    } catch (error) {
      // The process was killed under this request: it was never acknowledged.
      if (stopped()) return;
      throw error;
    }
  }
}

interface NoteView {
  id: string;
  status: number;
  history: { from: number | null; webhook: string | null }[];
}

/** Every acknowledged write is there; every note's changes and its outbox rows match one to one. */
async function verify(running: Started, acknowledged: Acknowledged): Promise<NoteView[]> {
  const persons = await get<{ data: { id: string }[] }>(running.url, '/eccor-fgts/v1/NaturalPerson?__size=1000');
  const stored = new Set(persons.data.map((person) => person.id));
  expect([...acknowledged.persons].filter((id) => !stored.has(id))).toEqual([]);
  const { creditNotes } = await get<{ creditNotes: NoteView[] }>(running.url, '/_sandbox/eccor-fgts/credit-notes');
  const byId = new Map(creditNotes.map((note) => [note.id, note]));
  expect([...acknowledged.submitted].filter((id) => byId.get(id)?.status !== 2)).toEqual([]);
  const { deliveries } = await get<{ deliveries: { subject: string; webhook: string }[] }>(
    running.url,
    '/_sandbox/deliveries?limit=100000',
  );
  for (const note of creditNotes) {
    const changes = note.history.filter((change) => change.from !== null).map((change) => change.webhook);
    expect(
      deliveries.filter((delivery) => delivery.subject === note.id).map((delivery) => delivery.webhook),
      note.id,
    ).toEqual(changes);
  }
  return creditNotes;
}

describe('kill -9 under load on a data dir', () => {
  it(`loses no acknowledged write and leaves no half-made change across ${KILLS} kills`, async () => {
    const hook = await startReceiver();
    const folder = join(dir, 'data');
    const random = seededRandom(13);
    const acknowledged: Acknowledged = { persons: new Set(), submitted: new Set() };
    const start = () => startCli('--sandbox', '--data-dir', folder, '--webhook-url', hook.url, '--webhook-timeout', '2000');
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        const running = await start();
        if (kill > 0) await verify(running, acknowledged);
        // The kill comes after a random number of acknowledged writes: a moment of the load, not of a clock.
        const killAfter = 3 + Math.floor(random() * 25);
        let acks = 0;
        let stopped = false;
        let loops: Promise<void>[] = [];
        const killed = new Promise<void>((resolve) => {
          const onAck = (): void => {
            if (++acks !== killAfter) return;
            stopped = true;
            running.child.kill('SIGKILL');
            resolve();
          };
          loops = Array.from({ length: LOOPS }, () => load(running.url, acknowledged, () => stopped, onAck));
        });
        await killed;
        await Promise.all(loops);
        expect(await running.exited).toBeNull();
      }
      const last = await start();
      try {
        const notes = await verify(last, acknowledged);
        expect(acknowledged.submitted.size).toBeGreaterThan(KILLS);
        // Everything recorded reaches the receiver, pending deliveries of the killed runs included.
        const expected = new Set(
          notes.flatMap((note) => note.history.filter((change) => change.from !== null).map((_, i) => `${note.id} ${i}`)),
        );
        let undelivered: number[] = [];
        await untilProcess(
          last.url,
          async () => {
            const { endpoints } = await get<{ endpoints: { undelivered: number }[] }>(last.url, '/_sandbox/deliveries?limit=1');
            undelivered = endpoints.map((endpoint) => endpoint.undelivered);
            return undelivered.every((count) => count === 0);
          },
          { timeoutMs: 20_000, what: 'every delivery delivered', seen: () => `undelivered per URL: ${undelivered.join(', ')}` },
        );
        const received = new Set(
          hook.received.map(
            (request) =>
              `${(request.body as { id: string }).id} ${(request.body as { parameters: { newStatus: number } }).parameters.newStatus}`,
          ),
        );
        const recorded = new Set(
          notes.flatMap((note) =>
            note.history.filter((change) => change.from !== null).map((change) => `${note.id} ${(change as unknown as { to: number }).to}`),
          ),
        );
        expect(recorded.size).toBe(expected.size);
        expect([...recorded].filter((entry) => !received.has(entry))).toEqual([]);
        expect([...received].filter((entry) => !recorded.has(entry))).toEqual([]);
      } finally {
        last.child.kill('SIGTERM');
        await last.exited;
      }
    } finally {
      await hook.close();
    }
  }, 300_000);
});
