/**
 * The mock as a test double: a request journal to assert on and faults on demand, served under `/_mock/`
 * and on the programmatic handle. The server calls `journal.record` for every request of a provider,
 * `faults.take` once a request has found its operation, and `delivery.write` for an answer a fault shapes.
 *
 *   policy.ts       when the control routes are open (shared with the sandbox's /_sandbox/)
 *   journal.ts      the ring of the last N requests, filters
 *   redact.ts       what the journal keeps of headers, query and body (no secret, no CPF)
 *   fault-spec.ts   the shape of a fault and its check (400s naming the field)
 *   faults.ts       the faults in force, newest first, counting down
 *   deliver.ts      delay, reset, truncate
 *   routes.ts       /_mock/…
 */
import type { Provider } from '../catalog/provider.js';
import type { PreparedResponse } from '../http/prepared-response.js';
import { createDelivery, type Delivery } from './deliver.js';
import type { ActiveFault, FaultSpec } from './fault-spec.js';
import { createFaults, type Faults } from './faults.js';
import { createJournal, DEFAULT_JOURNAL_SIZE, MAX_JOURNAL_SIZE, type Journal, type JournalEntry, type JournalFilter } from './journal.js';
import { controlRoutesEnabled } from './policy.js';
import { controlClosed, createControlRoutes, type ControlRequest } from './routes.js';

export { DEFAULT_JOURNAL_SIZE, MAX_JOURNAL_SIZE } from './journal.js';
export type { JournalEntry, JournalFilter } from './journal.js';
export { FaultSpecError, MAX_DELAY_MS, type ActiveFault, type FaultEffect, type FaultSpec } from './fault-spec.js';
export { controlRoutesEnabled, isLoopbackHost } from './policy.js';
export type { ControlRequest } from './routes.js';

/** What a test reaches without HTTP: on `MockServer` and on what `startMockServer()` returns. */
export interface MockControlHandle {
  /** The journal, oldest first, optionally filtered. */
  requests(filter?: JournalFilter): JournalEntry[];
  clearRequests(): void;
  /** Adds a fault and returns its id; throws `FaultSpecError` (with the offending `field`) for a bad spec. */
  fault(spec: FaultSpec): string;
  /** The faults in force. */
  faults(): ActiveFault[];
  /** Removes one fault; `false` when no fault has that id. */
  removeFault(id: string): boolean;
  clearFaults(): void;
}

export interface MockControlOptions {
  readonly providers: readonly Provider[];
  /** Requests the journal keeps (default 1000; 0 keeps none). */
  readonly journalSize?: number | undefined;
  /** Milliseconds since the epoch, for the journal's times. */
  readonly now?: (() => number) | undefined;
  /** `--control`: see policy.ts. */
  readonly control?: boolean | undefined;
}

export interface MockControl {
  readonly journal: Journal;
  readonly faults: Faults;
  readonly delivery: Delivery;
  readonly handle: MockControlHandle;
  /** Whether `/_mock/` is served, decided by {@link MockControl.bind}. */
  readonly open: boolean;
  /** Applies the policy to the address the server binds. */
  bind(host: string | undefined): void;
  /** The answer to a request under `/_mock/`. */
  answer(request: ControlRequest): PreparedResponse;
  close(): void;
}

export function createMockControl(options: MockControlOptions): MockControl {
  const size = options.journalSize ?? DEFAULT_JOURNAL_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_JOURNAL_SIZE)
    throw new Error(`journalSize must be a whole number of requests from 0 (keeps none) to ${MAX_JOURNAL_SIZE}, got ${size}`);
  const journal = createJournal(size, options.now ?? Date.now);
  const faults = createFaults(options.providers);
  const delivery = createDelivery();
  const routes = createControlRoutes(journal, faults);
  let open = false;
  return {
    journal,
    faults,
    delivery,
    get open() {
      return open;
    },
    bind(host) {
      open = controlRoutesEnabled({ host, control: options.control });
    },
    answer: (request) => (open ? routes(request) : controlClosed()),
    handle: {
      requests: (filter) => journal.list(filter),
      clearRequests: () => journal.clear(),
      fault: (spec) => faults.add(spec).id,
      faults: () => faults.list(),
      removeFault: (id) => faults.remove(id),
      clearFaults: () => faults.clear(),
    },
    close: () => delivery.cancelAll(),
  };
}
