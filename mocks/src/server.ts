/**
 * The mock server: one `node:http` server for every provider in generated/, each under `/<slug>/`.
 * Per request: route (a Map lookup, then the provider's templates), CORS, credential check, body (with a
 * size limit), validation, `Prefer`, then the answer chain (pipeline/handlers.ts). Everything that can be
 * computed from the specs was computed at start-up; the fast path writes prepared bytes.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadBundles, RESERVED_SEGMENTS } from './catalog/load.js';
import { answerHeaderNames, compileProvider, type Operation, type Provider } from './catalog/provider.js';
import { createCorsPolicy } from './http/cors.js';
import { DEFAULT_LIMITS, guardConnections, serverOptions, type ServerLimits } from './http/connection-guard.js';
import { foreignHost } from './http/host-check.js';
import {
  badPreference,
  internalError,
  methodNotAllowed,
  noSuchOperation,
  notFound,
  originNotAllowed,
  payloadTooLarge,
  sandboxNotEnabled,
} from './http/mock-errors.js';
import { readPreference } from './http/prefer.js';
import { redactAnswer } from './http/redact-answer.js';
import { mergeHeaders, prepare, type PreparedResponse } from './http/prepared-response.js';
import { announcesBody, readBody } from './http/read-body.js';
import { trackUnusedConnections } from './http/connections.js';
import { violationsHeader } from './http/violations-header.js';
import { silentLog, type RequestLog } from './http/request-log.js';
import { dynamicHandler, staticAnswer, type AnswerHandler, type Exchange } from './pipeline/handlers.js';
import { createProxy, type ContractReporter, type ProxyRequest } from './prism/proxy.js';
import { profileFor } from './providers/index.js';
import { createContractFiles, isContractPath } from './site/contracts.js';
import { docsAvailable, serveDocs } from './site/docs-static.js';
import { indexPage } from './site/index-page.js';
import { favicon, landingPage, wantsHtml } from './site/landing-page.js';
import { createAjvPair } from './validation/ajv-pair.js';
import { parseBody } from './validation/parse-body.js';
import type { Sandbox, SandboxFactory } from './sandbox/index.js';
import { consoleAnswerUnredacted } from './sandbox/console/routes.js';
import { createMockControl, type MockControlHandle } from './control/index.js';
import { isLoopbackHost } from './control/policy.js';
import type { TakenFault } from './control/faults.js';
import type { Outcome } from './control/deliver.js';

export interface MockOptions {
  /** Folder of `<slug>/openapi.json` bundles. */
  readonly generatedDir: string;
  /** Built docs served at `/docs` when they exist. */
  readonly docsDir: string;
  /** Largest request body accepted, in bytes. */
  readonly bodyLimit: number;
  /** Allowed browser origins; empty means loopback origins only; `*` means any (without credentials). */
  readonly corsOrigins: readonly string[];
  readonly log: RequestLog;
  /** Providers answered by a real upstream through Prism's validating proxy. */
  readonly proxies: Readonly<Record<string, URL>>;
  readonly reportContract: ContractReporter;
  /** Handlers tried before the built-in ones. */
  readonly handlers: readonly AnswerHandler[];
  /** `--sandbox`: built from the providers; its stateful handler goes first and it answers `/_sandbox/`. */
  readonly sandbox?: SandboxFactory | undefined;
  /** `--journal-size`: requests the journal keeps (default 1000; 0 keeps none). */
  readonly journalSize?: number | undefined;
  /** `--control`: `/_mock/` beyond a loopback bind (`true`), or nowhere (`false`); see control/policy.ts. */
  readonly control?: boolean | undefined;
  /** The journal's clock (ms since the epoch); `Date.now` by default. */
  readonly now?: (() => number) | undefined;
  /** Request/header timeouts and the connection cap (http/connection-guard.ts). */
  readonly limits?: ServerLimits | undefined;
}

export const defaultOptions: Omit<MockOptions, 'generatedDir' | 'docsDir'> = {
  bodyLimit: 1024 * 1024,
  corsOrigins: [],
  log: silentLog,
  proxies: {},
  reportContract: () => {},
  handlers: [],
};

/** The journal and fault methods (control/index.ts) come with the server. */
export interface MockServer extends MockControlHandle {
  readonly server: Server;
  /** Whether `/_mock/` is served: decided by `listen()`'s host and the `control` option (control/policy.ts). */
  readonly controlOpen: boolean;
  readonly providers: readonly Provider[];
  readonly sandbox: Sandbox | undefined;
  listen(port: number, host: string): Promise<AddressInfo>;
  close(): Promise<void>;
  /** Compiles every request validator, a few per event-loop turn, so that requests are never blocked long. */
  warmUp(): Promise<void>;
}

