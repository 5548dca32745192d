/**
 * The sandbox's control routes, under `/_sandbox/` — a prefix no provider can take (catalog/load.ts refuses
 * the slug). They are the mock's own: JSON answers, RFC 9457 problems for errors. A request with a
 * credential (the one the partner calls the API with) sees and acts for that tenant only; without one, the
 * operator sees every tenant. Routes that change state answer only where the mock's control routes are open
 * (a loopback bind, or `--control`: control/policy.ts, decided by the server); reads always answer.
 *
 *   GET  /_sandbox/                                          what the sandbox runs: storage, webhook URLs,
 *                                                            delivery policy, counts, these routes
 *   GET  /_sandbox/deliveries[?subject=<credit note id>][&limit=<n>]
 *                                                            webhook deliveries: payload, attempts, next try;
 *                                                            and every URL's health (paused or not)
 *   POST /_sandbox/deliveries/{id}/redeliver                 sends a notification again (a new delivery)
 *   GET  /_sandbox/webhooks                                  the tenant's own URLs (credential required)
 *   PUT  /_sandbox/webhooks   {"urls": ["https://…"]}        replaces them
 *   GET  /_sandbox/eccor-fgts/credit-notes                   every credit note with its status, history, next steps
 *   GET  /_sandbox/eccor-fgts/credit-notes/{id}              one credit note
 *   POST /_sandbox/eccor-fgts/credit-notes/{id}/advance      a step a person or the provider takes by hand; body
 *                                                            {"to": 12} (code or name such as "SignatureValidation"),
 *                                                            {"step": "signatureValidation"} (the webhook's name),
 *                                                            or nothing when only one step is possible
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { PreparedResponse } from '../http/prepared-response.js';
import { json, problem } from './answers.js';
import type { AdvanceResult, CreditNoteDesk, CreditNoteView } from './eccor-fgts/credit-notes.js';
import type { Scope } from './storage/records.js';
import { consoleRoute, type ConsoleContext } from './console/routes.js';
import { credentialTenant } from './tenants.js';
import type { DeliveryRecord, EndpointHealth } from './webhooks/outbox.js';

export interface ControlRequest {
  readonly method: string;
  /** The path after `/_sandbox`: `''`, `/`, `/deliveries`, … */
  readonly path: string;
  readonly query: URLSearchParams | undefined;
  /** The request body, when there is one. */
  readonly body: Buffer | undefined;
  readonly headers: IncomingHttpHeaders;
  /** The server's control policy (control/policy.ts): whether routes that change state may answer. */
  readonly controlOpen: boolean;
  /**
   * Whether the server is bound to loopback: only then may a request without a credential see every tenant
   * (the operator) or name one with `?tenant=` (the console's picker). Beyond, a tenant's records are shown
   * to its credential only. Absent: loopback (the routes called in process).
   */
  readonly loopback?: boolean;
}

export type ControlRoutes = (request: ControlRequest) => Promise<PreparedResponse>;

/** What the routes do, each in its own committed transaction (index.ts). */
export interface ControlContext {
  readonly creditNotes: CreditNoteDesk | undefined;
  /** The global URLs (`--webhook-url`) and the delivery policy, as shown. */
  readonly webhookUrls: readonly string[];
  readonly policy: Record<string, number>;
  /** What `GET /_sandbox/` reports besides the routes. */
  describe(): Promise<Record<string, unknown>>;
  run<T>(tenant: string | null, work: (scope: Scope) => Promise<T>): Promise<T>;
  deliveries(
    tenant: string | null,
    subject: string | undefined,
    limit: number,
  ): Promise<{ deliveries: DeliveryRecord[]; endpoints: EndpointHealth[] }>;
  redeliver(tenant: string | null, id: string): Promise<string | undefined>;
  tenantUrls(tenant: string): Promise<string[]>;
  setTenantUrls(tenant: string, urls: readonly string[]): Promise<void>;
  /** The console's reads and holds (console/routes.ts). */
  readonly console: ConsoleContext;
}

