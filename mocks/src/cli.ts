/**
 * `credit-apis-mock [--port 4010] [--host 127.0.0.1] [--quiet] [--cors-origin <origin>]… [--body-limit <bytes>]
 *                   [--proxy <provider>=<upstream>]… [--proxy-report <file.jsonl>] [--specs-dir <dir>] [--docs-dir <dir>]
 *                   [--journal-size <n>] [--control]
 *                   [--sandbox [--data-dir <dir> | --database-url postgres://…] [--webhook-url <url>]… [--webhook-timeout <ms>]
 *                    [--webhook-attempts <n>]]`
 * `credit-apis-mock import-state <state.json> --data-dir <dir>`: an old `--state-file` into a database (sandbox/import-state.ts).
 * A thin layer over startMockServer: flags to options, the banner (its first line names the URL), and a
 * clean close on SIGINT/SIGTERM (the sandbox's database closed after the last answer). Nothing runs at import time: bin.ts calls
 * `main(process.argv.slice(2))`.
 */
import { parseArgs } from 'node:util';
import { importStateCli } from './sandbox/import-state.js';
import { stateFileGone } from './sandbox/index.js';
import { DELIVERY_DEFAULTS } from './sandbox/webhooks/delivery.js';
import { defaultOptions } from './server.js';
import { DEFAULT_JOURNAL_SIZE, MAX_JOURNAL_SIZE } from './control/index.js';
import { MockServerOptionsError, SANDBOX_LIMITS, startMockServer, type MockServerOptions } from './start.js';

export const USAGE = `Usage: credit-apis-mock [options]
  --port <n>                  port (default 4010; 0 picks a free one)
  --host <address>            address to bind (default 127.0.0.1: loopback only)
  --quiet                     no request log lines
  --cors-origin <origin>      allow browser calls from this origin (repeatable; '*' for any, without credentials);
                              default: loopback origins only
  --body-limit <bytes>        largest request body (default ${defaultOptions.bodyLimit})
  --proxy <provider>=<url>    forward that provider to a real environment through Prism's validating proxy (repeatable;
                              needs the optional @stoplight/prism-http and @stoplight/prism-core)
  --proxy-report <file>       also append each contract violation the proxy sees to this JSON-lines file
  --specs-dir <dir>           where the <slug>/openapi.json bundles are (default: the installed @credit-apis/specs);
                              --generated-dir is the same flag
  --docs-dir <dir>            built reference docs to serve at /docs/ (default: none)
  --journal-size <n>          requests the journal at /_mock/requests keeps (default ${DEFAULT_JOURNAL_SIZE}; 0 keeps none)
  --control                   serve the control routes (/_mock/: journal and faults) on a bind beyond loopback too;
                              on a loopback bind they are always served (see the README, "Testing your integration")
  --sandbox                   stateful flows: persons, credit notes and their webhooks (ECCOR FGTS), INSS operations;
                              control routes under /_sandbox/ (see the README, "Sandbox mode")
  --data-dir <dir>            with --sandbox: keep the state in an embedded database in this folder (default: in memory)
  --database-url <url>        with --sandbox: keep it on a PostgreSQL server (postgres://…), shared by several mocks
  --webhook-url <url>         with --sandbox: POST every tenant's status-change notifications here (repeatable)
  --webhook-timeout <ms>      with --sandbox: timeout of one delivery attempt (default ${DELIVERY_DEFAULTS.timeoutMs})
  --webhook-attempts <n>      with --sandbox: failed attempts in a row that pause a URL (default ${DELIVERY_DEFAULTS.maxAttempts})
  --help
An old --state-file: credit-apis-mock import-state <state.json> --data-dir <dir> (or --database-url <url>)`;

export class UsageError extends Error {
  override name = 'UsageError';
}

const SANDBOX_ONLY = ['state-file', 'data-dir', 'database-url', 'webhook-url', 'webhook-timeout', 'webhook-attempts'] as const;

function integer(raw: string, flag: string, what: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value)) throw new UsageError(`--${flag} must be ${what}, got "${raw}"`);
  return value;
}