const NO_HEADERS: readonly string[] = [];
const EMPTY_ANSWER: PreparedResponse = prepare({ status: 200 });
function decodeParameter(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function createMockServer(options: MockOptions): MockServer {
  const ajv = createAjvPair();
  const providers = loadBundles(options.generatedDir).map(({ slug, doc }) => compileProvider(slug, doc, profileFor(slug)(doc), ajv));
  const bySlug = new Map(providers.map((provider) => [provider.slug, provider]));
  for (const slug of Object.keys(options.proxies))
    if (!bySlug.has(slug)) throw new Error(`--proxy names an unknown provider "${slug}" (known: ${[...bySlug.keys()].join(', ')})`);
  const proxies = new Map(
    Object.entries(options.proxies).map(([slug, upstream]) => [
      slug,
      createProxy(bySlug.get(slug) as Provider, upstream, options.reportContract),
    ]),
  );
  const cors = createCorsPolicy(options.corsOrigins, ['sl-violations', ...answerHeaderNames(providers)]);
  const sandbox = options.sandbox?.(providers);
  const handlers: readonly AnswerHandler[] = [...(sandbox ? [sandbox.handler] : []), ...options.handlers, dynamicHandler, staticAnswer];
  const { log, bodyLimit } = options;
  const control = createMockControl({ providers, journalSize: options.journalSize, now: options.now, control: options.control });
  const contracts = createContractFiles(options.generatedDir);

  const providerLinks = (origin: string) => providers.map((provider) => ({ slug: provider.slug, baseUrl: `${origin}/${provider.slug}` }));

  function originOf(req: IncomingMessage): string {
    const host = req.headers.host;
    if (host && /^[A-Za-z0-9.\-:[\]]+$/.test(host)) return `http://${host}`;
    const address = server.address();
    return address && typeof address === 'object'
      ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
      : 'http://127.0.0.1:4010';
  }

  /** A request of a provider, as the journal records it when it is answered. */
  interface Seen {
    readonly provider: Provider;
    readonly path: string;
    readonly query: URLSearchParams | undefined;
    readonly operation?: Operation | undefined;
    readonly template?: string | undefined;
    /** The parsed body (or its text), once read. */
    body?: unknown;
    readonly fault?: TakenFault | undefined;
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    started: number,
    answer: PreparedResponse,
    corsHeaders: readonly string[],
    providerHeaders: readonly string[] = NO_HEADERS,
    seen?: Seen,
  ): void {
    if (res.headersSent) return;
    const base = providerHeaders.length === 0 ? answer.headers : mergeHeaders(answer, providerHeaders);
    const headers = corsHeaders.length === 0 ? (base as string[]) : base.concat(corsHeaders);
    if (seen?.fault) {
      control.delivery.write(res, answer.status, headers, answer.body, seen.fault.effect, (outcome) =>
        answered(req, started, outcome, seen),
      );
      return;
    }
    res.writeHead(answer.status, headers);
    res.end(answer.body);
    answered(req, started, answer.status, seen);
  }

  function answered(req: IncomingMessage, started: number, outcome: Outcome, seen: Seen | undefined): void {
    log.line(req.method ?? 'GET', req.url ?? '/', outcome, performance.now() - started);
    if (!seen) return;
    const { provider, operation } = seen;
    control.journal.record({
      provider: provider.slug,
      method: req.method ?? 'GET',
      path: seen.path,
      template: seen.template ?? operation?.info.path,
      operationId: operation?.info.operationId,
      query: seen.query,
      headers: req.headers,
      body: seen.body,
      status: outcome,
    });
  }

  /** One request on its way through an operation; one object instead of a closure per step. */
  interface InFlight extends Seen {
    readonly req: IncomingMessage;
    readonly res: ServerResponse;
    readonly started: number;
    readonly corsHeaders: readonly string[];
    readonly provider: Provider;
    readonly operation: Operation;
    readonly path: string;
    readonly names: readonly string[];
    readonly values: readonly string[];
    readonly query: URLSearchParams | undefined;
  }

  function reply(flight: InFlight, answer: PreparedResponse): void {
    const extra = flight.provider.profile.extraHeaders?.(answer.status, flight.operation.info) ?? NO_HEADERS;
    send(flight.req, flight.res, flight.started, answer, flight.corsHeaders, extra, flight);
  }

  /** A fault with a `status` or `reset` answers in place of the operation: nothing after routing runs. */
  function answerFault(flight: InFlight, fault: TakenFault): Promise<void> {
    return readBody(flight.req, bodyLimit).then((read) => {
      if (read.kind === 'aborted') return;
      if (read.kind === 'ok') flight.body = journalBody(flight, read.bytes);
      send(flight.req, flight.res, flight.started, fault.answer ?? EMPTY_ANSWER, flight.corsHeaders, NO_HEADERS, flight);
    });
  }

  function journalBody(flight: InFlight, bytes: Buffer): unknown {
    const parsed = parseBody(bytes, flight.req.headers['content-type'], flight.provider.profile.lenientJson === true);
    return parsed.ok ? parsed.body.value : bytes.toString('utf8');
  }

  // The fast path stays synchronous: only a request with a body, or a handler that answers later
  // (Prism), goes through a promise.
  function answerOperation(flight: InFlight): void | Promise<void> {
    const failed = flight.operation.security.failure(flight.req.headers, flight.query);
    if (failed) return reply(flight, flight.operation.unauthorized(failed));
    if (!announcesBody(flight.req)) return answerWithBody(flight, undefined);
    return readBody(flight.req, bodyLimit).then((read) => {
      if (read.kind === 'aborted') return;
      if (read.kind === 'too-large') return reply(flight, payloadTooLarge(bodyLimit));
      if (read.kind === 'none') return answerWithBody(flight, undefined);
      if (!flight.operation.body) {
        flight.body = journalBody(flight, read.bytes);
        return answerWithBody(flight, undefined);
      }
      const parsed = parseBody(read.bytes, flight.req.headers['content-type'], flight.provider.profile.lenientJson === true);
      flight.body = parsed.ok ? parsed.body.value : read.bytes.toString('utf8');
      if (!parsed.ok) return reply(flight, flight.operation.malformed(parsed.mediaType, parsed.reason));
      return answerWithBody(flight, parsed.body);
    });
  }

  function answerWithBody(flight: InFlight, body: Exchange['body']): void | Promise<void> {
    const { operation, names, values } = flight;
    const pathParams: Record<string, string> = {};
    for (let i = 0; i < names.length; i++) pathParams[names[i] as string] = decodeParameter(values[i] as string);
    const violations = operation.validator.validate({ pathParams, query: flight.query, headers: flight.req.headers, body });
    if (violations.length > 0) {
      const answer = operation.invalid(violations);
      const listed = violationsHeader(
        violations.map((violation) => ({ location: [violation.location, ...violation.field], message: violation.message })),
      );
      return reply(flight, { ...answer, headers: [...answer.headers, 'sl-violations', listed] });
    }
    const preferred = readPreference(flight.req.headers.prefer, flight.query);
    if (!preferred.ok) return reply(flight, badPreference(preferred.detail));
    const exchange: Exchange = {
      provider: flight.provider,
      operation,
      path: flight.path,
      pathParams,
      query: flight.query,
      headers: flight.req.headers,
      body,
      preference: preferred.preference,
    };
    return runHandlers(flight, exchange, 0);
  }

  function runHandlers(flight: InFlight, exchange: Exchange, from: number): void | Promise<void> {
    for (let i = from; i < handlers.length; i++) {
      const result = (handlers[i] as AnswerHandler)(exchange);
      if (result instanceof Promise)
        return result.then((answer) => (answer ? reply(flight, answer) : runHandlers(flight, exchange, i + 1)));
      if (result) return reply(flight, result);
    }
  }

  async function proxyRequest(
    req: IncomingMessage,
    res: ServerResponse,
    started: number,
    corsHeaders: readonly string[],
    forward: (request: ProxyRequest) => Promise<PreparedResponse>,
    provider: Provider,
    path: string,
    search: string | undefined,
  ): Promise<void> {
    const read = await readBody(req, bodyLimit);
    if (read.kind === 'aborted') return;
    const query = search ? new URLSearchParams(search) : undefined;
    if (read.kind === 'too-large')
      return send(req, res, started, payloadTooLarge(bodyLimit), corsHeaders, NO_HEADERS, { provider, path, query });
    let body: unknown;
    if (read.kind === 'ok') {
      const text = read.bytes.toString('utf8');
      try {
        body = /json/i.test(req.headers['content-type'] ?? '') ? JSON.parse(text) : text;
      } catch {
        body = text;
      }
    }
    const answer = await forward({ method: req.method ?? 'GET', path, query, headers: req.headers, body });
    send(req, res, started, answer, corsHeaders, NO_HEADERS, { provider, path, query, body });
  }

  async function serveSite(
    req: IncomingMessage,
    res: ServerResponse,
    started: number,
    corsHeaders: readonly string[],
    fullPath: string,
    head: string,
    rest: string,
    search: string | undefined,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    if (fullPath === '/' && (method === 'GET' || method === 'HEAD')) {
      const page = wantsHtml(req.headers.accept)
        ? landingPage({ origin: originOf(req), providers, docs: docsAvailable(options.docsDir), sandbox: sandbox !== undefined })
        : indexPage(originOf(req), providers, docsAvailable(options.docsDir), sandbox !== undefined);
      return send(req, res, started, page, corsHeaders);
    }
    if (fullPath === '/favicon.ico' && (method === 'GET' || method === 'HEAD')) return send(req, res, started, favicon(), corsHeaders);
    if (head === 'docs' && (method === 'GET' || method === 'HEAD')) {
      if (rest === '') return send(req, res, started, prepare({ status: 301, headers: { Location: '/docs/' } }), corsHeaders);
      return send(req, res, started, await serveDocs(options.docsDir, rest), corsHeaders);
    }
    if (head === '_sandbox' && sandbox) return serveSandbox(req, res, started, corsHeaders, rest, search);
    if (head === '_mock') return serveControl(req, res, started, corsHeaders, rest, search);
    if (RESERVED_SEGMENTS.has(head)) return send(req, res, started, sandboxNotEnabled(), corsHeaders);
    return send(req, res, started, notFound(fullPath, providerLinks(originOf(req))), corsHeaders);
  }

  /**
   * The body of a `/_sandbox/` or `/_mock/` request, within the body limit; `undefined` when the request is
   * already answered (413) or gone (aborted).
   */
  async function readRouteBody(
    req: IncomingMessage,
    res: ServerResponse,
    started: number,
    corsHeaders: readonly string[],
  ): Promise<{ body: Buffer | undefined } | undefined> {
    const read = await readBody(req, bodyLimit);
    if (read.kind === 'aborted') return undefined;
    if (read.kind === 'too-large') {
      send(req, res, started, payloadTooLarge(bodyLimit), corsHeaders);
      return undefined;
    }
    return { body: read.kind === 'ok' ? read.bytes : undefined };
  }

  async function serveSandbox(
    req: IncomingMessage,
    res: ServerResponse,
    started: number,
    corsHeaders: readonly string[],
    rest: string,
    search: string | undefined,
  ): Promise<void> {
    if (rest === '/events' && req.method === 'GET') return (sandbox as Sandbox).events.serve(req, res, corsHeaders);
    const read = await readRouteBody(req, res, started, corsHeaders);
    if (!read) return;
    const query = search ? new URLSearchParams(search) : undefined;
    const answer = await (sandbox as Sandbox).routes({
      method: req.method ?? 'GET',
      path: rest,
      query,
      body: read.body,
      headers: req.headers,
      controlOpen: control.open,
      loopback: boundToLoopback,
    });
    send(req, res, started, consoleAnswerUnredacted(rest) ? answer : redactAnswer(answer), corsHeaders);
  }

  async function serveControl(
    req: IncomingMessage,
    res: ServerResponse,
    started: number,
    corsHeaders: readonly string[],
    rest: string,
    search: string | undefined,
  ): Promise<void> {
    const read = await readRouteBody(req, res, started, corsHeaders);
    if (!read) return;
    const query = search ? new URLSearchParams(search) : undefined;
    send(req, res, started, control.answer({ method: req.method ?? 'GET', path: rest, query, body: read.body }), corsHeaders);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void | Promise<void> {
    const started = performance.now();
    const target = req.url ?? '/';
    const method = req.method ?? 'GET';
    const question = target.indexOf('?');
    const fullPath = question === -1 ? target : target.slice(0, question);
    const search = question === -1 ? undefined : target.slice(question + 1);
    const origin = req.headers.origin;
    const corsHeaders = origin === undefined ? NO_HEADERS : (cors.headersFor(origin) ?? NO_HEADERS);

    const slash = fullPath.indexOf('/', 1);
    const head = slash === -1 ? fullPath.slice(1) : fullPath.slice(1, slash);
    const rest = slash === -1 ? '' : fullPath.slice(slash);
    const provider = bySlug.get(head);

    if (!provider) return serveSite(req, res, started, corsHeaders, fullPath, head, rest, search);

    const forward = proxies.get(provider.slug);
    if (forward) return proxyRequest(req, res, started, corsHeaders, forward, provider, rest, search);

    const query = search ? new URLSearchParams(search) : undefined;
    const route = rest === '' ? undefined : provider.route(rest.split('/').slice(1), rest);
    if (!route && isContractPath(rest) && (method === 'GET' || method === 'HEAD'))
      return contracts(provider.slug, rest).then((answer) => send(req, res, started, answer, corsHeaders));
    if (!route)
      return send(
        req,
        res,
        started,
        noSuchOperation(
          provider.slug,
          rest || '/',
          provider.paths.map((entry) => entry.template.template),
        ),
        corsHeaders,
        NO_HEADERS,
        { provider, path: rest, query },
      );
    const template = route.entry.template.template;

    if (method === 'OPTIONS') {
      const requestedMethod = req.headers['access-control-request-method'];
      if (origin !== undefined && requestedMethod !== undefined) {
        const preflight = cors.preflight(origin, route.entry.allow, req.headers['access-control-request-headers']);
        return send(
          req,
          res,
          started,
          preflight ? prepare({ status: 204 }) : originNotAllowed(origin),
          preflight ?? NO_HEADERS,
          NO_HEADERS,
          { provider, path: rest, query, template },
        );
      }
      if (!route.entry.methods.has('options'))
        return send(req, res, started, prepare({ status: 204, headers: { Allow: route.entry.allow } }), corsHeaders, NO_HEADERS, {
          provider,
          path: rest,
          query,
          template,
        });
    }
    const lower = method.toLowerCase();
    const operation = route.entry.methods.get(lower) ?? (lower === 'head' ? route.entry.methods.get('get') : undefined);
    if (!operation)
      return send(req, res, started, methodNotAllowed(method, `/${provider.slug}${template}`, route.entry.allow), corsHeaders, NO_HEADERS, {
        provider,
        path: rest,
        query,
        template,
      });
    // Faults come before credentials, the sandbox and `Prefer`: they stand for the network and the provider's bad day.
    const fault = control.faults.take(provider.slug, method.toUpperCase(), template);
    const flight: InFlight = {
      req,
      res,
      started,
      corsHeaders,
      provider,
      operation,
      path: rest,
      names: route.entry.template.parameterNames,
      values: route.values,
      query,
      fault,
      body: undefined,
    };
    return fault && (fault.answer || fault.effect.reset) ? answerFault(flight, fault) : answerOperation(flight);
  }

  // A bug must cost one answer, never the server.
  const failed = (req: IncomingMessage, res: ServerResponse, error: unknown): void =>
    send(req, res, performance.now(), internalError(error instanceof Error ? error.message : String(error)), NO_HEADERS);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const server = createHttpServer(serverOptions(limits), (req, res) => {
    const misdirected = foreignHost(req, server);
    if (misdirected) return send(req, res, performance.now(), misdirected, NO_HEADERS);
    try {
      const pending = handle(req, res);
      if (pending) pending.catch((error: unknown) => failed(req, res, error));
    } catch (error) {
      failed(req, res, error);
    }
  });
  // Answers are small and clients reuse connections: keep them open as long as the clients do.
  server.keepAliveTimeout = 65_000;
  guardConnections(server, limits);
  const unused = trackUnusedConnections(server);
  let boundToLoopback = false;

  return {
    server,
    providers,
    sandbox,
    ...control.handle,
    get controlOpen() {
      return control.open;
    },
    async listen(port, host) {
      control.bind(host);
      boundToLoopback = isLoopbackHost(host);
      // The sandbox's database is open and migrated before the first request (its errors are start-up errors).
      await sandbox?.ready;
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    close() {
      control.close();
      // An open event stream would keep server.close() waiting.
      sandbox?.events.closeAll();
      log.flush();
      // Every answer is sent after its commit: the sandbox's database closes once the last request is answered.
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        unused.drop();
      }).then(() => sandbox?.close());
    },
    async warmUp() {
      for (const provider of providers) {
        for (const operation of provider.operations) {
          operation.validator.compile();
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    },
  };
}
