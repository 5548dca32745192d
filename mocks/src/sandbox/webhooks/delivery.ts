/**
 * Webhook delivery: each notification is a JSON `POST` to every registered URL, with a timeout, retried
 * with exponential backoff a bounded number of times, and logged so that a partner can see what their
 * endpoint received (`GET /_sandbox/deliveries`).
 *
 * Policy (defaults; `--webhook-timeout`, `--webhook-attempts`):
 *   - success is any 2xx; anything else — another status (redirects are not followed), a connection error,
 *     no answer within `timeoutMs` (5 s) — is a failed attempt;
 *   - a failed attempt is retried up to `maxAttempts` attempts in all (5), after `backoffMs · 2^(n−1)` capped at
 *     `maxBackoffMs` (0.5 s, 1 s, 2 s, 4 s; cap 8 s), minus up to 25 % jitter; then the delivery is `failed`;
 *   - order: the notifications of one credit note reach one URL in the order of the changes — a delivery waits
 *     for the previous one of the same note and URL to be delivered or to give up; different notes and URLs
 *     do not wait for each other;
 *   - bounds: at most `concurrency` (8) requests in flight; at most `maxPending` (1,000) deliveries not yet
 *     settled (more are logged as `dropped`, never sent); the log keeps the last `maxLog` (1,000) deliveries,
 *     evicting settled ones first. The answer's body is never read.
 * Nothing here waits on a receiver: a receiver that hangs costs one timer, never the server.
 */

export interface DeliveryOptions {
  readonly urls: readonly URL[];
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly concurrency?: number;
  readonly maxPending?: number;
  readonly maxLog?: number;
  /** For tests: the jitter's random source (0 = no jitter). */
  readonly random?: () => number;
}

export const DELIVERY_DEFAULTS = {
  timeoutMs: 5000,
  maxAttempts: 5,
  backoffMs: 500,
  maxBackoffMs: 8000,
  concurrency: 8,
  maxPending: 1000,
  maxLog: 1000,
} as const;

export interface Attempt {
  /** 1 for the first attempt. */
  number: number;
  startedAt: string;
  durationMs: number;
  /** The receiver's HTTP status, `null` when there was no answer. */
  status: number | null;
  /** Why the attempt failed (`HTTP 500`, `timed out after 5000 ms`, `connect ECONNREFUSED …`), `null` on success. */
  error: string | null;
}

export type DeliveryState = 'pending' | 'sending' | 'retrying' | 'delivered' | 'failed' | 'dropped';

export interface DeliveryRecord {
  id: string;
  provider: string;
  /** The webhook's name in the spec (`complianceApproval`). */
  webhook: string;
  /** What the notification is about (the credit note's id). */
  subject: string;
  url: string;
  payload: unknown;
  createdAt: string;
  state: DeliveryState;
  attempts: Attempt[];
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  settledAt: string | null;
}

export interface Deliveries {
  readonly urls: readonly string[];
  readonly policy: Required<Omit<DeliveryOptions, 'urls' | 'random'>>;
  /** Queues one delivery per registered URL; returns their ids (none without URLs). */
  enqueue(provider: string, webhook: string, subject: string, payload: unknown): string[];
  /** Every logged delivery, oldest first; only those about `subject` when given. */
  list(subject?: string): readonly DeliveryRecord[];
  /** Resolves when no delivery is waiting or in flight. */
  idle(): Promise<void>;
  /** Aborts what is in flight and cancels pending retries. */
  close(): void;
}

const SETTLED: ReadonlySet<DeliveryState> = new Set(['delivered', 'failed', 'dropped']);

function reason(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `timed out after ${timeoutMs} ms`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  return (cause ?? (error instanceof Error ? error : undefined))?.message ?? String(error);
}

