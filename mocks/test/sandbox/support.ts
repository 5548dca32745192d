/**
 * The sandbox under test: the real mock server in process on 127.0.0.1 with `--sandbox` (state in memory
 * unless a test names a data dir or a database), fast delivery timings (so retries take milliseconds),
 * request bodies taken from the specs' examples, a local webhook receiver, the outbox alone (`startOutbox`),
 * and the repository's schema validator for "every answer matches the spec".
 * Waits are on events, never polls: a receiver's arrivals (`waitFor`), the sandbox's commits and delivery
 * attempts (`untilSandbox`), the outbox's attempts (`Outbox.until`), the delivery worker going idle
 * (`settled`), another process's console event stream (`untilProcess`).
 */
import type { IncomingMessage } from 'node:http';
import { openEventStream } from '@credit-apis/test-kit/event-stream';
import { describeRequests, startServer } from '@credit-apis/test-kit/http-server';
import { createSignal, within, type Check, type WaitOptions } from '@credit-apis/test-kit/wait';
import { createDocumentValidator, describeError } from '@credit-apis/contract-core/validator';
import type { Json, JsonObject } from '../../src/catalog/openapi.js';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';
import { sandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import type { Database } from '../../src/sandbox/storage/database.js';
import { openStorage, type StorageOptions } from '../../src/sandbox/storage/open.js';
import { createDeliveryWorker, type DeliveryOptions, type DeliveryWorker } from '../../src/sandbox/webhooks/delivery.js';
import { enqueue, listDeliveries, listEndpoints, type DeliveryRecord, type EndpointHealth } from '../../src/sandbox/webhooks/outbox.js';
import { specData } from '../../src/sandbox/spec-data.js';
import type { MockOptions } from '../../src/server.js';
import { startMock, type RunningMock } from '../support/mock.js';
import { send, type Sent } from '../support/requests.js';

export { SAMPLE_BEARER };

/** Delivery timings for tests: 20 ms backoff, short leases and polls, no jitter (a 5 s timeout: the suite shares 2 cores). */
export const FAST_DELIVERY = {
  backoffMs: 20,
  maxBackoffMs: 100,
  timeoutMs: 5000,
  leaseMarginMs: 500,
  pollMs: 50,
  random: () => 0,
} as const;

export async function startSandbox(options: SandboxOptions = {}, overrides: Partial<MockOptions> = {}): Promise<RunningMock> {
  return startMock({ ...overrides, sandbox: sandbox({ ...options, delivery: { ...FAST_DELIVERY, ...options.delivery } }) });
}

export interface Outbox {
  readonly db: Database;
  readonly worker: DeliveryWorker;
  /** Records one notification about `subject` for each URL (one transaction), and wakes the worker. */
  enqueue(urls: readonly string[], subject: string, payload: unknown, webhook?: string): Promise<string[]>;
  list(subject?: string): Promise<DeliveryRecord[]>;
  endpoints(): Promise<EndpointHealth[]>;
  /** Resolves once `check` holds: checked now and after each attempt's outcome is committed. */
  until(check: Check, options?: WaitOptions): Promise<void>;
  close(): Promise<void>;
}

/** The outbox and its delivery worker alone, on a database of their own (memory unless told). */
export async function startOutbox(delivery: DeliveryOptions = {}, storage: StorageOptions = {}): Promise<Outbox> {
  const db = await openStorage(storage);
  const attempts = createSignal();
  const worker = createDeliveryWorker(db, {
    ...FAST_DELIVERY,
    ...delivery,
    onAttempt() {
      delivery.onAttempt?.();
      attempts.notify();
    },
  });
  return {
    db,
    worker,
    until: (check, options) => attempts.until(check, options),
    async enqueue(urls, subject, payload, webhook = 'liquidation') {
      const ids = await db.transaction((tx) =>
        enqueue(tx, urls, { tenant: 'test', provider: 'eccor-fgts', webhook, subject, payload }, Date.now()),
      );
      worker.wake();
      return ids;
    },
    list: (subject) => listDeliveries(db, { subject, tenant: null, limit: 10_000 }),
    endpoints: () => listEndpoints(db),
    async close() {
      await worker.close();
      await db.close();
    },
  };
}

/** Calls the provider API (`/eccor-fgts…`, `/nossa-fintech-inss…`) with a bearer and, for a body, JSON. */
export function call(
  running: RunningMock,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Sent> {
  return send(`${running.url}${path}`, {
    method,
    headers: { authorization: SAMPLE_BEARER, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Calls a control route (`/_sandbox/…`): no credential (the operator) unless `headers` carry one. */
export function control(
  running: RunningMock,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Sent> {
  return send(`${running.url}/_sandbox${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** A request example of an operation, as a fresh copy. */
export function requestExample(running: RunningMock, slug: string, operationId: string, name?: string): JsonObject {
  const provider = running.provider(slug);
  return copy(specData(slug, provider.doc).requestExample(operationId, name)) as JsonObject;
}

export function responseExample(running: RunningMock, slug: string, operationId: string, status: string, name?: string): Json {
  return copy(specData(slug, running.provider(slug).doc).responseExample(operationId, status, name));
}

/** Tomorrow, as the midnight of Brasília (03:00Z), like the document's start dates. */
export function tomorrow(): string {
  const day = new Date(Date.now() - 3 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
  return `${day}T03:00:00.000Z`;
}

export function yesterday(): string {
  const day = new Date(Date.now() - 3 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
  return `${day}T03:00:00.000Z`;
}

/** `check('NaturalPerson', value)`: `null` when valid, else the violations. */
export function schemaChecker(running: RunningMock, slug: string): (schema: string, value: unknown) => string[] | null {
  const validator = createDocumentValidator(running.provider(slug).doc);
  return (schema, value) => {
    const errors = validator.check(`#/components/schemas/${schema}`, value);
    return errors.length === 0 ? null : errors.map(describeError);
  };
}

export interface CreatedPerson {
  id: string;
  record: Record<string, unknown> & { bankAccounts: Record<string, unknown>[] };
}

/** Creates a person (the spec's example, with `change` applied) and reads it back. */
export async function createPerson(running: RunningMock, change: (body: JsonObject) => void = () => {}): Promise<CreatedPerson> {
  const body = requestExample(running, 'eccor-fgts', 'createNaturalPerson');
  change(body);
  const created = await call(running, 'POST', '/eccor-fgts/v1/NaturalPerson', body);
  if (created.status !== 200 || typeof created.json !== 'string') throw new Error(`create person: ${created.status} ${created.text}`);
  const read = await call(running, 'GET', `/eccor-fgts/v1/NaturalPerson/${created.json}`);
  return { id: created.json, record: read.json as CreatedPerson['record'] };
}

/** What creating an INSS operation answers: the keys to track it by, and its contract number. */
export interface CreatedInssOperation {
  debt_key: string;
  credit_operation_key: string;
  num_contrato: string;
}

/** Creates an INSS operation from the spec's request example, as the sample bearer unless `headers` say otherwise. */
export async function createInssOperation(running: RunningMock, headers: Record<string, string> = {}): Promise<CreatedInssOperation> {
  const body = requestExample(running, 'nossa-fintech-inss', 'createOperation');
  return (await call(running, 'POST', '/nossa-fintech-inss/inss/v1/operation', body, headers)).json as CreatedInssOperation;
}

/** A credit-note body (the spec's example) for this person and account, starting tomorrow. */
export function creditNoteBody(running: RunningMock, personId: string, bankAccountId: string): JsonObject {
  const body = requestExample(running, 'eccor-fgts', 'createCreditNote', 'creditNote');
  body.personId = personId;
  body.beneficiaryId = personId;
  body.bankAccountId = bankAccountId;
  (body.amortization as JsonObject).startDate = tomorrow();
  return body;
}

export async function createCreditNote(running: RunningMock): Promise<{ person: CreatedPerson; noteId: string }> {
  const person = await createPerson(running);
  const account = person.record.bankAccounts[0] as { id: string };
  const created = await call(running, 'POST', '/eccor-fgts/v1/CreditNote', creditNoteBody(running, person.id, account.id));
  if (created.status !== 200 || typeof created.json !== 'string') throw new Error(`create credit note: ${created.status} ${created.text}`);
  return { person, noteId: created.json };
}

export function sandboxOf(running: RunningMock): Sandbox {
  const started = running.mock.sandbox;
  if (!started) throw new Error('this mock runs without --sandbox');
  return started;
}

/**
 * Resolves once `check` holds: checked now and after each commit of the sandbox (a request's, a control
 * route's, a delivery attempt's outcome) and each console event stream opened or closed.
 */
export async function untilSandbox(running: RunningMock, check: Check, options?: WaitOptions): Promise<void> {
  const changes = createSignal();
  const unsubscribe = sandboxOf(running).events.subscribe(() => changes.notify());
  try {
    await changes.until(check, options);
  } finally {
    unsubscribe();
  }
}

/**
 * The same for a sandbox in another process (`baseUrl`): re-checked at each chunk of its console event
 * stream, which tells of each of its commits and delivery attempts (coalesced, always after the commit).
 */
export async function untilProcess(baseUrl: string, check: Check, options?: WaitOptions): Promise<void> {
  const stream = await openEventStream(`${baseUrl}/_sandbox/events`);
  if (stream.status !== 200) throw new Error(`${baseUrl}/_sandbox/events answered ${stream.status}`);
  const changes = createSignal();
  stream.onData(() => changes.notify());
  try {
    await changes.until(check, options);
  } finally {
    stream.close();
  }
}

/** Resolves when the sandbox's delivery worker has nothing left undelivered and nothing in flight (every outcome recorded). */
export function settled(running: RunningMock, options: WaitOptions = {}): Promise<void> {
  return within(sandboxOf(running).deliveries().idle(), { what: 'every delivery delivered and recorded', ...options });
}

export interface Received {
  readonly body: unknown;
  readonly text: string;
  readonly headers: IncomingMessage['headers'];
  readonly at: number;
}

export interface Receiver {
  readonly url: string;
  /** Every request received, in order, with the status it was answered (or `hung`). */
  readonly received: Received[];
  /**
   * Resolves once `count` requests have arrived (or `condition(received)` holds), checked at each arrival;
   * rejects after `timeoutMs` (5 s) naming `what` and what came.
   */
  waitFor(condition: number | ((received: readonly Received[]) => boolean), options?: WaitOptions): Promise<void>;
  close(): Promise<void>;
}

/**
 * A webhook receiver on 127.0.0.1 (the test kit's recording server). `answer(n)` (n = 1 for the first
 * request) gives the status to answer, or `'hang'` to never answer; 204 by default.
 */
export async function startReceiver(answer: (n: number, body: unknown) => number | 'hang' = () => 204): Promise<Receiver> {
  const received: Received[] = [];
  const server = await startServer((request, response) => {
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      body = undefined;
    }
    received.push({ body, text: request.body, headers: request.headers, at: request.at });
    const status = answer(received.length, body);
    if (status !== 'hang') response.writeHead(status).end();
  });
  return {
    url: `${server.url}/hook`,
    received,
    waitFor: (condition, options = {}) =>
      server.waitFor(typeof condition === 'number' ? condition : () => condition(received), {
        seen: () =>
          `${describeRequests(server.requests)}${received.length === 0 ? '' : `; the last body ${received.at(-1)?.text.slice(0, 240)}`}`,
        ...options,
      }),
    close: () => server.close(),
  };
}

/** A sandbox whose webhooks all go to one receiver, and how to close both (the sandbox first: it may be delivering). */
export interface SandboxWithReceiver {
  running: RunningMock;
  hook: Receiver;
  close(): Promise<void>;
}

/** Starts a receiver, then a sandbox whose webhook URL is the receiver's. */
export async function startSandboxWithReceiver(options: Omit<SandboxOptions, 'webhookUrls'> = {}): Promise<SandboxWithReceiver> {
  const hook = await startReceiver();
  const running = await startSandbox({ ...options, webhookUrls: [new URL(hook.url)] });
  return {
    running,
    hook,
    close: async () => {
      await running.close();
      await hook.close();
    },
  };
}
