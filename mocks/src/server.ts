/**
 * The mock server: one `node:http` server for every provider in generated/, each under `/<slug>/`.
 * Per request: route (a Map lookup, then the provider's templates), CORS, credential check, body (with a
 * size limit), validation, `Prefer`, then the answer chain (pipeline/handlers.ts). Everything that can be
 * computed from the specs was computed at start-up; the fast path writes prepared bytes.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadBundles, RESERVED_SEGMENTS } from './catalog/load.js';
import { answerHeaderNames, compileProvider, type Provider } from './catalog/provider.js';
import { createCorsPolicy } from './http/cors.js';
import { DEFAULT_LIMITS, guardConnections, serverOptions, type ServerLimits } from './http/connection-guard.js';
import { foreignHost } from './http/host-check.js';
import {
  internalError,
  methodNotAllowed,
  noSuchOperation,
  notFound,
  originNotAllowed,
  payloadTooLarge,
  sandboxNotEnabled,
} from './http/mock-errors.js';
import { redactAnswer } from './http/redact-answer.js';
import { NO_HEADERS, RequestContext, type AnswerSink } from './http/request-context.js';
import { prepare, type PreparedResponse } from './http/prepared-response.js';
import { readBody } from './http/read-body.js';
import { trackUnusedConnections } from './http/connections.js';
import { silentLog, type RequestLog } from './http/request-log.js';
import { dynamicHandler, staticAnswer, type AnswerHandler } from './pipeline/handlers.js';
import { createOperationPipeline } from './pipeline/operation.js';
import { createProxy, type ContractReporter, type ProxyRequest } from './prism/proxy.js';
import { profileFor } from './providers/index.js';
import { createContractFiles, isContractPath } from './site/contracts.js';
import { docsAvailable, serveDocs } from './site/docs-static.js';
import { indexPage } from './site/index-page.js';
import { favicon, landingPage, wantsHtml } from './site/landing-page.js';
import { createAjvPair } from './validation/ajv-pair.js';
import type { Sandbox, SandboxFactory } from './sandbox/index.js';
import { consoleAnswerUnredacted } from './sandbox/console/routes.js';
import { createMockControl, type MockControlHandle } from './control/index.js';
import { isLoopbackHost } from './control/policy.js';

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

  const sink: AnswerSink = { cors, log, journal: control.journal, delivery: control.delivery };
  const answerOperation = createOperationPipeline(handlers, bodyLimit);

  async function proxyRequest(ctx: RequestContext, forward: (request: ProxyRequest) => Promise<PreparedResponse>): Promise<void> {
    const { req } = ctx;
    const read = await readBody(req, bodyLimit);
    if (read.kind === 'aborted') return;
    if (read.kind === 'too-large') return ctx.send(payloadTooLarge(bodyLimit));
    if (read.kind === 'ok') {
      const text = read.bytes.toString('utf8');
      try {
        ctx.body = /json/i.test(req.headers['content-type'] ?? '') ? JSON.parse(text) : text;
      } catch {
        ctx.body = text;
      }
    }
    const answer = await forward({ method: ctx.method, path: ctx.rest, query: ctx.query, headers: req.headers, body: ctx.body });
    ctx.send(answer);
  }

  async function serveSite(ctx: RequestContext): Promise<void> {
    const { req, method, head, rest } = ctx;
    if (ctx.path === '/' && (method === 'GET' || method === 'HEAD')) {
      const page = wantsHtml(req.headers.accept)
        ? landingPage({ origin: originOf(req), providers, docs: docsAvailable(options.docsDir), sandbox: sandbox !== undefined })
        : indexPage(originOf(req), providers, docsAvailable(options.docsDir), sandbox !== undefined);
      return ctx.send(page);
    }
    if (ctx.path === '/favicon.ico' && (method === 'GET' || method === 'HEAD')) return ctx.send(favicon());
    if (head === 'docs' && (method === 'GET' || method === 'HEAD')) {
      if (rest === '') return ctx.send(prepare({ status: 301, headers: { Location: '/docs/' } }));
      return ctx.send(await serveDocs(options.docsDir, rest));
    }
    if (head === '_sandbox' && sandbox) return serveSandbox(ctx);
    if (head === '_mock') return serveControl(ctx);
    if (RESERVED_SEGMENTS.has(head)) return ctx.send(sandboxNotEnabled());
    return ctx.send(notFound(ctx.path, providerLinks(originOf(req))));
  }

  /**
   * The body of a `/_sandbox/` or `/_mock/` request, within the body limit; `undefined` when the request is
   * already answered (413) or gone (aborted).
   */
  async function readRouteBody(ctx: RequestContext): Promise<{ body: Buffer | undefined } | undefined> {
    const read = await readBody(ctx.req, bodyLimit);
    if (read.kind === 'aborted') return undefined;
    if (read.kind === 'too-large') {
      ctx.send(payloadTooLarge(bodyLimit));
      return undefined;
    }
    return { body: read.kind === 'ok' ? read.bytes : undefined };
  }

  async function serveSandbox(ctx: RequestContext): Promise<void> {
    const { req, rest } = ctx;
    if (rest === '/events' && req.method === 'GET') return (sandbox as Sandbox).events.serve(req, ctx.res, ctx.corsHeaders);
    const read = await readRouteBody(ctx);
    if (!read) return;
    const answer = await (sandbox as Sandbox).routes({
      method: ctx.method,
      path: rest,
      query: ctx.query,
      body: read.body,
      headers: req.headers,
      controlOpen: control.open,
      loopback: boundToLoopback,
    });
    ctx.send(consoleAnswerUnredacted(rest) ? answer : redactAnswer(answer));
  }

  async function serveControl(ctx: RequestContext): Promise<void> {
    const read = await readRouteBody(ctx);
    if (!read) return;
    ctx.send(control.answer({ method: ctx.method, path: ctx.rest, query: ctx.query, body: read.body }));
  }

  function handle(ctx: RequestContext): void | Promise<void> {
    const { req, method, rest } = ctx;
    const provider = bySlug.get(ctx.head);
    if (!provider) return serveSite(ctx);

    const forward = proxies.get(provider.slug);
    if (forward) return proxyRequest(ctx.recordAs(provider), forward);

    const route = rest === '' ? undefined : provider.route(rest.split('/').slice(1), rest);
    if (!route && isContractPath(rest) && (method === 'GET' || method === 'HEAD'))
      return contracts(provider.slug, rest).then((answer) => ctx.send(answer));
    if (!route)
      return ctx.recordAs(provider).send(
        noSuchOperation(
          provider.slug,
          rest || '/',
          provider.paths.map((entry) => entry.template.template),
        ),
      );
    const template = route.entry.template.template;
    ctx.recordAs(provider, template);

    if (method === 'OPTIONS') {
      const requestedMethod = req.headers['access-control-request-method'];
      if (ctx.origin !== undefined && requestedMethod !== undefined) {
        const preflight = cors.preflight(ctx.origin, route.entry.allow, req.headers['access-control-request-headers']);
        return ctx.send(preflight ? prepare({ status: 204 }) : originNotAllowed(ctx.origin), NO_HEADERS, preflight ?? NO_HEADERS);
      }
      if (!route.entry.methods.has('options')) return ctx.send(prepare({ status: 204, headers: { Allow: route.entry.allow } }));
    }
    const lower = method.toLowerCase();
    const operation = route.entry.methods.get(lower) ?? (lower === 'head' ? route.entry.methods.get('get') : undefined);
    if (!operation) return ctx.send(methodNotAllowed(method, `/${provider.slug}${template}`, route.entry.allow));
    // Faults come before credentials, the sandbox and `Prefer`: they stand for the network and the provider's bad day.
    const fault = control.faults.take(provider.slug, method.toUpperCase(), template);
    return answerOperation(ctx.toOperation(operation, route.entry.template.parameterNames, route.values, fault));
  }

  // A bug must cost one answer, never the server.
  const failed = (ctx: RequestContext, error: unknown): void =>
    ctx.sendPlain(internalError(error instanceof Error ? error.message : String(error)));
  const limits = options.limits ?? DEFAULT_LIMITS;
  const server = createHttpServer(serverOptions(limits), (req, res) => {
    const ctx = new RequestContext(req, res, sink);
    const misdirected = foreignHost(req, server);
    if (misdirected) return ctx.sendPlain(misdirected);
    try {
      const pending = handle(ctx);
      if (pending) pending.catch((error: unknown) => failed(ctx, error));
    } catch (error) {
      failed(ctx, error);
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
