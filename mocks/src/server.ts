/**
 * The mock server: one `node:http` server for every provider in generated/, each under `/<slug>/`. This file
 * is the wiring: it compiles the providers, builds the routing table (routing/mock-routes.ts) and the
 * operation pipeline (pipeline/operation.ts), and owns listen/close. Per request: one RequestContext
 * (http/request-context.ts: target, CORS headers, journal record), the first route that matches answers.
 * Everything that can be computed from the specs was computed at start-up; the fast path writes prepared bytes.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadBundles } from './catalog/load.js';
import { answerHeaderNames, compileProvider, type Provider } from './catalog/provider.js';
import { createCorsPolicy } from './http/cors.js';
import { DEFAULT_LIMITS, guardConnections, serverOptions, type ServerLimits } from './http/connection-guard.js';
import { foreignHost } from './http/host-check.js';
import { internalError } from './http/mock-errors.js';
import { originOf } from './http/origin.js';
import { RequestContext, type AnswerSink } from './http/request-context.js';
import { trackUnusedConnections } from './http/connections.js';
import { silentLog, type RequestLog } from './http/request-log.js';
import { dynamicHandler, staticAnswer, type AnswerHandler } from './pipeline/handlers.js';
import { createOperationPipeline } from './pipeline/operation.js';
import { mockRoutes } from './routing/mock-routes.js';
import type { ProxiedProvider } from './routing/provider-routes.js';
import { createRouter, type Router } from './routing/router.js';
import { createProxy, type ContractReporter } from './prism/proxy.js';
import { profileFor } from './providers/index.js';
import { createContractFiles } from './site/contracts.js';
import { createAjvPair } from './validation/ajv-pair.js';
import type { Sandbox, SandboxFactory } from './sandbox/index.js';
import { createMockControl, type MockControl, type MockControlHandle } from './control/index.js';
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

/** Every provider of the specs folder, compiled (validators compile on first use, or in `warmUp()`). */
function loadProviders(generatedDir: string): Provider[] {
  const ajv = createAjvPair();
  return loadBundles(generatedDir).map(({ slug, doc }) => compileProvider(slug, doc, profileFor(slug)(doc), ajv));
}

/** The `--proxy` providers with their validating proxies; an unknown slug is a start-up error. */
function proxiedProviders(bySlug: ReadonlyMap<string, Provider>, options: MockOptions): Map<string, ProxiedProvider> {
  const proxies = new Map<string, ProxiedProvider>();
  for (const [slug, upstream] of Object.entries(options.proxies)) {
    const provider = bySlug.get(slug);
    if (!provider) throw new Error(`--proxy names an unknown provider "${slug}" (known: ${[...bySlug.keys()].join(', ')})`);
    proxies.set(slug, { provider, forward: createProxy(provider, upstream, options.reportContract) });
  }
  return proxies;
}

/** Routes every request; a bug costs one answer (500), never the server. */
function answerRequests(server: Server, router: Router, sink: AnswerSink): (req: IncomingMessage, res: ServerResponse) => void {
  const failed = (request: RequestContext, error: unknown): void =>
    request.sendPlain(internalError(error instanceof Error ? error.message : String(error)));
  return (req, res) => {
    const request = new RequestContext(req, res, sink);
    const misdirected = foreignHost(req, server);
    if (misdirected) return request.sendPlain(misdirected);
    try {
      const pending = router.serve(request);
      if (pending) pending.catch((error: unknown) => failed(request, error));
    } catch (error) {
      failed(request, error);
    }
  };
}

function listenOn(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Stops what waits (fault delays, event streams, the log), then the server once its last answer is out, then the sandbox. */
function closeMock(parts: {
  server: Server;
  unused: ReturnType<typeof trackUnusedConnections>;
  control: MockControl;
  sandbox: Sandbox | undefined;
  log: RequestLog;
}): Promise<void> {
  const { server, unused, control, sandbox, log } = parts;
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
}

/** Compiles every request validator, one per event-loop turn. */
async function warmUpValidators(providers: readonly Provider[]): Promise<void> {
  for (const provider of providers) {
    for (const operation of provider.operations) {
      operation.validator.compile();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

export function createMockServer(options: MockOptions): MockServer {
  const providers = loadProviders(options.generatedDir);
  const bySlug = new Map(providers.map((provider) => [provider.slug, provider]));
  const proxies = proxiedProviders(bySlug, options);
  const cors = createCorsPolicy(options.corsOrigins, ['sl-violations', ...answerHeaderNames(providers)]);
  const sandbox = options.sandbox?.(providers);
  const handlers: readonly AnswerHandler[] = [...(sandbox ? [sandbox.handler] : []), ...options.handlers, dynamicHandler, staticAnswer];
  const { log, bodyLimit, docsDir } = options;
  const control = createMockControl({ providers, journalSize: options.journalSize, now: options.now, control: options.control });
  let boundToLoopback = false;
  const router = createRouter(
    mockRoutes({
      providers,
      bySlug,
      proxies,
      cors,
      control,
      sandbox,
      docsDir,
      bodyLimit,
      boundToLoopback: () => boundToLoopback,
      originOf: (req) => originOf(req, server),
      answerOperation: createOperationPipeline(handlers, bodyLimit),
      contracts: createContractFiles(options.generatedDir),
    }),
  );
  const limits = options.limits ?? DEFAULT_LIMITS;
  const server = createHttpServer(serverOptions(limits));
  server.on('request', answerRequests(server, router, { cors, log, journal: control.journal, delivery: control.delivery }));
  // Answers are small and clients reuse connections: keep them open as long as the clients do.
  server.keepAliveTimeout = 65_000;
  guardConnections(server, limits);
  const unused = trackUnusedConnections(server);

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
      return listenOn(server, port, host);
    },
    close: () => closeMock({ server, unused, control, sandbox, log }),
    warmUp: () => warmUpValidators(providers),
  };
}
