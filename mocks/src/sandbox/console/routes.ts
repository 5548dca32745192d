/**
 * The console's routes under `/_sandbox/` (control-routes.ts hands them the request first):
 *
 *   GET  /_sandbox/               with `Accept: text/html`: the console page (JSON clients get the JSON as before)
 *   GET  /_sandbox/console.js     its script; GET /_sandbox/console.css: its styles
 *   GET  /_sandbox/tenants        the tenants seen so far — on a loopback bind only (an empty list beyond)
 *   GET  /_sandbox/overview       one tenant's records, timelines, deliveries and URLs (console/overview.ts)
 *   POST /_sandbox/webhooks/pause  {"url": "…"}   holds the tenant's deliveries to one of its URLs
 *   POST /_sandbox/webhooks/resume {"url": "…"}   lets them go, at once
 *   GET  /_sandbox/events         server-sent events (console/events.ts; served by the server, it streams)
 *
 * Whose records: the tenant of the request's credential (client id + secret as Basic, or the token as
 * Bearer); on a loopback bind also `?tenant=<tenant>` (a tenant of the picker). Beyond loopback there is no
 * list and no `?tenant=`: a tenant is shown only to who presents its credential.
 */
import { json, problem } from '../answers.js';
import type { PreparedResponse } from '../../http/prepared-response.js';
import { prepare } from '../../http/prepared-response.js';
import { wantsHtml } from '../../site/landing-page.js';
import { CONSOLE_CSS, CONSOLE_HTML, CONSOLE_JS, CONSOLE_SECURITY_HEADERS } from './page.js';

export interface ConsoleContext {
  tenants(): Promise<string[]>;
  overview(tenant: string): Promise<unknown>;
  /** Whether `url` is one of the tenant's (its own or the sandbox's): only those can be held. */
  hold(tenant: string, url: string, held: boolean): Promise<'ok' | 'not-its-url'>;
}

export interface ConsoleRequest {
  readonly method: string;
  readonly path: string;
  readonly body: Buffer | undefined;
  readonly accept: string | undefined;
  /** The tenant the request acts for (credential, or `?tenant=` on loopback); `null` when none. */
  readonly tenant: string | null;
  readonly loopback: boolean;
  readonly controlOpen: boolean;
}

const asset = (body: string, type: string): PreparedResponse =>
  prepare({ status: 200, mediaType: type, body, headers: { 'Cache-Control': 'no-cache', ...CONSOLE_SECURITY_HEADERS } });
const PAGE = asset(CONSOLE_HTML, 'text/html; charset=utf-8');
const SCRIPT = asset(CONSOLE_JS, 'text/javascript; charset=utf-8');
const STYLES = asset(CONSOLE_CSS, 'text/css; charset=utf-8');

function readUrl(body: Buffer | undefined): string | undefined {
  try {
    const value = JSON.parse(body?.toString('utf8') ?? '') as unknown;
    const url = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).url : undefined;
    return typeof url === 'string' ? new URL(url).href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The console's reads answer unredacted (server.ts redacts the other sandbox answers): the redactor's
 * name heuristics would blank what the page needs to name things — `token:<hash>` tenants, INSS `debt_key`s
 * and `credit_operation_key`s — and what they show is the tenant's own sandbox data, to its own credential
 * (or to the machine itself, on loopback).
 */
export function consoleAnswerUnredacted(path: string): boolean {
  return path === '/tenants' || path === '/overview';
}

const credentialRequired = (): PreparedResponse =>
  problem(
    401,
    'Credential Required',
    "Send the tenant's credential: its client id and secret (Authorization: Basic) or its token (Authorization: Bearer). On a loopback bind, ?tenant=<tenant> names one of GET /_sandbox/tenants.",
  );

/** The console's answer, or `undefined` for a route of control-routes.ts. */
export async function consoleRoute(request: ConsoleRequest, context: ConsoleContext): Promise<PreparedResponse | undefined> {
  const { method, path, tenant } = request;
  const read = method === 'GET' || method === 'HEAD';
  if ((path === '' || path === '/') && read && wantsHtml(request.accept)) return PAGE;
  if (path === '/console.js') return read ? SCRIPT : undefined;
  if (path === '/console.css') return read ? STYLES : undefined;
  if (path === '/tenants') {
    if (!read) return problem(405, 'Method Not Allowed', `${method} is not a method of /_sandbox/tenants.`, {}, { Allow: 'GET, HEAD' });
    // Beyond loopback: an empty list that says why (not an error: the console asks on every load).
    if (!request.loopback)
      return json(200, {
        listed: false,
        tenants: [],
        detail:
          'Beyond a loopback bind the sandbox lists no tenant: present your own credential to see your records (GET /_sandbox/overview).',
      });
    return json(200, { listed: true, tenants: await context.tenants() });
  }
  if (path === '/overview') {
    if (!read) return problem(405, 'Method Not Allowed', `${method} is not a method of /_sandbox/overview.`, {}, { Allow: 'GET, HEAD' });
    if (!tenant) return credentialRequired();
    return json(200, await context.overview(tenant));
  }
  const hold = /^\/webhooks\/(pause|resume)\/?$/.exec(path);
  if (hold) {
    if (method !== 'POST')
      return problem(405, 'Method Not Allowed', `${method} is not a method of /_sandbox${path}.`, {}, { Allow: 'POST' });
    if (!request.controlOpen)
      return problem(
        403,
        'Control Routes Disabled',
        `/_sandbox${path} changes the sandbox's state: it answers on a loopback bind, and beyond only when the mock runs with --control.`,
      );
    if (!tenant) return credentialRequired();
    const url = readUrl(request.body);
    if (!url) return problem(400, 'Bad Control Request', 'The body must be {"url": "https://…"}, one of the tenant\'s webhook URLs.');
    const held = hold[1] === 'pause';
    if ((await context.hold(tenant, url, held)) === 'not-its-url')
      return problem(404, 'Unknown Webhook URL', `${url} is not one of this tenant's webhook URLs (GET /_sandbox/overview lists them).`);
    return json(200, { tenant, url, held });
  }
  return undefined;
}
