/**
 * `startMockServer(options)`: the mock as a test runner starts it (a vitest/jest `globalSetup`, a script),
 * and what the CLI runs. Typed options with the CLI's defaults except two: `port` 0 (a free port) and
 * `quiet` true. Bad options throw a `MockServerOptionsError` before anything listens.
 */
import { appendFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequestLog } from './http/request-log.js';
import { assertPrismInstalled } from './prism/engine.js';
import type { ContractReport, ContractReporter } from './prism/proxy.js';
import { sandbox, StorageError, type SandboxFactory } from './sandbox/index.js';
import { createMockServer, defaultOptions, type MockServer } from './server.js';
import { MAX_JOURNAL_SIZE, type MockControlHandle } from './control/index.js';
import { defaultSpecsDir } from './specs-location.js';

export class MockServerOptionsError extends Error {
  override name = 'MockServerOptionsError';
}

export interface MockSandboxOptions {
  /** An embedded database in this folder (created when missing); in memory without it or `databaseUrl`. */
  readonly dataDir?: string | undefined;
  /** `postgres://…`: a PostgreSQL server, for one sandbox shared by several processes. */
  readonly databaseUrl?: string | undefined;
  /** Gone: refused, naming `dataDir` and `credit-apis-mock import-state`. */
  readonly stateFile?: string | undefined;
  /** Where every status-change notification is POSTed (http or https URLs). */
  readonly webhookUrls?: readonly (string | URL)[] | undefined;
  /** Timeout of one delivery attempt, in ms (5000). */
  readonly webhookTimeoutMs?: number | undefined;
  /** Failed attempts in a row after which a URL is paused (5). */
  readonly webhookAttempts?: number | undefined;
}

export interface MockServerOptions {
  /** Port to bind; 0 (the default) picks a free one. */
  readonly port?: number | undefined;
  /** Address to bind (default 127.0.0.1: loopback only). */
  readonly host?: string | undefined;
  /** No request log lines (default true). */
  readonly quiet?: boolean | undefined;
  /** Where the request log goes when `quiet` is false (default: standard output). */
  readonly logTo?: ((text: string) => void) | undefined;
  /** Browser origins allowed to call the mock; empty (the default) means loopback origins only; `*` any. */
  readonly corsOrigins?: readonly string[] | undefined;
  /** Largest request body, in bytes (1 MiB). */
  readonly bodyLimit?: number | undefined;
  /** Providers forwarded to a real environment through Prism's validating proxy: `{ 'eccor-fgts': 'https://…' }`. */
  readonly proxies?: Readonly<Record<string, string | URL>> | undefined;
  /** With `proxies`: also append each contract violation to this JSON-lines file. */
  readonly proxyReport?: string | undefined;
  /** With `proxies`: called with each contract violation (default: one line per violation on standard error). */
  readonly onContractReport?: ContractReporter | undefined;
  /** Stateful flows (`true`, or the sandbox's settings); off by default. */
  readonly sandbox?: boolean | MockSandboxOptions | undefined;
  /** Folder of `<slug>/openapi.json` bundles (default: the installed `@credit-apis/specs`). */
  readonly specsDir?: string | undefined;
  /** Built reference docs served at `/docs/` (default: none). */
  readonly docsDir?: string | undefined;
  /** Requests the journal keeps (`requests()`, `GET /_mock/requests`): default 1000; 0 keeps none. */
  readonly journalSize?: number | undefined;
  /**
   * The control routes `/_mock/` (journal, faults) are served on a loopback `host` only, unless this is
   * `true` (any host); `false` closes them everywhere. The methods of the handle work either way.
   */
  readonly control?: boolean | undefined;
  /** Clock of the journal's `time` (ms since the epoch; default `Date.now`), for reproducible assertions. */
  readonly now?: (() => number) | undefined;
}

export interface MockProviderInfo {
  readonly slug: string;
  readonly title: string;
  /** `http://127.0.0.1:<port>/<slug>`: the base URL a client of this provider is given. */
  readonly url: string;
}

/**
 * The running mock. Besides its address: the request journal and faults on demand, the same as
 * `/_mock/requests` and `/_mock/faults` (see the README, "Testing your integration"):
 *
 * - `requests(filter?)` the requests answered, oldest first (credentials and CPFs redacted), filtered by
 *   `provider`, `method`, `path` (as sent or as the spec's template) and `operationId`; `clearRequests()`;
 * - `fault(spec)` adds a fault and returns its id (throws `FaultSpecError` naming the bad field);
 *   `faults()`, `removeFault(id)`, `clearFaults()`.
 */
export interface RunningMockServer extends MockControlHandle {
  /** `http://127.0.0.1:<port>` (IPv6 hosts in brackets). */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly providers: readonly MockProviderInfo[];
  /** One line describing the sandbox, when it is on. */
  readonly sandboxSummary: string | undefined;
  /** Whether `/_mock/` is served over HTTP (see `control`). */
  readonly controlOpen: boolean;
  /** Stops listening, ends idle connections and, with the sandbox, closes its database (after the last answer). */
  close(): Promise<void>;
}

