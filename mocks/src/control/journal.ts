/**
 * The request journal: every request the mock answered under a provider prefix, newest last, in a ring of
 * the last `size` (older ones are forgotten first). Entries are redacted when recorded (redact.ts), so the
 * journal never holds a secret or a CPF in clear. The control routes themselves are not recorded.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { redactHeaders, redactQuery, redactText, redactValue } from './redact.js';

export const DEFAULT_JOURNAL_SIZE = 1000;
/** A bound on `--journal-size`, so that a typo cannot make the ring hold the heap. */
export const MAX_JOURNAL_SIZE = 1_000_000;

/** One request as the journal shows it (`GET /_mock/requests`, `mock.requests()`). */
export interface JournalEntry {
  /** Position since the start (or the last clear), from 1: tells two identical requests apart. */
  readonly seq: number;
  /** Provider slug: `eccor-fgts`. */
  readonly provider: string;
  readonly method: string;
  /** Path under the provider prefix, as sent (CPFs redacted): `/v1/NaturalPerson/…`. */
  readonly path: string;
  /** The spec's path template it matched (`/v1/NaturalPerson/{id}`), `null` when it matched none. */
  readonly template: string | null;
  /** `null` when the request matched no operation (404, 405). */
  readonly operationId: string | null;
  readonly query: Readonly<Record<string, string | string[]>>;
  /** Lower-case names; credentials keep only their scheme (`Bearer ***`). */
  readonly headers: Readonly<Record<string, string | string[]>>;
  /** Parsed body: JSON value, form fields, or text; `null` without a body or when the mock did not read it. */
  readonly body: unknown;
  /** Status answered, or `reset` when a fault dropped the connection without an answer. */
  readonly status: number | 'reset';
  /** When the mock answered (ISO 8601, from the injected clock). */
  readonly time: string;
}

export interface JournalFilter {
  readonly provider?: string | undefined;
  /** Case-insensitive. */
  readonly method?: string | undefined;
  /** The path as sent (`/api/operations/0196…`) or its template (`/api/operations/{id}`). */
  readonly path?: string | undefined;
  readonly operationId?: string | undefined;
}

/** What the server knows of a request when it answers it. */
export interface Answered {
  readonly provider: string;
  readonly method: string;
  readonly path: string;
  readonly template: string | undefined;
  readonly operationId: string | undefined;
  readonly query: URLSearchParams | undefined;
  readonly headers: IncomingHttpHeaders;
  /** The parsed body value, when the mock read one. */
  readonly body: unknown;
  readonly status: number | 'reset';
}

export interface Journal {
  readonly size: number;
  record(answered: Answered): void;
  list(filter?: JournalFilter): JournalEntry[];
  clear(): void;
}

export function matchesFilter(entry: JournalEntry, filter: JournalFilter): boolean {
  if (filter.provider !== undefined && entry.provider !== filter.provider) return false;
  if (filter.method !== undefined && entry.method !== filter.method.toUpperCase()) return false;
  if (filter.path !== undefined && entry.path !== filter.path && entry.template !== filter.path) return false;
  if (filter.operationId !== undefined && entry.operationId !== filter.operationId) return false;
  return true;
}

/** An entry as kept: the time as a number, formatted when listed (off the request's path). */
type Kept = Omit<JournalEntry, 'time'> & { readonly at: number };

function shown({ at, ...entry }: Kept): JournalEntry {
  return { ...entry, time: new Date(at).toISOString() };
}

export function createJournal(size: number, now: () => number): Journal {
  // A ring: `next` is where the next entry goes once the ring is full.
  const ring: Kept[] = [];
  let next = 0;
  let seq = 0;
  return {
    size,
    record(answered) {
      if (size === 0) return;
      const entry: Kept = {
        seq: ++seq,
        provider: answered.provider,
        method: answered.method.toUpperCase(),
        path: redactText(answered.path),
        template: answered.template ?? null,
        operationId: answered.operationId ?? null,
        query: redactQuery(answered.query),
        headers: redactHeaders(answered.headers),
        body: answered.body === undefined ? null : redactValue(answered.body),
        status: answered.status,
        at: now(),
      };
      if (ring.length < size) ring.push(entry);
      else {
        ring[next] = entry;
        next = (next + 1) % size;
      }
    },
    list(filter) {
      const ordered = (next === 0 ? ring.slice() : [...ring.slice(next), ...ring.slice(0, next)]).map(shown);
      return filter ? ordered.filter((entry) => matchesFilter(entry, filter)) : ordered;
    },
    clear() {
      ring.length = 0;
      next = 0;
      seq = 0;
    },
  };
}