/** The flags as startMockServer's options; `help` when --help was given. Throws UsageError. */
export function parseCli(argv: readonly string[]): { help: true } | { help: false; options: MockServerOptions & { port: number } } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        quiet: { type: 'boolean', default: false },
        'cors-origin': { type: 'string', multiple: true, default: [] },
        'body-limit': { type: 'string' },
        proxy: { type: 'string', multiple: true, default: [] },
        'proxy-report': { type: 'string' },
        'specs-dir': { type: 'string' },
        'generated-dir': { type: 'string' },
        'docs-dir': { type: 'string' },
        'journal-size': { type: 'string' },
        control: { type: 'boolean', default: false },
        sandbox: { type: 'boolean', default: false },
        'state-file': { type: 'string' },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        'webhook-url': { type: 'string', multiple: true, default: [] },
        'webhook-timeout': { type: 'string' },
        'webhook-attempts': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true };
  const port = integer(values.port, 'port', 'a port number');
  if (port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${values.port}"`);
  const bodyLimit = values['body-limit'] === undefined ? undefined : integer(values['body-limit'], 'body-limit', 'a number of bytes');
  if (bodyLimit !== undefined && bodyLimit < 0)
    throw new UsageError(`--body-limit must be a number of bytes, got "${values['body-limit']}"`);
  const journalSize =
    values['journal-size'] === undefined ? undefined : integer(values['journal-size'], 'journal-size', 'a number of requests');
  if (journalSize !== undefined && (journalSize < 0 || journalSize > MAX_JOURNAL_SIZE))
    throw new UsageError(`--journal-size must be a whole number from 0 to ${MAX_JOURNAL_SIZE}, got "${values['journal-size']}"`);
  const proxies: Record<string, string> = {};
  for (const entry of values.proxy) {
    const equals = entry.indexOf('=');
    if (equals < 1) throw new UsageError(`--proxy takes <provider>=<upstream URL>, got "${entry}"`);
    const upstream = entry.slice(equals + 1);
    if (!URL.canParse(upstream)) throw new UsageError(`--proxy ${entry}: "${upstream}" is not a URL`);
    proxies[entry.slice(0, equals)] = upstream;
  }
  if (!values.sandbox) {
    const given = SANDBOX_ONLY.find((flag) => (flag === 'webhook-url' ? values[flag].length > 0 : values[flag] !== undefined));
    if (given) throw new UsageError(`--${given} needs --sandbox`);
  }
  if (values.sandbox && values['state-file'] !== undefined) throw new UsageError(stateFileGone(values['state-file']).message);
  for (const raw of values['webhook-url']) {
    const protocol = URL.canParse(raw) ? new URL(raw).protocol : '';
    if (protocol !== 'http:' && protocol !== 'https:') throw new UsageError(`--webhook-url takes an http(s) URL, got "${raw}"`);
  }
  const optionalInteger = (flag: 'webhook-timeout' | 'webhook-attempts', max: number): number | undefined => {
    const raw = values[flag];
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max)
      throw new UsageError(`--${flag} must be a whole number from 1 to ${max}, got "${raw}"`);
    return value;
  };
  return {
    help: false,
    options: {
      port,
      host: values.host,
      quiet: values.quiet,
      corsOrigins: values['cors-origin'],
      bodyLimit,
      proxies,
      proxyReport: values['proxy-report'],
      specsDir: values['specs-dir'] ?? values['generated-dir'],
      docsDir: values['docs-dir'],
      journalSize,
      control: values.control ? true : undefined,
      sandbox: values.sandbox
        ? {
            dataDir: values['data-dir'],
            databaseUrl: values['database-url'],
            webhookUrls: values['webhook-url'],
            webhookTimeoutMs: optionalInteger('webhook-timeout', SANDBOX_LIMITS.webhookTimeoutMs),
            webhookAttempts: optionalInteger('webhook-attempts', SANDBOX_LIMITS.webhookAttempts),
          }
        : false,
    },
  };
}

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

/**
 * Runs the CLI. Resolves to an exit code when it ends at once (--help 0, bad flags or options 2), or to
 * `undefined` once the server listens: the process then lives until SIGINT/SIGTERM closes it.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number | undefined> {
  // A subcommand of its own; in this repository `pnpm start` puts `--docs-dir dist/docs` before it.
  const subcommand = argv[0] === '--docs-dir' ? 2 : 0;
  if (argv[subcommand] === 'import-state') return importStateCli(argv.slice(subcommand + 1));
  const started = performance.now();
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const { options } = parsed;
  let mock;
  try {
    mock = await startMockServer({ ...options, logTo: io.stdout });
  } catch (error) {
    if (!(error instanceof MockServerOptionsError)) throw error;
    io.stderr(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  const proxies = options.proxies ?? {};
  io.stdout(
    `credit-apis mock listening on ${mock.url} (ready in ${Math.round(performance.now() - started)} ms)\n` +
      mock.providers
        .map(
          (provider) =>
            `  ${provider.url}/  ${provider.title}${proxies[provider.slug] ? `  → proxy to ${new URL(String(proxies[provider.slug])).href}` : ''}`,
        )
        .join('\n') +
      `\n  ${mock.url}/  index with a sample curl per provider\n` +
      (mock.sandboxSummary ? `  ${mock.url}/_sandbox/  ${mock.sandboxSummary}\n` : '') +
      (mock.controlOpen
        ? `  ${mock.url}/_mock/  request journal and faults\n`
        : `  /_mock/ (journal, faults) closed on ${mock.host}: --control opens it\n`),
  );

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    io.stdout(`${signal}: closing\n`);
    // Connections that will not close in time do not keep the process alive.
    setTimeout(() => process.exit(0), 3000).unref();
    void mock.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  return undefined;
}