export const SANDBOX_LIMITS = { webhookTimeoutMs: 600_000, webhookAttempts: 20 } as const;

function whole(value: number | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new MockServerOptionsError(`${name} must be a whole number from ${min} to ${max}, got ${String(value)}`);
  return value;
}

function toUrl(raw: string | URL, what: string): URL {
  if (raw instanceof URL) return raw;
  try {
    return new URL(raw);
  } catch {
    throw new MockServerOptionsError(`${what}: "${raw}" is not a URL`);
  }
}

function sandboxFactory(setting: MockServerOptions['sandbox']): SandboxFactory | undefined {
  if (setting === undefined || setting === false) return undefined;
  const settings: MockSandboxOptions = setting === true ? {} : setting;
  const webhookUrls = (settings.webhookUrls ?? []).map((raw) => {
    const url = toUrl(raw, 'webhook URL');
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new MockServerOptionsError(`a webhook URL must be http(s), got "${url.href}"`);
    return url;
  });
  return sandbox({
    stateFile: settings.stateFile,
    dataDir: settings.dataDir,
    databaseUrl: settings.databaseUrl,
    webhookUrls,
    delivery: {
      timeoutMs: whole(settings.webhookTimeoutMs, 'webhookTimeoutMs', 1, SANDBOX_LIMITS.webhookTimeoutMs),
      maxAttempts: whole(settings.webhookAttempts, 'webhookAttempts', 1, SANDBOX_LIMITS.webhookAttempts),
    },
  });
}

function contractReporter(reportFile: string | undefined): ContractReporter {
  return (report: ContractReport) => {
    for (const violation of report.violations) {
      process.stderr.write(
        `contract ${violation.severity}: ${report.provider} ${report.method} ${report.path} → ${report.status}: ${violation.side} ${violation.location ? `${violation.location} ` : ''}${violation.message}\n`,
      );
    }
    if (reportFile) appendFileSync(reportFile, `${JSON.stringify({ time: new Date().toISOString(), ...report })}\n`);
  };
}

function baseUrl(address: AddressInfo): string {
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
}

/** Builds the server from the options without listening (the CLI and startMockServer share it). */
export function buildMockServer(options: MockServerOptions = {}): MockServer {
  const bodyLimit = whole(options.bodyLimit, 'bodyLimit', 0, Number.MAX_SAFE_INTEGER) ?? defaultOptions.bodyLimit;
  const proxies: Record<string, URL> = {};
  for (const [slug, upstream] of Object.entries(options.proxies ?? {})) proxies[slug] = toUrl(upstream, `proxy ${slug}`);
  if (Object.keys(proxies).length > 0)
    assertPrismInstalled('the validating proxy (--proxy)', (message) => new MockServerOptionsError(message));
  const specsDir = options.specsDir ?? defaultSpecsDir((message) => new MockServerOptionsError(message));
  let mock: MockServer;
  try {
    mock = createMockServer({
      ...defaultOptions,
      generatedDir: specsDir,
      docsDir: options.docsDir ?? '',
      bodyLimit,
      corsOrigins: options.corsOrigins ?? [],
      log: options.quiet === false ? createRequestLog(options.logTo ?? ((text) => process.stdout.write(text))) : defaultOptions.log,
      proxies,
      reportContract: options.onContractReport ?? contractReporter(options.proxyReport),
      sandbox: sandboxFactory(options.sandbox),
      journalSize: whole(options.journalSize, 'journalSize', 0, MAX_JOURNAL_SIZE),
      control: options.control,
      now: options.now,
    });
  } catch (error) {
    throw new MockServerOptionsError(error instanceof Error ? error.message : String(error));
  }
  if (mock.providers.length === 0) throw new MockServerOptionsError(`No provider bundle in ${specsDir}.`);
  return mock;
}

export async function startMockServer(options: MockServerOptions = {}): Promise<RunningMockServer> {
  const port = whole(options.port, 'port', 0, 65535) ?? 0;
  const host = options.host ?? '127.0.0.1';
  const mock = buildMockServer(options);
  let address: AddressInfo;
  try {
    address = await mock.listen(port, host);
  } catch (error) {
    await mock.sandbox?.close();
    if (error instanceof StorageError) throw new MockServerOptionsError(error.message);
    throw new MockServerOptionsError(`Cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`);
  }
  void mock.warmUp();
  const url = baseUrl(address);
  return {
    url,
    port: address.port,
    host: address.address,
    providers: mock.providers.map((provider) => ({ slug: provider.slug, title: provider.title, url: `${url}/${provider.slug}` })),
    sandboxSummary: mock.sandbox?.summary(),
    controlOpen: mock.controlOpen,
    requests: (filter) => mock.requests(filter),
    clearRequests: () => mock.clearRequests(),
    fault: (spec) => mock.fault(spec),
    faults: () => mock.faults(),
    removeFault: (id) => mock.removeFault(id),
    clearFaults: () => mock.clearFaults(),
    close: () => mock.close(),
  };
}
