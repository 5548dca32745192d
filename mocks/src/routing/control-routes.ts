/**
 * The test-double routes: `/_sandbox/…` (the sandbox's console, state and event stream, with `--sandbox`) and
 * `/_mock/…` (journal and faults; control/routes.ts decides whether they are open). Both read a body within
 * the server's limit before they answer.
 */
import type { MockControl } from '../control/index.js';
import { payloadTooLarge } from '../http/mock-errors.js';
import { readBody } from '../http/read-body.js';
import { redactAnswer } from '../http/redact-answer.js';
import type { RequestContext } from '../http/request-context.js';
import { consoleAnswerUnredacted } from '../sandbox/console/routes.js';
import type { Sandbox } from '../sandbox/index.js';
import type { Route } from './router.js';

/**
 * The body of a `/_sandbox/` or `/_mock/` request, within the body limit; `undefined` when the request is
 * already answered (413) or gone (aborted).
 */
async function readRouteBody(request: RequestContext, bodyLimit: number): Promise<{ body: Buffer | undefined } | undefined> {
  const read = await readBody(request.req, bodyLimit);
  if (read.kind === 'aborted') return undefined;
  if (read.kind === 'too-large') {
    request.send(payloadTooLarge(bodyLimit));
    return undefined;
  }
  return { body: read.kind === 'ok' ? read.bytes : undefined };
}

export interface SandboxRouteDependencies {
  readonly sandbox: Sandbox;
  readonly control: MockControl;
  readonly bodyLimit: number;
  /** Whether the server listens on a loopback address (known once `listen()` is called). */
  readonly boundToLoopback: () => boolean;
}

export function sandboxRoute({ sandbox, control, bodyLimit, boundToLoopback }: SandboxRouteDependencies): Route<true> {
  return {
    name: 'sandbox',
    match: (target) => target.head === '_sandbox' || undefined,
    async serve(request) {
      const { req, rest } = request;
      if (rest === '/events' && request.method === 'GET') return sandbox.events.serve(req, request.res, request.corsHeaders);
      const read = await readRouteBody(request, bodyLimit);
      if (!read) return;
      const answer = await sandbox.routes({
        method: request.method,
        path: rest,
        query: request.query,
        body: read.body,
        headers: req.headers,
        controlOpen: control.open,
        loopback: boundToLoopback(),
      });
      request.send(consoleAnswerUnredacted(rest) ? answer : redactAnswer(answer));
    },
  };
}

export function controlRoute(control: MockControl, bodyLimit: number): Route<true> {
  return {
    name: 'control',
    match: (target) => target.head === '_mock' || undefined,
    async serve(request) {
      const read = await readRouteBody(request, bodyLimit);
      if (!read) return;
      request.send(control.answer({ method: request.method, path: request.rest, query: request.query, body: read.body }));
    },
  };
}