export const ROUTES = [
  'GET /_sandbox/',
  'GET /_sandbox/deliveries?subject={creditNoteId}&limit={n}',
  'POST /_sandbox/deliveries/{id}/redeliver',
  "GET /_sandbox/webhooks  (with the tenant's credential)",
  'PUT /_sandbox/webhooks  {"urls": ["https://…"]}  (with the tenant\'s credential)',
  'GET /_sandbox/eccor-fgts/credit-notes',
  'GET /_sandbox/eccor-fgts/credit-notes/{id}',
  'POST /_sandbox/eccor-fgts/credit-notes/{id}/advance  {"to": 12 | "SignatureValidation"} or {"step": "signatureValidation"}',
  'GET /_sandbox/tenants  (the tenants seen so far; loopback bind only)',
  "GET /_sandbox/overview  (one tenant's records, timelines, deliveries, URLs)",
  'POST /_sandbox/webhooks/pause  {"url": "https://…"}',
  'POST /_sandbox/webhooks/resume  {"url": "https://…"}',
  'GET /_sandbox/events  (server-sent events: a change was committed)',
  'GET /_sandbox/  with Accept: text/html  (the console page)',
] as const;

const CREDIT_NOTE = /^\/eccor-fgts\/credit-notes\/([^/]+)(\/advance)?\/?$/;
const REDELIVER = /^\/deliveries\/([^/]+)\/redeliver\/?$/;
const DEFAULT_LIST = 1000;
const MAX_LIST = 10_000;

function nextSteps(note: CreditNoteView): { legalNext: CreditNoteView['next'] } {
  return { legalNext: note.next };
}

