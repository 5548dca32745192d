/**
 * `--sandbox`: the mock with state. `sandbox(options)` gives the server a factory; the server calls it with
 * its compiled providers and puts the result in place: the stateful handler in front of the answer chain,
 * the control routes under `/_sandbox/`, `ready` awaited before it listens, and `close()` on shutdown.
 * Without `--sandbox` none of this exists and the mock is the stateless one.
 *
 *   storage/                  the database: PGlite in memory or in a folder, or PostgreSQL; migrations;
 *                             the records' reads and writes (one SQL dialect, one code path)
 *   state.ts                  the records' shapes (and the old state file's format, for import-state.ts)
 *   tenants.ts                whose records a request sees: the tenant its credential names
 *   eccor-fgts/               persons, bank accounts, credit notes, the status machine, the token, errors
 *   inss.ts                   Nossa Fintech INSS: create and track
 *   webhooks/outbox.ts        notifications written with the change that makes them; the deliveries' reads
 *   webhooks/delivery.ts      sending them: claims with leases, per-URL slots, backoff, pause, attempts
 *   sandbox-handler.ts        the handler in front of the static answer (one transaction per request)
 *   control-routes.ts         /_sandbox/…
 *   console/                  the console page at /_sandbox/ (a browser's), its reads, holds and live events
 *   webhooks/holds.ts         a tenant pausing delivery to one of its URLs by hand
 *   import-state.ts           `import-state <file> --data-dir <dir>`: an old state file into a database
 */
import type { Provider } from '../catalog/provider.js';
import type { AnswerSpec } from '../http/prepared-response.js';
import type { AnswerHandler } from '../pipeline/handlers.js';
import { systemClock, type Clock } from './clock.js';
import { createEventHub, type EventHub, type EventHubOptions } from './console/events.js';
import { seenTenants, tenantOverview } from './console/overview.js';
import { createControlRoutes, type ControlRoutes } from './control-routes.js';
import { createEccorFgtsSandbox, type EccorFgtsSandbox, type OperationHandler } from './eccor-fgts/index.js';
import { createInssDesk } from './inss.js';
import { createSandboxHandler } from './sandbox-handler.js';
import { specData } from './spec-data.js';
import type { CreateOperationRequest } from './state.js';
import { openStorage, type Database, type Sql } from './storage/open.js';
import { countRecords, type Scope, type TenantScope } from './storage/records.js';
import { createDeliveryWorker, type DeliveryOptions, type DeliveryWorker } from './webhooks/delivery.js';
import { applyHolds, holdUrl, releaseUrl } from './webhooks/holds.js';
import { enqueue, listDeliveries, listEndpoints, redeliver, setTenantUrls, tenantUrls, urlsFor } from './webhooks/outbox.js';

export { StorageError } from './storage/database.js';
export type { ControlRequest, ControlRoutes } from './control-routes.js';

/** A start with `--state-file`: the JSON state file is gone; the message says what to do instead. */
export class StateFileError extends Error {
  override name = 'StateFileError';
}

export function stateFileGone(file: string): StateFileError {
  return new StateFileError(
    `--state-file is gone: the sandbox keeps its state in a database now. Import ${file} once with \`credit-apis-mock import-state ${file} --data-dir <dir>\` ` +
      '(in this repository: `pnpm start import-state <file> --data-dir <dir>`), then start with `--sandbox --data-dir <dir>`.',
  );
}

export interface SandboxStorageOptions {
  /** A folder for the embedded database (created when missing); in memory without it. */
  readonly dataDir?: string | undefined;
  /** `postgres://…`: a PostgreSQL server, for a sandbox shared by several processes. */
  readonly databaseUrl?: string | undefined;
}

