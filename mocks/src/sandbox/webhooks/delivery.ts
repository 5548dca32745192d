/**
 * Webhook delivery from the outbox (outbox.ts): each pending row is a JSON `POST` to its URL, with a timeout,
 * retried with exponential backoff, every attempt recorded (time, status or error, duration) with the next
 * try, so that a partner sees what their endpoint received (`GET /_sandbox/deliveries`).
 *
 * Policy (defaults; `--webhook-timeout`, `--webhook-attempts`):
 *   - success is any 2xx; anything else — another status (redirects are not followed), a connection error,
 *     no answer within `timeoutMs` (5 s) — is a failed attempt, retried after `backoffMs · 2^(n−1)` capped at
 *     `maxBackoffMs` (0.5 s, 1 s, 2 s, 4 s, 8 s, 8 s…), minus up to 25 % jitter. Nothing is ever given up or dropped;
 *   - a URL with `maxAttempts` (5) failed attempts in a row is paused: it gets one probe every `maxBackoffMs`
 *     (the oldest due delivery), and its first success resumes it and sends what waits at once;
 *   - order: the notifications of one subject (credit note) reach one URL in the order of the changes — a
 *     delivery is sent only when every earlier one of its subject and URL is delivered;
 *   - each URL has its own slots (`perUrlConcurrency`, 4; `concurrency`, 64, in all) and its own backoff and
 *     pause, so a down or hanging receiver never delays or drops another's notifications.
 *
 * Claims: a process takes due deliveries in a transaction (`FOR UPDATE SKIP LOCKED`, one URL at a time under
 * that URL's row lock) and leases them for `timeoutMs + leaseMarginMs`; the outcome is written only while it
 * holds the lease. A process that dies leaves its leases to expire, and another process (or its own next run:
 * a memory or data-dir store is one process's, so leases of an earlier run are void at once) takes them up.
 * Delivery is at least once; without faults, once.
 * Other processes' new rows are seen by polling (`pollMs`) on a shared database; this process's own rows
 * wake it at their commit (`wake()`).
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Database } from '../storage/database.js';
import { undeliveredCount } from './outbox.js';

export interface DeliveryOptions {
  readonly timeoutMs?: number;
  /** Failed attempts in a row after which a URL is paused. */
  readonly maxAttempts?: number;
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly perUrlConcurrency?: number;
  readonly concurrency?: number;
  /** How often a shared database is looked at for other processes' notifications. */
  readonly pollMs?: number;
  /** Added to the timeout to make a claim's lease. */
  readonly leaseMarginMs?: number;
  /** For tests: the jitter's random source (0 = no jitter). */
  readonly random?: () => number;
  /** For tests: the delivery clock (ms since the epoch). */
  readonly now?: () => number;
  /** An attempt's outcome was committed (the console's live updates). */
  readonly onAttempt?: () => void;
  /** A database error of the background loop (logged; the loop goes on). */
  readonly onError?: (error: Error) => void;
}

export const DELIVERY_DEFAULTS = {
  timeoutMs: 5000,
  maxAttempts: 5,
  backoffMs: 500,
  maxBackoffMs: 8000,
  perUrlConcurrency: 4,
  concurrency: 64,
  pollMs: 500,
  leaseMarginMs: 5000,
} as const;

export type DeliveryPolicy = { -readonly [K in keyof typeof DELIVERY_DEFAULTS]: number };

export interface DeliveryWorker {
  readonly policy: DeliveryPolicy;
  /** This process's name in leases and attempts. */
  readonly owner: string;
  /** New rows were committed: look for work now. */
  wake(): void;
  /** Resolves when no delivery is left undelivered (a paused URL's included). */
  idle(): Promise<void>;
  /** Aborts what is in flight, gives its leases back, stops. */
  close(): Promise<void>;
}

interface Claimed {
  seq: number;
  url: string;
  payload: unknown;
  attempts: number;
}

function reason(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `timed out after ${timeoutMs} ms`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  return (cause ?? (error instanceof Error ? error : undefined))?.message ?? String(error);
}

