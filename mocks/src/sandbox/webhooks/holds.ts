/**
 * Holds: a tenant pauses delivery to one of its URLs by hand (the console, to rehearse an endpoint that is
 * down), and resumes it. While held, that tenant's deliveries to the URL wait in state `held` — never tried,
 * kept in order — and resuming makes them due at once. This is not the automatic pause of delivery.ts (a URL
 * that failed `maxAttempts` times in a row, probed until it answers): a hold is one tenant's and is never probed.
 * Every function runs in the caller's transaction.
 */
import type { Sql } from '../storage/database.js';

export async function heldUrls(tx: Sql, tenant: string): Promise<string[]> {
  return (await tx.query<{ url: string }>('SELECT url FROM delivery_holds WHERE tenant = $1 ORDER BY url', [tenant])).map((row) => row.url);
}

/** Holds the tenant's undelivered deliveries to `url` (one in flight finishes as it goes) and the ones to come. */
export async function holdUrl(tx: Sql, tenant: string, url: string, now: number): Promise<void> {
  await tx.query('INSERT INTO delivery_holds (tenant, url, held_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [tenant, url, now]);
  await tx.query("UPDATE deliveries SET state = 'held' WHERE tenant = $1 AND url = $2 AND state IN ('pending', 'retrying')", [tenant, url]);
}

/** Lifts the hold: what waited is due now, in its order. Returns whether there was a hold. */
export async function releaseUrl(tx: Sql, tenant: string, url: string, now: number): Promise<boolean> {
  const released = await tx.query('DELETE FROM delivery_holds WHERE tenant = $1 AND url = $2 RETURNING url', [tenant, url]);
  await tx.query(
    "UPDATE deliveries SET state = CASE WHEN attempts = 0 THEN 'pending' ELSE 'retrying' END, next_attempt_at = $3 WHERE tenant = $1 AND url = $2 AND state = 'held'",
    [tenant, url, now],
  );
  return released.length > 0;
}

/** New deliveries (a notification, a redelivery) to a held URL wait with the others: called after they are written. */
export async function applyHolds(tx: Sql, ids: readonly string[]): Promise<void> {
  const seqs = ids.map((id) => Number(id.replace(/^dlv_/, ''))).filter((seq) => Number.isSafeInteger(seq));
  if (seqs.length === 0) return;
  await tx.query(
    `UPDATE deliveries d SET state = 'held' FROM delivery_holds h
      WHERE d.seq = ANY($1::bigint[]) AND h.tenant = d.tenant AND h.url = d.url AND d.state = 'pending'`,
    [seqs],
  );
}