export interface SandboxOptions extends SandboxStorageOptions {
  /** Gone: refused with a message naming `--data-dir` and `import-state`. */
  readonly stateFile?: string | undefined;
  /** Where every tenant's status-change notifications go (`--webhook-url`). */
  readonly webhookUrls?: readonly URL[];
  /** Delivery policy overrides (timeout, attempts, backoff…): webhooks/delivery.ts. */
  readonly delivery?: DeliveryOptions;
  readonly clock?: Clock;
  /** The console's event streams: how many at most, heartbeat, coalescing (console/events.ts). */
  readonly events?: EventHubOptions;
}

export interface Sandbox {
  readonly handler: AnswerHandler;
  readonly routes: ControlRoutes;
  /** Resolves when the database is open and migrated; rejects with why it cannot be. */
  readonly ready: Promise<void>;
  /** After `ready`: the database and the delivery worker. */
  database(): Database;
  deliveries(): DeliveryWorker;
  readonly eccorFgts: EccorFgtsSandbox | undefined;
  /** `GET /_sandbox/events`: served by the server (it streams); told of every commit. */
  readonly events: EventHub;
  /** One line for the start-up banner (after `ready`). */
  summary(): string;
  /** Stops the deliveries (in-flight ones given back to the outbox) and closes the database. */
  close(): Promise<void>;
}

export type SandboxFactory = (providers: readonly Provider[]) => Sandbox;

const WRITE = /^\s*(?:INSERT|UPDATE|DELETE)\b/i;

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

