/**
 * The webhook outbox: a notification is a row of `deliveries` per URL, written in the same transaction as
 * the status change it notifies, so no notification is sent for a change that was not committed and none is
 * lost with the process (delivery.ts sends them from the database). Bounded by disk, not memory: nothing is
 * ever dropped. Also the reads of `GET /_sandbox/deliveries`, a tenant's own URL list and redelivery.
 */
import { jsonText, type Sql } from '../storage/database.js';

/** `held`: its tenant paused the URL by hand (holds.ts); `paused`: the URL failed too often (delivery.ts). */
export type DeliveryState = 'pending' | 'sending' | 'retrying' | 'paused' | 'held' | 'delivered';

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
  /** `paused`: not delivered yet and its URL is paused (see `endpoints`). */
  state: DeliveryState;
  attempts: Attempt[];
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  settledAt: string | null;
  /** The delivery this one sends again (`POST /_sandbox/deliveries/{id}/redeliver`). */
  redeliveryOf: string | null;
}

export interface EndpointHealth {
  url: string;
  paused: boolean;
  pausedAt: string | null;
  /** Consecutive failed attempts. */
  failures: number;
  nextProbeAt: string | null;
  lastError: string | null;
  undelivered: number;
}

export function deliveryId(seq: number): string {
  return `dlv_${String(seq).padStart(6, '0')}`;
}

