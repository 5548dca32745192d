/**
 * `--database-url`: several mock processes on one PostgreSQL are one sandbox. A record created on one is
 * read on the other; each notification is claimed by one process at a time (`FOR UPDATE SKIP LOCKED`,
 * leased) and reaches the receiver once; a process killed mid-delivery leaves its lease to expire and the
 * other process delivers what it had claimed. Runs against a throwaway cluster (postgres-cluster.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../support/mock.js';
import { startCli, type Started } from './cli-process.js';
import { postgresMissing, startCluster, type Cluster } from './postgres-cluster.js';
import { DELIVERY_DEFAULTS } from '../../src/sandbox/webhooks/delivery.js';
import {
  call,
  control,
  creditNoteBody,
  requestExample,
  sandboxOf,
  settled,
  startReceiver,
  startSandbox,
  type Receiver,
} from './support.js';

const missing = postgresMissing();
if (missing) process.stderr.write(`\n*** SKIPPED the PostgreSQL tests: ${missing} ***\n\n`);

let cluster: Cluster;
const cleanups: (() => unknown)[] = [];
beforeAll(async () => {
  if (!missing) cluster = await startCluster();
}, 90_000);
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  cluster?.stop();
});

/** A `RunningMock`-shaped handle on a child process, for `call()` (which only needs its URL). */
const remote = (started: Started, like: RunningMock): RunningMock => ({ ...like, url: started.url });

async function createAndSubmit(on: RunningMock, examples: RunningMock): Promise<string> {
  const personId = (await call(on, 'POST', '/eccor-fgts/v1/NaturalPerson', requestExample(examples, 'eccor-fgts', 'createNaturalPerson')))
    .json as string;
  const person = (await call(on, 'GET', `/eccor-fgts/v1/NaturalPerson/${personId}`)).json as { bankAccounts: { id: string }[] };
  const noteId = (
    await call(on, 'POST', '/eccor-fgts/v1/CreditNote', creditNoteBody(examples, personId, (person.bankAccounts[0] as { id: string }).id))
  ).json as string;
  expect((await call(on, 'POST', `/eccor-fgts/v1/CreditNote/${noteId}/SubmitApproval`)).status).toBe(200);
  return noteId;
}

async function receiver(answer?: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const started = await startReceiver(answer);
  cleanups.push(() => started.close());
  return started;
}

describe.skipIf(missing !== undefined)('two processes on one PostgreSQL', () => {
  it('read each other’s records, and deliver each notification once', async () => {
    const url = await cluster.database('shared_once');
    const hook = await receiver();
    const child = await startCli('--sandbox', '--database-url', url, '--webhook-url', hook.url);
    cleanups.push(() => child.child.kill('SIGKILL'));
    const local = await startSandbox({ databaseUrl: url, webhookUrls: [new URL(hook.url)] });
    cleanups.push(() => local.close());
    const other = remote(child, local);
    expect(child.output()).toContain('with database postgres://postgres@127.0.0.1:');

    const personId = (await call(other, 'POST', '/eccor-fgts/v1/NaturalPerson', requestExample(local, 'eccor-fgts', 'createNaturalPerson')))
      .json as string;
    expect((await call(local, 'GET', `/eccor-fgts/v1/NaturalPerson/${personId}`)).status).toBe(200);

    const notes = await Promise.all(Array.from({ length: 8 }, (_, i) => createAndSubmit(i % 2 === 0 ? other : local, local)));
    await hook.waitFor(notes.length * 3, { timeoutMs: 20_000, what: 'every notification' });
    await settled(local);
    const seen = hook.received.map(
      (request) => `${(request.body as { id: string }).id} ${(request.body as { parameters: { newStatus: number } }).parameters.newStatus}`,
    );
    expect(seen).toHaveLength(notes.length * 3);
    expect(new Set(seen).size).toBe(notes.length * 3);
    // In order per note, whichever process sent them.
    for (const note of notes)
      expect(seen.filter((entry) => entry.startsWith(note)).map((entry) => entry.split(' ')[1])).toEqual(['1', '8', '2']);
    // Both processes' attempts are in the one outbox.
    const listed = (await control(other, 'GET', '/deliveries')).json as { deliveries: { state: string }[] };
    expect(listed.deliveries.filter((delivery) => delivery.state === 'delivered')).toHaveLength(notes.length * 3);
  }, 60_000);

  it('takes over the deliveries of a process killed mid-delivery when its lease ends', async () => {
    const url = await cluster.database('shared_takeover');
    let hang = true;
    const hook = await receiver(() => (hang ? 'hang' : 204));
    const child = await startCli('--sandbox', '--database-url', url, '--webhook-url', hook.url, '--webhook-timeout', '1500');
    // The taker's clock: a lease ends when this process's clock says so, so the test moves it instead of waiting 6.5 s.
    let ahead = 0;
    const local = await startSandbox({
      databaseUrl: url,
      webhookUrls: [new URL(hook.url)],
      clock: () => Date.now() + ahead,
      delivery: { pollMs: 100 },
    });
    cleanups.push(() => local.close());
    const noteId = await createAndSubmit(remote(child, local), local);

    // The child has claimed the first notification and is waiting for the receiver: kill it there.
    await hook.waitFor(1, { timeoutMs: 10_000, what: 'the child’s first attempt' });
    child.child.kill('SIGKILL');
    await child.exited;
    hang = false;
    const claimed = (await control(local, 'GET', `/deliveries?subject=${noteId}`)).json as { deliveries: { state: string }[] };
    expect(claimed.deliveries.map((delivery) => delivery.state)).toEqual(['sending', 'pending', 'pending']);

    // The child leased it for its timeout and the lease margin (1.5 s + 5 s): past that on the taker's clock, it is free.
    ahead = 1500 + DELIVERY_DEFAULTS.leaseMarginMs;
    sandboxOf(local).deliveries().wake();
    await hook.waitFor(4, { timeoutMs: 20_000, what: 'the other process finishing the deliveries' });
    expect(hook.received.map((request) => (request.body as { parameters: { newStatus: number } }).parameters.newStatus)).toEqual([
      1, 1, 8, 2,
    ]);
    // The receiver has the last request; its outcome is recorded right after.
    await settled(local);
    const after = (await control(local, 'GET', `/deliveries?subject=${noteId}`)).json as {
      deliveries: { state: string; attempts: unknown[] }[];
    };
    expect(after.deliveries.map((delivery) => [delivery.state, delivery.attempts.length])).toEqual([
      ['delivered', 1],
      ['delivered', 1],
      ['delivered', 1],
    ]);
  }, 60_000);
});
