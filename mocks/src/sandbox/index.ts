/**
 * `--sandbox`: the mock with state. `sandbox(options)` gives the server a factory; the server calls it with
 * its compiled providers and puts the result in place: the stateful handler in front of the answer chain,
 * the control routes under `/_sandbox/`, and `close()` on shutdown (pending webhook retries cancelled, the
 * state file flushed). Without `--sandbox` none of this exists and the mock is the stateless one.
 *
 *   store.ts                  state in memory, optionally in a JSON file (atomic writes, checked at load)
 *   state.ts                  the state's shape = the state file's format
 *   eccor-fgts/               persons, bank accounts, credit notes, the status machine, display names, errors
 *   inss.ts                   Nossa Fintech INSS: create and track
 *   webhooks/delivery.ts      queue, timeout, retries with backoff, the delivery log
 *   sandbox-handler.ts        the handler in front of the static answer
 *   control-routes.ts         /_sandbox/…
 */
import type { Provider } from '../catalog/provider.js';
import type { AnswerHandler } from '../pipeline/handlers.js';
import { systemClock, type Clock } from './clock.js';
import { createControlRoutes, type ControlRoutes } from './control-routes.js';
import { createEccorFgtsSandbox, type EccorFgtsSandbox, type OperationHandler } from './eccor-fgts/index.js';
import { createInssDesk } from './inss.js';
import { createSandboxHandler } from './sandbox-handler.js';
import { specData } from './spec-data.js';
import { emptyState, parseState, type SandboxState } from './state.js';
import { createStore, type Store } from './store.js';
import { createDeliveries, type Deliveries, type DeliveryOptions } from './webhooks/delivery.js';

export { StateFileError } from './store.js';
export type { ControlRequest, ControlRoutes } from './control-routes.js';

export interface SandboxOptions {
  /** Keep the state in this JSON file (loaded at start, saved on every change); in memory without it. */
  readonly stateFile?: string | undefined;
  /** Where the status-change notifications go. */
  readonly webhookUrls?: readonly URL[];
  /** Delivery policy overrides (timeout, attempts, backoff…): webhooks/delivery.ts. */
  readonly delivery?: Omit<DeliveryOptions, 'urls'>;
  /** Debounce of the state file's writes, in ms (20). */
  readonly saveDebounceMs?: number;
  readonly clock?: Clock;
}

export interface Sandbox {
  readonly handler: AnswerHandler;
  readonly routes: ControlRoutes;
  readonly deliveries: Deliveries;
  readonly store: Store<SandboxState>;
  readonly eccorFgts: EccorFgtsSandbox | undefined;
  /** One line for the start-up banner. */
  summary(): string;
  /** Cancels pending webhook retries and aborts those in flight, then writes the state file. */
  close(): Promise<void>;
}

export type SandboxFactory = (providers: readonly Provider[]) => Sandbox;

export function sandbox(options: SandboxOptions = {}): SandboxFactory {
  return (providers) => {
    const clock = options.clock ?? systemClock;
    const store = createStore<SandboxState>({ file: options.stateFile, debounceMs: options.saveDebounceMs, empty: emptyState, parse: parseState });
    const changed = (): void => store.changed();
    const deliveries = createDeliveries({ ...options.delivery, urls: options.webhookUrls ?? [] });
    const table = new Map<string, ReadonlyMap<string, OperationHandler>>();

    const eccor = providers.find((provider) => provider.slug === 'eccor-fgts');
    const eccorFgts = eccor
      ? createEccorFgtsSandbox(specData(eccor.slug, eccor.doc), store.state.eccorFgts, clock, (subject, webhook, payload) => deliveries.enqueue(eccor.slug, webhook, subject, payload), changed)
      : undefined;
    if (eccor && eccorFgts) table.set(eccor.slug, eccorFgts.handlers);

    const inssProvider = providers.find((provider) => provider.slug === 'nossa-fintech-inss');
    if (inssProvider) {
      const inss = createInssDesk(specData(inssProvider.slug, inssProvider.doc), store.state.nossaFintechInss, clock, changed);
      table.set(
        inssProvider.slug,
        new Map<string, OperationHandler>([
          ['createOperation', (exchange) => inss.create(exchange.body?.value as Parameters<typeof inss.create>[0])],
          ['getOperation', (exchange) => inss.track(exchange.pathParams.debt_key ?? '', exchange.query?.get('credit_operation_key') ?? undefined)],
        ]),
      );
    }

    const counts = (): { persons: number; creditNotes: number; inssOperations: number; deliveries: number } => ({
      persons: Object.keys(store.state.eccorFgts.persons).length,
      creditNotes: Object.keys(store.state.eccorFgts.creditNotes).length,
      inssOperations: Object.keys(store.state.nossaFintechInss.operations).length,
      deliveries: deliveries.list().length,
    });
    const routes = createControlRoutes({
      deliveries,
      creditNotes: eccorFgts?.creditNotes,
      describe: () => ({ stateFile: store.file ?? null, providers: [...table.keys()], webhookUrls: deliveries.urls, deliveryPolicy: deliveries.policy, counts: counts() }),
    });

    return {
      handler: createSandboxHandler(table),
      routes,
      deliveries,
      store,
      eccorFgts,
      summary() {
        const { persons, creditNotes, inssOperations } = counts();
        const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
        const where = store.file ? `state file ${store.file} (${count(persons, 'person')}, ${count(creditNotes, 'credit note')}, ${count(inssOperations, 'INSS operation')})` : 'state in memory';
        const hooks = deliveries.urls.length === 0 ? 'no webhook URL (--webhook-url)' : `webhooks to ${deliveries.urls.map((url) => url.replace(/\?.*$/, '?…')).join(', ')}`;
        return `sandbox: ${[...table.keys()].join(', ')} with ${where}; ${hooks}`;
      },
      async close() {
        deliveries.close();
        await store.flush();
      },
    };
  };
}