export function sandbox(options: SandboxOptions = {}): SandboxFactory {
  if (options.stateFile !== undefined) throw stateFileGone(options.stateFile);
  return (providers) => {
    const clock = options.clock ?? systemClock;
    const globalUrls = (options.webhookUrls ?? []).map((url) => url.href);
    let db: Database | undefined;
    let worker: DeliveryWorker | undefined;
    let banner = '';
    /** The transactions that wrote notifications: the worker is woken when one of them has committed. */
    const notifying = new WeakSet<Sql>();
    const table = new Map<string, ReadonlyMap<string, OperationHandler>>();
    const events = createEventHub(options.events);

    const ready = (async () => {
      db = await openStorage(options);
      worker = createDeliveryWorker(db, { now: clock, ...options.delivery, onAttempt: () => events.changed() });
      const counts = await countRecords(db);
      banner =
        db.kind === 'memory'
          ? 'state in memory'
          : `${db.kind === 'data-dir' ? 'data dir' : 'database'} ${db.where} (${count(counts.persons, 'person')}, ${count(counts.creditNotes, 'credit note')}, ${count(counts.inssOperations, 'INSS operation')})`;
    })();
    // Awaited by the server before it listens; a failure is reported there, not as an unhandled rejection.
    ready.catch(() => {});

    const opened = (): Database => {
      if (!db) throw new Error('the sandbox is not ready');
      return db;
    };
    async function run<T>(tenant: string | null, work: (scope: Scope) => Promise<T>): Promise<T> {
      await ready;
      let used: Sql | undefined;
      let wrote = false;
      const result = await opened().transaction((tx) => {
        // Watched for writes: only a committed change is worth a console event (a read is not: the console's own reads would loop).
        const watched: Sql = {
          query<R>(text: string, params?: readonly unknown[]) {
            if (WRITE.test(text)) wrote = true;
            return tx.query<R>(text, params);
          },
          exec(text: string) {
            wrote = true;
            return tx.exec(text);
          },
        };
        used = watched;
        return work({ tx: watched, tenant });
      });
      // Notifications were committed with the change: the worker sends them now.
      if (used && notifying.has(used)) worker?.wake();
      if (wrote) events.changed();
      return result;
    }
    const notify = async (
      tx: Sql,
      tenant: string,
      provider: string,
      subject: string,
      webhook: string,
      payload: unknown,
    ): Promise<string[]> => {
      notifying.add(tx);
      const ids = await enqueue(tx, await urlsFor(tx, tenant, globalUrls), { tenant, provider, webhook, subject, payload }, clock());
      await applyHolds(tx, ids);
      return ids;
    };

    const eccor = providers.find((provider) => provider.slug === 'eccor-fgts');
    const eccorFgts = eccor
      ? createEccorFgtsSandbox(specData(eccor.slug, eccor.doc), clock, (tx, tenant, subject, webhook, payload) =>
          notify(tx, tenant, eccor.slug, subject, webhook, payload),
        )
      : undefined;
    if (eccor && eccorFgts) table.set(eccor.slug, eccorFgts.handlers);

    const inssProvider = providers.find((provider) => provider.slug === 'nossa-fintech-inss');
    if (inssProvider) {
      const inss = createInssDesk(specData(inssProvider.slug, inssProvider.doc), clock);
      table.set(
        inssProvider.slug,
        new Map<string, OperationHandler>([
          ['createOperation', (exchange, scope) => inss.create(scope, exchange.body?.value as CreateOperationRequest)],
          [
            'getOperation',
            (exchange, scope) =>
              inss.track(scope, exchange.pathParams.debt_key ?? '', exchange.query?.get('credit_operation_key') ?? undefined),
          ],
        ]),
      );
    }

    const policy = (): Record<string, number> => ({ ...(worker?.policy ?? {}) });
    const routes = createControlRoutes({
      creditNotes: eccorFgts?.creditNotes,
      webhookUrls: globalUrls,
      get policy() {
        return policy();
      },
      async describe() {
        await ready;
        const database = opened();
        return {
          storage: { kind: database.kind, where: database.where },
          providers: [...table.keys()],
          webhookUrls: globalUrls,
          deliveryPolicy: policy(),
          counts: await countRecords(database),
        };
      },
      run,
      deliveries: (tenant, subject, limit) =>
        run(null, async ({ tx }) => ({
          deliveries: await listDeliveries(tx, { tenant, subject, limit }),
          endpoints: await listEndpoints(tx),
        })),
      async redeliver(tenant, id) {
        const created = await run(null, async ({ tx }) => {
          const again = await redeliver(tx, id, tenant, clock());
          if (again) await applyHolds(tx, [again]);
          return again;
        });
        if (created) worker?.wake();
        return created;
      },
      tenantUrls: (tenant) => run(null, ({ tx }) => tenantUrls(tx, tenant)),
      setTenantUrls: (tenant, urls) => run(null, ({ tx }) => setTenantUrls(tx, tenant, urls)),
      console: {
        tenants: () => run(null, ({ tx }) => seenTenants(tx)),
        overview: (tenant) => run(null, ({ tx }) => tenantOverview(tx, tenant, globalUrls, eccorFgts?.creditNotes, eccorFgts?.machine)),
        async hold(tenant, url, held) {
          const outcome = await run(null, async ({ tx }) => {
            const known =
              (await urlsFor(tx, tenant, globalUrls)).includes(url) ||
              (await tx.query('SELECT 1 FROM delivery_holds WHERE tenant = $1 AND url = $2', [tenant, url])).length > 0;
            if (!known) return 'not-its-url' as const;
            if (held) await holdUrl(tx, tenant, url, clock());
            else await releaseUrl(tx, tenant, url, clock());
            return 'ok' as const;
          });
          if (!held) worker?.wake();
          return outcome;
        },
      },
    });

    let closing: Promise<void> | undefined;
    return {
      handler: createSandboxHandler(table, (tenant, work) => run(tenant, (scope) => work(scope as TenantScope)) as Promise<AnswerSpec>),
      routes,
      ready,
      database: opened,
      deliveries() {
        if (!worker) throw new Error('the sandbox is not ready');
        return worker;
      },
      eccorFgts,
      events,
      summary() {
        const hooks =
          globalUrls.length === 0
            ? 'no webhook URL (--webhook-url)'
            : `webhooks to ${globalUrls.map((url) => url.replace(/\?.*$/, '?…')).join(', ')}`;
        return `sandbox: ${[...table.keys()].join(', ')} with ${banner}; ${hooks}`;
      },
      close() {
        closing ??= (async () => {
          events.closeAll();
          await ready.catch(() => {});
          await worker?.close();
          await db?.close();
        })();
        return closing;
      },
    };
  };
}