export function deliverySeq(id: string): number | undefined {
  const match = /^dlv_(\d{1,15})$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Every URL a tenant's notifications go to: the sandbox's (`--webhook-url`) first, then the tenant's own. */
export async function urlsFor(tx: Sql, tenant: string, global: readonly string[]): Promise<string[]> {
  const rows = await tx.query<{ url: string }>('SELECT url FROM tenant_webhooks WHERE tenant = $1 ORDER BY position', [tenant]);
  return [...new Set([...global, ...rows.map((row) => row.url)])];
}

export async function setTenantUrls(tx: Sql, tenant: string, urls: readonly string[]): Promise<void> {
  await tx.query('DELETE FROM tenant_webhooks WHERE tenant = $1', [tenant]);
  for (const [position, url] of urls.entries())
    await tx.query('INSERT INTO tenant_webhooks (tenant, position, url) VALUES ($1, $2, $3)', [tenant, position, url]);
}

export async function tenantUrls(tx: Sql, tenant: string): Promise<string[]> {
  return (await tx.query<{ url: string }>('SELECT url FROM tenant_webhooks WHERE tenant = $1 ORDER BY position', [tenant])).map(
    (row) => row.url,
  );
}

export interface Notification {
  readonly tenant: string;
  readonly provider: string;
  readonly webhook: string;
  readonly subject: string;
  readonly payload: unknown;
}

/**
 * Records one delivery per URL in the caller's transaction; returns their ids. The URL gets its row in
 * `webhook_endpoints` (the worker's list of URLs to look at); a delivery to a paused URL is due at its next probe.
 */
export async function enqueue(tx: Sql, urls: readonly string[], notification: Notification, now: number): Promise<string[]> {
  const ids: string[] = [];
  for (const url of urls) {
    await tx.query('INSERT INTO webhook_endpoints (url) VALUES ($1) ON CONFLICT DO NOTHING', [url]);
    const [row] = await tx.query<{ seq: number }>(
      `INSERT INTO deliveries (tenant, provider, webhook, subject, url, payload, created_at, state, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6::json, $7, 'pending',
               greatest($7, COALESCE((SELECT next_probe_at FROM webhook_endpoints WHERE url = $5 AND paused_at IS NOT NULL), $7)))
       RETURNING seq::float8 AS seq`,
      [notification.tenant, notification.provider, notification.webhook, notification.subject, url, jsonText(notification.payload), now],
    );
    ids.push(deliveryId((row as { seq: number }).seq));
  }
  return ids;
}

/** A new delivery of the same notification to the same URL, queued after the others of its subject. */
export async function redeliver(tx: Sql, id: string, tenant: string | null, now: number): Promise<string | undefined> {
  const seq = deliverySeq(id);
  if (seq === undefined) return undefined;
  const [row] = await tx.query<{ seq: number }>(
    `INSERT INTO deliveries (tenant, provider, webhook, subject, url, payload, created_at, state, next_attempt_at, redelivery_of)
     SELECT d.tenant, d.provider, d.webhook, d.subject, d.url, d.payload, $3, 'pending', greatest($3, COALESCE(e.next_probe_at, $3)), d.seq
       FROM deliveries d LEFT JOIN webhook_endpoints e ON e.url = d.url AND e.paused_at IS NOT NULL
      WHERE d.seq = $1 AND ($2::text IS NULL OR d.tenant = $2)
     RETURNING seq::float8 AS seq`,
    [seq, tenant, now],
  );
  return row ? deliveryId(row.seq) : undefined;
}

interface DeliveryRow {
  seq: number;
  provider: string;
  webhook: string;
  subject: string;
  url: string;
  payload: unknown;
  created_at: number;
  state: Exclude<DeliveryState, 'paused'>;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: number | null;
  settled_at: number | null;
  redelivery_of: number | null;
  paused: boolean;
  attempt_list: { number: number; startedAt: number; durationMs: number; status: number | null; error: string | null }[] | string;
}

export interface ListFilter {
  readonly subject?: string | undefined;
  readonly tenant: string | null;
  readonly limit: number;
}

/** The newest `limit` deliveries (of a subject, of a tenant), oldest first, with their attempts. */
export async function listDeliveries(tx: Sql, filter: ListFilter): Promise<DeliveryRecord[]> {
  if (filter.subject?.includes('\u0000')) return [];
  const rows = await tx.query<DeliveryRow>(
    `SELECT d.seq::float8 AS seq, d.provider, d.webhook, d.subject, d.url, d.payload, d.created_at, d.state, d.last_status, d.last_error,
            d.next_attempt_at, d.settled_at, d.redelivery_of::float8 AS redelivery_of, (e.paused_at IS NOT NULL) AS paused,
            COALESCE((SELECT json_agg(json_build_object('number', a.number, 'startedAt', a.started_at, 'durationMs', a.duration_ms, 'status', a.status, 'error', a.error) ORDER BY a.number)
                      FROM delivery_attempts a WHERE a.delivery = d.seq), '[]'::json) AS attempt_list
       FROM deliveries d LEFT JOIN webhook_endpoints e ON e.url = d.url
      WHERE ($1::text IS NULL OR d.subject = $1) AND ($2::text IS NULL OR d.tenant = $2)
      ORDER BY d.seq DESC LIMIT $3`,
    [filter.subject ?? null, filter.tenant, filter.limit],
  );
  return rows.reverse().map((row) => {
    const attempts =
      typeof row.attempt_list === 'string'
        ? (JSON.parse(row.attempt_list) as Exclude<DeliveryRow['attempt_list'], string>)
        : row.attempt_list;
    return {
      id: deliveryId(row.seq),
      provider: row.provider,
      webhook: row.webhook,
      subject: row.subject,
      url: row.url,
      payload: row.payload,
      createdAt: iso(row.created_at) as string,
      state: row.state !== 'delivered' && row.paused ? 'paused' : row.state,
      attempts: attempts.map((attempt) => ({ ...attempt, startedAt: iso(attempt.startedAt) as string })),
      lastStatus: row.last_status,
      lastError: row.last_error,
      nextAttemptAt: row.state === 'delivered' || row.state === 'held' ? null : iso(row.next_attempt_at),
      settledAt: iso(row.settled_at),
      redeliveryOf: row.redelivery_of === null ? null : deliveryId(row.redelivery_of),
    };
  });
}

/** Every URL the outbox has tried, with its health and how many deliveries it still owes. */
export async function listEndpoints(tx: Sql): Promise<EndpointHealth[]> {
  const rows = await tx.query<{
    url: string;
    paused_at: number | null;
    failures: number;
    next_probe_at: number | null;
    last_error: string | null;
    undelivered: number;
  }>(
    `SELECT e.url, e.paused_at, e.failures, e.next_probe_at, e.last_error,
            (SELECT count(*)::int FROM deliveries d WHERE d.url = e.url AND d.state <> 'delivered') AS undelivered
       FROM webhook_endpoints e ORDER BY e.url`,
  );
  return rows.map((row) => ({
    url: row.url,
    paused: row.paused_at !== null,
    pausedAt: iso(row.paused_at),
    failures: row.failures,
    nextProbeAt: row.paused_at === null ? null : iso(row.next_probe_at),
    lastError: row.last_error,
    undelivered: row.undelivered,
  }));
}

export async function undeliveredCount(tx: Sql): Promise<number> {
  const [row] = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM deliveries WHERE state <> 'delivered'");
  return row?.n ?? 0;
}
