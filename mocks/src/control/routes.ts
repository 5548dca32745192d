/**
 * The mock's control routes under `/_mock/` — a prefix no provider can take (catalog/load.ts refuses the
 * slug). JSON answers, RFC 9457 problems for errors, no credential; open per policy.ts.
 *
 *   GET    /_mock/                         what is here: these routes, journal size and count, faults in force
 *   GET    /_mock/requests?provider=&method=&path=&operationId=
 *                                          { "requests": [...] }, oldest first
 *   DELETE /_mock/requests                 empties the journal
 *   POST   /_mock/faults                   adds a fault (fault-spec.ts) → 201 { "id": "…" }
 *   GET    /_mock/faults                   { "faults": [...] }, with how many requests each still applies to
 *   GET    /_mock/faults/{id}              one fault
 *   DELETE /_mock/faults/{id}              removes it
 *   DELETE /_mock/faults                   removes them all
 */
import { prepare, type PreparedResponse } from '../http/prepared-response.js';
import { FaultSpecError } from './fault-spec.js';
import type { Faults } from './faults.js';
import type { Journal, JournalFilter } from './journal.js';
import { problem } from '../http/mock-errors.js';

export interface ControlRequest {
  readonly method: string;
  /** The path after `/_mock`: `''`, `/`, `/requests`, `/faults/…` */
  readonly path: string;
  readonly query: URLSearchParams | undefined;
  readonly body: Buffer | undefined;
}

export const ROUTES = [
  'GET /_mock/',
  'GET /_mock/requests?provider=&method=&path=&operationId=',
  'DELETE /_mock/requests',
  'POST /_mock/faults  {"provider", "method"?, "path"?, "times"?, "fault": {"status"?, "headers"?, "body"?, "delayMs"?, "reset"?, "truncate"?}}',
  'GET /_mock/faults',
  'GET /_mock/faults/{id}',
  'DELETE /_mock/faults/{id}',
  'DELETE /_mock/faults',
] as const;

const FILTERS = ['provider', 'method', 'path', 'operationId'] as const;

function json(status: number, body: unknown, headers: Record<string, string> = {}): PreparedResponse {
  return prepare({ status, body, headers });
}

/** `/_mock/` on a server whose policy keeps it closed. */
export function controlClosed(): PreparedResponse {
  return problem(
    404,
    'Control Routes Closed',
    'The /_mock/ routes (request journal, faults) are open on loopback binds only: start the mock with --control (option control: true) to open them on this address.',
  );
}

const NO_CONTENT = prepare({ status: 204 });

function methodNotAllowed(method: string, path: string, allow: string): PreparedResponse {
  return problem(405, 'Method Not Allowed', `${method} is not a method of /_mock${path}.`, { allow: allow.split(', ') }, { Allow: allow });
}

function readFilter(query: URLSearchParams | undefined): { ok: true; filter: JournalFilter } | { ok: false; answer: PreparedResponse } {
  const filter: Record<string, string> = {};
  for (const [name, value] of query ?? []) {
    if (!(FILTERS as readonly string[]).includes(name))
      return {
        ok: false,
        answer: problem(400, 'Bad Filter', `${name}: unknown filter of /_mock/requests (known: ${FILTERS.join(', ')}).`, { field: name }),
      };
    filter[name] = value;
  }
  return { ok: true, filter };
}

function readJson(body: Buffer | undefined): { ok: true; value: unknown } | { ok: false; answer: PreparedResponse } {
  const text = body?.toString('utf8') ?? '';
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const reason = text.trim() === '' ? 'the body is empty' : error instanceof Error ? error.message : String(error);
    return { ok: false, answer: problem(400, 'Bad Fault Spec', `A fault spec is a JSON object (${reason}).`, { field: '' }) };
  }
}

function addFault(faults: Faults, body: Buffer | undefined): PreparedResponse {
  const read = readJson(body);
  if (!read.ok) return read.answer;
  try {
    const added = faults.add(read.value);
    return json(201, { id: added.id }, { Location: `/_mock/faults/${added.id}` });
  } catch (error) {
    if (error instanceof FaultSpecError) return problem(400, 'Bad Fault Spec', error.message, { field: error.field });
    throw error;
  }
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function createControlRoutes(journal: Journal, faults: Faults): (request: ControlRequest) => PreparedResponse {
  return ({ method, path, query, body }) => {
    const read = method === 'GET' || method === 'HEAD';
    const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    if (trimmed === '' || trimmed === '/') {
      if (!read) return methodNotAllowed(method, path, 'GET, HEAD');
      return json(200, { journal: { size: journal.size, count: journal.list().length }, faults: faults.list().length, routes: ROUTES });
    }
    if (trimmed === '/requests') {
      if (method === 'DELETE') {
        journal.clear();
        return NO_CONTENT;
      }
      if (!read) return methodNotAllowed(method, path, 'GET, HEAD, DELETE');
      const filter = readFilter(query);
      return filter.ok ? json(200, { requests: journal.list(filter.filter) }) : filter.answer;
    }
    if (trimmed === '/faults') {
      if (method === 'POST') return addFault(faults, body);
      if (method === 'DELETE') {
        faults.clear();
        return NO_CONTENT;
      }
      return read ? json(200, { faults: faults.list() }) : methodNotAllowed(method, path, 'GET, HEAD, POST, DELETE');
    }
    if (trimmed.startsWith('/faults/') && trimmed.indexOf('/', 8) === -1) {
      const id = safeDecode(trimmed.slice(8));
      if (method === 'DELETE')
        return faults.remove(id) ? NO_CONTENT : problem(404, 'Unknown Fault', `No fault ${id} is in force (GET /_mock/faults lists them).`);
      if (!read) return methodNotAllowed(method, path, 'GET, HEAD, DELETE');
      const found = faults.list().find((fault) => fault.id === id);
      return found ? json(200, found) : problem(404, 'Unknown Fault', `No fault ${id} is in force (GET /_mock/faults lists them).`);
    }
    return problem(404, 'Not Found', `No control route /_mock${path}.`, { routes: ROUTES });
  };
}
