/**
 * One request on its way through the mock: what it asks (method, path split at the provider prefix, query),
 * who asks (CORS headers for its origin), when it started, and what the journal records of it once answered.
 * One object per request, created before routing, replaces the positional parameters routes passed around;
 * `send` writes an answer, logs it and journals it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Operation, Provider } from '../catalog/provider.js';
import type { Outcome, Delivery } from '../control/deliver.js';
import type { TakenFault } from '../control/faults.js';
import type { Journal } from '../control/journal.js';
import type { CorsPolicy } from './cors.js';
import { mergeHeaders, type PreparedResponse } from './prepared-response.js';
import type { RequestLog } from './request-log.js';

export const NO_HEADERS: readonly string[] = [];
const NO_VALUES: readonly string[] = [];

/** What a request's answer goes through, the same for every request of a server. */
export interface AnswerSink {
  readonly cors: CorsPolicy;
  readonly log: RequestLog;
  readonly journal: Journal;
  readonly delivery: Delivery;
}

/** A request bound to the operation its route found (`RequestContext.toOperation`). */
export type OperationRequest = RequestContext & { readonly provider: Provider; readonly operation: Operation };

/** What routes match on: the request line, split once. */
export class RequestTarget {
  readonly method: string;
  /** The path without the query: `/eccor-fgts/api/operations/0196…`. */
  readonly path: string;
  /** The first segment: a provider's slug, `docs`, `_mock`… (`''` for `/`). */
  readonly head: string;
  /** The path after the first segment: `/api/operations/0196…` (`''` when there is none). */
  readonly rest: string;
  /** The query without `?`, `undefined` when the target has none. */
  readonly search: string | undefined;

  constructor(method: string | undefined, url: string | undefined) {
    const target = url ?? '/';
    const question = target.indexOf('?');
    const path = question === -1 ? target : target.slice(0, question);
    const slash = path.indexOf('/', 1);
    this.method = method ?? 'GET';
    this.path = path;
    this.head = slash === -1 ? path.slice(1) : path.slice(1, slash);
    this.rest = slash === -1 ? '' : path.slice(slash);
    this.search = question === -1 ? undefined : target.slice(question + 1);
  }
}

export class RequestContext extends RequestTarget {
  readonly started = performance.now();
  readonly origin: string | undefined;
  /** Added to every answer: the request's origin is allowed (cors.ts). */
  readonly corsHeaders: readonly string[];

  // The journal record: set when the request is a provider's (the journal keeps only those), filled as it is
  // routed and read.
  provider: Provider | undefined = undefined;
  template: string | undefined = undefined;
  operation: Operation | undefined = undefined;
  /** The parsed body (or its text), once read. */
  body: unknown = undefined;
  fault: TakenFault | undefined = undefined;
  /** The operation's path parameters: names in the template's order, and their raw values. */
  pathNames: readonly string[] = NO_VALUES;
  pathValues: readonly string[] = NO_VALUES;

  #query: URLSearchParams | undefined | null = null;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    private readonly sink: AnswerSink,
  ) {
    super(req.method, req.url);
    this.origin = req.headers.origin;
    this.corsHeaders = this.origin === undefined ? NO_HEADERS : (sink.cors.headersFor(this.origin) ?? NO_HEADERS);
  }

  /** The parsed query, parsed on first use; `undefined` when the target has none. */
  get query(): URLSearchParams | undefined {
    if (this.#query === null) this.#query = this.search ? new URLSearchParams(this.search) : undefined;
    return this.#query;
  }

  /** Journals the request as one of `provider`'s once it is answered. */
  recordAs(provider: Provider, template?: string): this {
    this.provider = provider;
    this.template = template;
    return this;
  }

  /** Binds the request to the operation its route found (after `recordAs`): its answer is that operation's. */
  toOperation(
    operation: Operation,
    pathNames: readonly string[],
    pathValues: readonly string[],
    fault: TakenFault | undefined,
  ): OperationRequest {
    if (!this.provider) throw new Error('toOperation() needs the provider: call recordAs() first');
    this.operation = operation;
    this.pathNames = pathNames;
    this.pathValues = pathValues;
    this.fault = fault;
    return this as OperationRequest;
  }

  /** Writes the answer with the CORS headers (and a provider's live headers), then logs and journals it. */
  send(answer: PreparedResponse, providerHeaders: readonly string[] = NO_HEADERS, corsHeaders = this.corsHeaders): void {
    if (this.res.headersSent) return;
    const base = providerHeaders.length === 0 ? answer.headers : mergeHeaders(answer, providerHeaders);
    const headers = corsHeaders.length === 0 ? (base as string[]) : base.concat(corsHeaders);
    if (this.fault) {
      this.sink.delivery.write(this.res, answer.status, headers, answer.body, this.fault.effect, (outcome) => this.answered(outcome));
      return;
    }
    this.res.writeHead(answer.status, headers);
    this.res.end(answer.body);
    this.answered(answer.status);
  }

  /** An answer outside the routes (a misdirected Host, a bug): no CORS headers, no journal entry. */
  sendPlain(answer: PreparedResponse): void {
    this.provider = undefined;
    this.fault = undefined;
    this.send(answer, NO_HEADERS, NO_HEADERS);
  }

  private answered(outcome: Outcome): void {
    const { req, provider, operation } = this;
    this.sink.log.line(this.method, req.url ?? '/', outcome, performance.now() - this.started);
    if (!provider) return;
    this.sink.journal.record({
      provider: provider.slug,
      method: this.method,
      path: this.rest,
      template: this.template ?? operation?.info.path,
      operationId: operation?.info.operationId,
      query: this.query,
      headers: req.headers,
      body: this.body,
      status: outcome,
    });
  }
}