const DUE = `((d.state IN ('pending', 'retrying') AND d.next_attempt_at <= $1) OR (d.state = 'sending' AND d.lease_until < $1))`;

export function createDeliveryWorker(db: Database, options: DeliveryOptions = {}): DeliveryWorker {
  const policy: DeliveryPolicy = {
    timeoutMs: options.timeoutMs ?? DELIVERY_DEFAULTS.timeoutMs,
    maxAttempts: Math.max(1, options.maxAttempts ?? DELIVERY_DEFAULTS.maxAttempts),
    backoffMs: options.backoffMs ?? DELIVERY_DEFAULTS.backoffMs,
    maxBackoffMs: options.maxBackoffMs ?? DELIVERY_DEFAULTS.maxBackoffMs,
    perUrlConcurrency: Math.max(1, options.perUrlConcurrency ?? DELIVERY_DEFAULTS.perUrlConcurrency),
    concurrency: Math.max(1, options.concurrency ?? DELIVERY_DEFAULTS.concurrency),
    pollMs: options.pollMs ?? DELIVERY_DEFAULTS.pollMs,
    leaseMarginMs: options.leaseMarginMs ?? DELIVERY_DEFAULTS.leaseMarginMs,
  };
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const onError = options.onError ?? ((error: Error) => process.stderr.write(`sandbox: webhook delivery: ${error.message}\n`));
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  const inFlightByUrl = new Map<string, number>();
  const sends = new Set<Promise<void>>();
  const controllers = new Set<AbortController>();
  let inFlight = 0;
  let closed = false;
  let pumping: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let listeners: (() => void)[] = [];
  // A memory or data-dir store is this process's alone: what an earlier run had leased is free now.
  let started: Promise<unknown> = db.exclusive
    ? db.query("UPDATE deliveries SET lease_until = 0 WHERE state = 'sending'")
    : Promise.resolve();

  function notify(): void {
    const waiting = listeners;
    listeners = [];
    for (const listener of waiting) listener();
  }

  function backoff(attempt: number): number {
    return Math.min(policy.backoffMs * 2 ** (attempt - 1), policy.maxBackoffMs) * (1 - 0.25 * random());
  }

  async function claim(url: string, free: number, at: number): Promise<Claimed[]> {
    return db.transaction(async (tx) => {
      await tx.query('INSERT INTO webhook_endpoints (url) VALUES ($1) ON CONFLICT DO NOTHING', [url]);
      const [endpoint] = await tx.query<{ paused_at: number | null; next_probe_at: number | null }>(
        'SELECT paused_at, next_probe_at FROM webhook_endpoints WHERE url = $1 FOR UPDATE',
        [url],
      );
      const paused = endpoint?.paused_at !== null && endpoint?.paused_at !== undefined;
      if (paused && (endpoint?.next_probe_at ?? 0) > at) return [];
      const rows = await tx.query<Claimed>(
        `SELECT d.seq::float8 AS seq, d.url, d.payload, d.attempts FROM deliveries d
          WHERE d.url = $2 AND ${DUE}
            AND NOT EXISTS (SELECT 1 FROM deliveries p WHERE p.url = d.url AND p.subject = d.subject AND p.seq < d.seq AND p.state <> 'delivered')
          ORDER BY d.seq LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [at, url, paused ? 1 : free],
      );
      if (rows.length === 0) return rows;
      if (paused) await tx.query('UPDATE webhook_endpoints SET next_probe_at = $2 WHERE url = $1', [url, at + policy.maxBackoffMs]);
      await tx.query("UPDATE deliveries SET state = 'sending', lease_owner = $2, lease_until = $3 WHERE seq = ANY($1::bigint[])", [
        rows.map((row) => row.seq),
        owner,
        at + policy.timeoutMs + policy.leaseMarginMs,
      ]);
      return rows;
    });
  }

  async function record(
    claimed: Claimed,
    startedAt: number,
    durationMs: number,
    status: number | null,
    error: string | null,
  ): Promise<void> {
    const at = now();
    const number = claimed.attempts + 1;
    await db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO delivery_attempts (delivery, number, started_at, duration_ms, status, error, owner) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING',
        [claimed.seq, number, startedAt, durationMs, status, error, owner],
      );
      if (error === null) {
        const updated = await tx.query(
          "UPDATE deliveries SET state = 'delivered', attempts = $3, last_status = $4, last_error = NULL, next_attempt_at = NULL, settled_at = $5, lease_owner = NULL, lease_until = NULL WHERE seq = $1 AND lease_owner = $2 RETURNING seq",
          [claimed.seq, owner, number, status, at],
        );
        if (updated.length === 0) return;
        const [endpoint] = await tx.query<{ failures: number }>('SELECT failures FROM webhook_endpoints WHERE url = $1 FOR UPDATE', [
          claimed.url,
        ]);
        if ((endpoint?.failures ?? 0) > 0) {
          // The receiver is back: what waited for it goes now, not after its backoff.
          await tx.query(
            'UPDATE webhook_endpoints SET failures = 0, paused_at = NULL, next_probe_at = NULL, last_error = NULL WHERE url = $1',
            [claimed.url],
          );
          await tx.query("UPDATE deliveries SET next_attempt_at = $2 WHERE url = $1 AND state = 'retrying'", [claimed.url, at]);
        }
        return;
      }
      const updated = await tx.query(
        "UPDATE deliveries SET state = 'retrying', attempts = $3, last_status = $4, last_error = $5, next_attempt_at = $6, lease_owner = NULL, lease_until = NULL WHERE seq = $1 AND lease_owner = $2 RETURNING seq",
        [claimed.seq, owner, number, status, error, at + backoff(number)],
      );
      if (updated.length === 0) return;
      await tx.query(
        `UPDATE webhook_endpoints SET failures = failures + 1, last_error = $2,
                paused_at = CASE WHEN paused_at IS NULL AND failures + 1 >= $3 THEN $4 ELSE paused_at END,
                next_probe_at = CASE WHEN paused_at IS NOT NULL OR failures + 1 >= $3 THEN $4 + $5 ELSE next_probe_at END
          WHERE url = $1`,
        [claimed.url, error, policy.maxAttempts, at, policy.maxBackoffMs],
      );
      // A paused URL's deliveries are due at its next probe, not before: the worker sleeps until then.
      await tx.query(
        `UPDATE deliveries d SET next_attempt_at = greatest(d.next_attempt_at, e.next_probe_at)
           FROM webhook_endpoints e
          WHERE e.url = $1 AND e.paused_at IS NOT NULL AND d.url = e.url AND d.state IN ('pending', 'retrying')`,
        [claimed.url],
      );
    });
  }

  async function send(claimed: Claimed): Promise<void> {
    const controller = new AbortController();
    controllers.add(controller);
    let timedOut = false;
    const timeout = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, policy.timeoutMs);
    const startedAt = now();
    const began = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(claimed.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'credit-apis-sandbox' },
        body: JSON.stringify(claimed.payload),
        redirect: 'manual',
        signal: controller.signal,
      });
      status = response.status;
      // The answer's body is not needed: release the connection without reading it.
      await response.body?.cancel().catch(() => {});
      if (status < 200 || status > 299) error = `HTTP ${status}`;
    } catch (caught) {
      error = reason(caught, timedOut, policy.timeoutMs);
    } finally {
      clearTimeout(timeout);
      controllers.delete(controller);
    }
    // An attempt cut short by close() says nothing about the receiver: its lease is given back instead.
    if (closed) return;
    await record(claimed, startedAt, Math.round(performance.now() - began), status, error);
    options.onAttempt?.();
  }

  function launch(claimed: Claimed): void {
    inFlight++;
    inFlightByUrl.set(claimed.url, (inFlightByUrl.get(claimed.url) ?? 0) + 1);
    const done = send(claimed)
      .catch((error: unknown) => onError(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        inFlight--;
        const left = (inFlightByUrl.get(claimed.url) ?? 1) - 1;
        if (left === 0) inFlightByUrl.delete(claimed.url);
        else inFlightByUrl.set(claimed.url, left);
        sends.delete(done);
        notify();
        soon();
      });
    sends.add(done);
  }

  /** Claims and launches what is due; returns how many. */
  async function round(): Promise<number> {
    await started;
    let claimedCount = 0;
    const at = now();
    // URLs with a due delivery: one index probe per URL, not a scan of the backlog.
    const urls = await db.query<{ url: string }>(
      `SELECT e.url FROM webhook_endpoints e WHERE EXISTS (SELECT 1 FROM deliveries d WHERE d.url = e.url AND d.state <> 'delivered' AND ${DUE})`,
      [at],
    );
    for (const { url } of urls) {
      if (closed) return claimedCount;
      const free = Math.min(policy.perUrlConcurrency - (inFlightByUrl.get(url) ?? 0), policy.concurrency - inFlight);
      if (free <= 0) continue;
      for (const claimed of await claim(url, free, at)) {
        launch(claimed);
        claimedCount++;
      }
    }
    return claimedCount;
  }

  /** When to look again: the next due retry, probe or lease end (a shared database: at least every pollMs). */
  async function nextLook(claimedAny: boolean): Promise<number | undefined> {
    // Both minimums are index probes (deliveries_next_try, deliveries_leases). A lease of this process's own
    // ends after its request's timeout: its completion wakes the worker before that.
    const [row] = await db.query<{ due: number | null }>(
      `SELECT least((SELECT min(next_attempt_at) FROM deliveries WHERE state IN ('pending', 'retrying')),
                    (SELECT min(lease_until) FROM deliveries WHERE state = 'sending')) AS due`,
    );
    const due = row?.due ?? null;
    // Due rows that nothing could claim wait behind an earlier one of their subject (or a full URL): a
    // completion wakes the worker for those, so it only looks again now and then.
    const wait = due === null ? undefined : Math.max(claimedAny ? 20 : Math.max(20, policy.backoffMs / 2), due - now());
    if (!db.exclusive) return Math.min(wait ?? policy.pollMs, policy.pollMs);
    return wait === undefined ? undefined : Math.min(wait, 2 ** 31 - 1);
  }

  async function pump(): Promise<void> {
    try {
      let claimedAny = false;
      do {
        again = false;
        if ((await round()) > 0) claimedAny = true;
      } while (again && !closed);
      if (closed) return;
      const wait = await nextLook(claimedAny);
      if (closed || wait === undefined) return;
      clearTimeout(timer);
      timer = setTimeout(wake, wait);
      timer.unref();
    } catch (error) {
      if (!closed) onError(error instanceof Error ? error : new Error(String(error)));
      if (!closed) {
        clearTimeout(timer);
        timer = setTimeout(wake, policy.pollMs);
        timer.unref();
      }
    } finally {
      pumping = undefined;
      notify();
    }
  }

  function wake(): void {
    if (closed) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = pump();
  }

  // Completions come in bursts: one look after a few of them claims their freed slots in one transaction.
  let soonTimer: NodeJS.Timeout | undefined;
  function soon(): void {
    if (soonTimer || closed) return;
    soonTimer = setTimeout(() => {
      soonTimer = undefined;
      wake();
    }, 5);
  }

  wake();

  return {
    policy,
    owner,
    wake,
    async idle() {
      for (;;) {
        if (closed) return;
        // While anything is in flight or being claimed the answer is no: count only when it may be yes.
        if (inFlight === 0 && !pumping && (await undeliveredCount(db)) === 0) return;
        await new Promise<void>((resolve) => {
          listeners.push(resolve);
          // Another process's progress wakes nobody here: look again now and then.
          setTimeout(resolve, policy.pollMs).unref();
        });
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      clearTimeout(soonTimer);
      for (const controller of controllers) controller.abort();
      await Promise.allSettled([...sends, pumping]);
      started = Promise.resolve();
      await db
        .query(
          "UPDATE deliveries SET state = CASE WHEN attempts = 0 THEN 'pending' ELSE 'retrying' END, lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1 AND state = 'sending'",
          [owner],
        )
        .catch(() => {});
      notify();
    },
  };
}