function advanced(result: AdvanceResult, id: string, target: unknown): PreparedResponse {
  switch (result.kind) {
    case 'advanced':
      return json(200, {
        creditNoteId: result.note.id,
        from: result.from,
        to: result.to,
        status: result.note.status,
        statusDisplay: result.note.statusDisplay,
        deliveries: result.deliveries,
        creditNote: result.note,
      });
    case 'unknown-note':
      return problem(404, 'Unknown Credit Note', `No credit note ${id} in the sandbox (POST /eccor-fgts/v1/CreditNote creates one).`);
    case 'unknown-target':
      return problem(400, 'Unknown Status', `${JSON.stringify(target)} is neither a CreditNoteStatus code or name nor a webhook name.`, {
        currentStatus: result.note.status,
        ...nextSteps(result.note),
      });
    case 'choose':
      return problem(
        409,
        'Choose The Next Step',
        result.note.next.some((step) => step.trigger === 'control')
          ? `Credit note ${id} is in ${result.note.status} ${result.note.statusDisplay}, from where more than one step is possible: send {"to": <status>}.`
          : `Credit note ${id} is in ${result.note.status} ${result.note.statusDisplay}: no step of the control route goes on from there.`,
        { currentStatus: result.note.status, ...nextSteps(result.note) },
      );
    case 'illegal':
      return problem(409, 'Illegal Transition', `Credit note ${id} cannot go to ${result.to}: ${result.reason}.`, {
        currentStatus: result.note.status,
        ...nextSteps(result.note),
      });
  }
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function readTarget(body: Buffer | undefined): { ok: true; target: unknown } | { ok: false; detail: string } {
  const text = body?.toString('utf8').trim() ?? '';
  if (text === '') return { ok: true, target: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, detail: `The body is not JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, detail: 'The body must be an object: {"to": 12} or {"step": "signatureValidation"}.' };
  const { to, step } = value as Record<string, unknown>;
  if (to !== undefined && step !== undefined) return { ok: false, detail: 'Send "to" or "step", not both.' };
  return { ok: true, target: to ?? step };
}

function readUrls(body: Buffer | undefined): { ok: true; urls: string[] } | { ok: false; detail: string } {
  let value: unknown;
  try {
    value = JSON.parse(body?.toString('utf8') ?? '');
  } catch {
    return { ok: false, detail: 'The body must be JSON: {"urls": ["https://…"]}.' };
  }
  const urls = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>).urls : undefined;
  if (!Array.isArray(urls) || urls.length > 20) return { ok: false, detail: 'The body must be {"urls": [...]}, at most 20 http(s) URLs.' };
  for (const url of urls) {
    let parsed: URL | undefined;
    try {
      parsed = typeof url === 'string' ? new URL(url) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
      return { ok: false, detail: `${JSON.stringify(url)} is not an http(s) URL.` };
  }
  return { ok: true, urls: (urls as string[]).map((url) => new URL(url).href) };
}

function listLimit(query: URLSearchParams | undefined): number {
  const raw = query?.get('limit');
  return raw && /^\d{1,6}$/.test(raw) ? Math.max(1, Math.min(Number(raw), MAX_LIST)) : DEFAULT_LIST;
}

export function createControlRoutes(context: ControlContext): ControlRoutes {
  const methodNotAllowed = (method: string, path: string, allow: string): PreparedResponse =>
    problem(405, 'Method Not Allowed', `${method} is not a method of /_sandbox${path}.`, { allow: allow.split(', ') }, { Allow: allow });
  const forbidden = (path: string): PreparedResponse =>
    problem(
      403,
      'Control Routes Disabled',
      `/_sandbox${path} changes the sandbox's state: it answers on a loopback bind, and beyond only when the mock runs with --control.`,
    );

  return async ({ method, path, query, body, headers, controlOpen, loopback = true }) => {
    const read = method === 'GET' || method === 'HEAD';
    const credential = credentialTenant(headers);
    // On loopback the console names the tenant it shows (`?tenant=`); beyond, only a credential does.
    const picked = loopback ? query?.get('tenant') || undefined : undefined;
    const tenant = credential ?? picked ?? null;
    const allowed = read || controlOpen;
    const served = await consoleRoute({ method, path, body, accept: headers.accept, tenant, loopback, controlOpen }, context.console);
    if (served) return served;
    // The operator's view (every tenant's records) is the machine's own: beyond loopback a read names its tenant.
    if (!loopback && tenant === null && path !== '' && path !== '/') {
      return problem(
        401,
        'Credential Required',
        "Beyond a loopback bind the sandbox shows a tenant's records only to its credential: send the Authorization header the API is called with.",
      );
    }
    if (path === '' || path === '/')
      return read
        ? json(200, { sandbox: true, ...(await context.describe()), routes: ROUTES })
        : methodNotAllowed(method, path, 'GET, HEAD');
    if (path === '/deliveries' || path === '/deliveries/') {
      if (!read) return methodNotAllowed(method, path, 'GET, HEAD');
      const subject = query?.get('subject') ?? undefined;
      const found = await context.deliveries(tenant, subject === '' ? undefined : subject, listLimit(query));
      return json(200, { urls: context.webhookUrls, policy: context.policy, endpoints: found.endpoints, deliveries: found.deliveries });
    }
    const redelivery = REDELIVER.exec(path);
    if (redelivery) {
      if (method !== 'POST') return methodNotAllowed(method, path, 'POST');
      if (!allowed) return forbidden(path);
      const id = safeDecode(redelivery[1] as string);
      const created = await context.redeliver(tenant, id);
      return created
        ? json(202, { id: created, redeliveryOf: id })
        : problem(404, 'Unknown Delivery', `No delivery ${id} in the sandbox${tenant ? ' for this credential' : ''}.`);
    }
    if (path === '/webhooks' || path === '/webhooks/') {
      if (!read && method !== 'PUT') return methodNotAllowed(method, path, 'GET, HEAD, PUT');
      if (!tenant)
        return problem(
          401,
          'Credential Required',
          "The tenant's webhook URLs are named by its credential: send the Authorization header the API is called with.",
        );
      if (read) return json(200, { tenant, urls: await context.tenantUrls(tenant), everyTenant: context.webhookUrls });
      if (!allowed) return forbidden(path);
      const urls = readUrls(body);
      if (!urls.ok) return problem(400, 'Bad Control Request', urls.detail);
      await context.setTenantUrls(tenant, urls.urls);
      return json(200, { tenant, urls: urls.urls, everyTenant: context.webhookUrls });
    }
    const notes = context.creditNotes;
    if (notes && (path === '/eccor-fgts/credit-notes' || path === '/eccor-fgts/credit-notes/')) {
      return read
        ? json(200, { creditNotes: await context.run(tenant, (scope) => notes.list(scope)) })
        : methodNotAllowed(method, path, 'GET, HEAD');
    }
    const match = notes ? CREDIT_NOTE.exec(path) : null;
    if (notes && match) {
      const id = safeDecode(match[1] as string);
      if (match[2]) {
        if (method !== 'POST') return methodNotAllowed(method, path, 'POST');
        if (!allowed) return forbidden(path);
        const target = readTarget(body);
        if (!target.ok) return problem(400, 'Bad Control Request', target.detail);
        return advanced(await context.run(tenant, (scope) => notes.advance(scope, id, target.target)), id, target.target);
      }
      if (!read) return methodNotAllowed(method, path, 'GET, HEAD');
      const note = await context.run(tenant, (scope) => notes.view(scope, id));
      return note ? json(200, note) : problem(404, 'Unknown Credit Note', `No credit note ${id} in the sandbox.`);
    }
    return problem(404, 'Not Found', `No sandbox route /_sandbox${path}.`, { routes: ROUTES });
  };
}
