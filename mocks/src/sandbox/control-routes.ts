/**
 * The sandbox's control routes, under `/_sandbox/` — a prefix no provider can take (catalog/load.ts refuses
 * the slug). They are the mock's own: JSON answers, RFC 9457 problems for errors, no credential.
 *
 *   GET  /_sandbox/                                          what the sandbox runs: state file, webhook URLs,
 *                                                            delivery policy, counts, these routes
 *   GET  /_sandbox/deliveries[?subject=<credit note id>]     every webhook delivery: payload, attempts, last status
 *   GET  /_sandbox/eccor-fgts/credit-notes                   every credit note with its status, history, next steps
 *   GET  /_sandbox/eccor-fgts/credit-notes/{id}              one credit note
 *   POST /_sandbox/eccor-fgts/credit-notes/{id}/advance      a step a person or the provider takes by hand; body
 *                                                            {"to": 12} (code or name such as "SignatureValidation"),
 *                                                            {"step": "signatureValidation"} (the webhook's name),
 *                                                            or nothing when only one step is possible
 */
import type { PreparedResponse } from '../http/prepared-response.js';
import { json, problem } from './answers.js';
import type { AdvanceResult, CreditNoteDesk, CreditNoteView } from './eccor-fgts/credit-notes.js';
import type { Deliveries } from './webhooks/delivery.js';

export interface ControlRequest {
  readonly method: string;
  /** The path after `/_sandbox`: `''`, `/`, `/deliveries`, … */
  readonly path: string;
  readonly query: URLSearchParams | undefined;
  /** The request body, when there is one. */
  readonly body: Buffer | undefined;
}

export type ControlRoutes = (request: ControlRequest) => PreparedResponse;

export interface ControlContext {
  readonly deliveries: Deliveries;
  readonly creditNotes: CreditNoteDesk | undefined;
  /** What `GET /_sandbox/` reports besides the routes. */
  describe(): Record<string, unknown>;
}

export const ROUTES = [
  'GET /_sandbox/',
  'GET /_sandbox/deliveries?subject={creditNoteId}',
  'GET /_sandbox/eccor-fgts/credit-notes',
  'GET /_sandbox/eccor-fgts/credit-notes/{id}',
  'POST /_sandbox/eccor-fgts/credit-notes/{id}/advance  {"to": 12 | "SignatureValidation"} or {"step": "signatureValidation"}',
] as const;

const CREDIT_NOTE = /^\/eccor-fgts\/credit-notes\/([^/]+)(\/advance)?\/?$/;

function nextSteps(note: CreditNoteView): { legalNext: CreditNoteView['next'] } {
  return { legalNext: note.next };
}

function advanced(result: AdvanceResult, id: string, target: unknown): PreparedResponse {
  switch (result.kind) {
    case 'advanced':
      return json(200, { creditNoteId: result.note.id, from: result.from, to: result.to, status: result.note.status, statusDisplay: result.note.statusDisplay, deliveries: result.deliveries, creditNote: result.note });
    case 'unknown-note':
      return problem(404, 'Unknown Credit Note', `No credit note ${id} in the sandbox (POST /eccor-fgts/v1/CreditNote creates one).`);
    case 'unknown-target':
      return problem(400, 'Unknown Status', `${JSON.stringify(target)} is neither a CreditNoteStatus code or name nor a webhook name.`, { currentStatus: result.note.status, ...nextSteps(result.note) });
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
      return problem(409, 'Illegal Transition', `Credit note ${id} cannot go to ${result.to}: ${result.reason}.`, { currentStatus: result.note.status, ...nextSteps(result.note) });
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
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, detail: 'The body must be an object: {"to": 12} or {"step": "signatureValidation"}.' };
  const { to, step } = value as Record<string, unknown>;
  if (to !== undefined && step !== undefined) return { ok: false, detail: 'Send "to" or "step", not both.' };
  return { ok: true, target: to ?? step };
}

export function createControlRoutes(context: ControlContext): ControlRoutes {
  const methodNotAllowed = (method: string, path: string, allow: string): PreparedResponse =>
    problem(405, 'Method Not Allowed', `${method} is not a method of /_sandbox${path}.`, { allow: allow.split(', ') }, { Allow: allow });

  return ({ method, path, query, body }) => {
    const read = method === 'GET' || method === 'HEAD';
    if (path === '' || path === '/') return read ? json(200, { sandbox: true, ...context.describe(), routes: ROUTES }) : methodNotAllowed(method, path, 'GET, HEAD');
    if (path === '/deliveries' || path === '/deliveries/') {
      if (!read) return methodNotAllowed(method, path, 'GET, HEAD');
      const subject = query?.get('subject') ?? undefined;
      return json(200, { urls: context.deliveries.urls, policy: context.deliveries.policy, deliveries: context.deliveries.list(subject === '' ? undefined : subject) });
    }
    const notes = context.creditNotes;
    if (notes && (path === '/eccor-fgts/credit-notes' || path === '/eccor-fgts/credit-notes/')) {
      return read ? json(200, { creditNotes: notes.list() }) : methodNotAllowed(method, path, 'GET, HEAD');
    }
    const match = notes ? CREDIT_NOTE.exec(path) : null;
    if (notes && match) {
      const id = safeDecode(match[1] as string);
      if (match[2]) {
        if (method !== 'POST') return methodNotAllowed(method, path, 'POST');
        const target = readTarget(body);
        if (!target.ok) return problem(400, 'Bad Control Request', target.detail);
        return advanced(notes.advance(id, target.target), id, target.target);
      }
      if (!read) return methodNotAllowed(method, path, 'GET, HEAD');
      const note = notes.view(id);
      return note ? json(200, note) : problem(404, 'Unknown Credit Note', `No credit note ${id} in the sandbox.`);
    }
    return problem(404, 'Not Found', `No sandbox route /_sandbox${path}.`, { routes: ROUTES });
  };
}