export function createDeliveries(options: DeliveryOptions): Deliveries {
  const policy = {
    timeoutMs: options.timeoutMs ?? DELIVERY_DEFAULTS.timeoutMs,
    maxAttempts: Math.max(1, options.maxAttempts ?? DELIVERY_DEFAULTS.maxAttempts),
    backoffMs: options.backoffMs ?? DELIVERY_DEFAULTS.backoffMs,
    maxBackoffMs: options.maxBackoffMs ?? DELIVERY_DEFAULTS.maxBackoffMs,
    concurrency: Math.max(1, options.concurrency ?? DELIVERY_DEFAULTS.concurrency),
    maxPending: options.maxPending ?? DELIVERY_DEFAULTS.maxPending,
    maxLog: options.maxLog ?? DELIVERY_DEFAULTS.maxLog,
  };
  const random = options.random ?? Math.random;
  const urls = options.urls.map((url) => url.href);

  const log: DeliveryRecord[] = [];
  /** Per URL and subject: the deliveries waiting, the head being sent or retried. */
  const queues = new Map<string, DeliveryRecord[]>();
  /** Queues whose head may be sent as soon as a slot frees. */
  const ready: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const controllers = new Set<AbortController>();
  let inFlight = 0;
  let unsettled = 0;
  let sequence = 0;
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  function settle(record: DeliveryRecord, state: DeliveryState): void {
    record.state = state;
    record.settledAt = new Date().toISOString();
    record.nextAttemptAt = null;
    unsettled--;
    if (unsettled === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  function remember(record: DeliveryRecord): void {
    log.push(record);
    if (log.length <= policy.maxLog) return;
    const evict = log.findIndex((entry) => SETTLED.has(entry.state));
    log.splice(evict === -1 ? 0 : evict, 1);
  }

  function start(key: string): void {
    if (closed) return;
    const head = queues.get(key)?.[0];
    if (!head) return;
    if (inFlight >= policy.concurrency) {
      ready.push(key);
      return;
    }
    void attempt(key, head);
  }

  function finish(key: string): void {
    const queue = queues.get(key);
    queue?.shift();
    if (queue && queue.length > 0) start(key);
    else queues.delete(key);
  }

  async function attempt(key: string, record: DeliveryRecord): Promise<void> {
    inFlight++;
    record.state = 'sending';
    record.nextAttemptAt = null;
    const controller = new AbortController();
    controllers.add(controller);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, policy.timeoutMs);
    const startedAt = new Date();
    const began = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(record.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'credit-apis-sandbox' },
        body: JSON.stringify(record.payload),
        redirect: 'manual',
        signal: controller.signal,
      });
      status = response.status;
      // The answer's body is not needed: release the connection without reading it.
      await response.body?.cancel().catch(() => {});
      if (status < 200 || status > 299) error = `HTTP ${status}`;
    } catch (caught) {
      error = closed ? 'the sandbox closed' : reason(caught, timedOut, policy.timeoutMs);
    } finally {
      clearTimeout(timer);
      controllers.delete(controller);
      inFlight--;
    }
    record.attempts.push({ number: record.attempts.length + 1, startedAt: startedAt.toISOString(), durationMs: Math.round(performance.now() - began), status, error });
    record.lastStatus = status;
    record.lastError = error;
    if (error === null) {
      settle(record, 'delivered');
      finish(key);
    } else if (record.attempts.length >= policy.maxAttempts || closed) {
      settle(record, 'failed');
      finish(key);
    } else {
      const delay = Math.min(policy.backoffMs * 2 ** (record.attempts.length - 1), policy.maxBackoffMs) * (1 - 0.25 * random());
      record.state = 'retrying';
      record.nextAttemptAt = new Date(Date.now() + delay).toISOString();
      const retry = setTimeout(() => {
        timers.delete(retry);
        start(key);
      }, delay);
      retry.unref();
      timers.add(retry);
    }
    // A slot is free: the next queue waiting for one goes.
    while (!closed && inFlight < policy.concurrency && ready.length > 0) start(ready.shift() as string);
  }

  return {
    urls,
    policy,
    enqueue(provider, webhook, subject, payload) {
      return urls.map((url) => {
        const record: DeliveryRecord = {
          id: `dlv_${String(++sequence).padStart(6, '0')}`,
          provider,
          webhook,
          subject,
          url,
          payload,
          createdAt: new Date().toISOString(),
          state: 'pending',
          attempts: [],
          lastStatus: null,
          lastError: null,
          nextAttemptAt: null,
          settledAt: null,
        };
        unsettled++;
        if (closed || unsettled > policy.maxPending) {
          record.lastError = closed ? 'the sandbox closed' : `more than ${policy.maxPending} deliveries pending: dropped`;
          settle(record, 'dropped');
          remember(record);
          return record.id;
        }
        remember(record);
        const key = `${url} ${subject}`;
        const queue = queues.get(key);
        if (queue) queue.push(record);
        else {
          queues.set(key, [record]);
          start(key);
        }
        return record.id;
      });
    },
    list: (subject) => (subject === undefined ? log : log.filter((record) => record.subject === subject)),
    idle: () => (unsettled === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const controller of controllers) controller.abort();
      for (const queue of queues.values()) for (const record of queue) {
          if (SETTLED.has(record.state) || record.state === 'sending') continue;
          record.lastError = 'the sandbox closed';
          settle(record, 'failed');
        }
      queues.clear();
      ready.length = 0;
    },
  };
}
