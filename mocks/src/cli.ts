/**
 * `pnpm start [--port 4010] [--host 127.0.0.1] [--quiet] [--cors-origin <origin>]… [--body-limit <bytes>]
 *             [--proxy <provider>=<upstream>]… [--proxy-report <file.jsonl>] [--journal-size <n>] [--control]
 *             [--sandbox [--state-file <file.json>] [--webhook-url <url>]… [--webhook-timeout <ms>] [--webhook-attempts <n>]]`
 * Starts the mock server, prints where each provider is served, and closes cleanly on SIGINT/SIGTERM (the
 * sandbox's state file saved).
 */
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createRequestLog } from './http/request-log.js';
import type { ContractReport } from './prism/proxy.js';
import { sandbox, type SandboxFactory } from './sandbox/index.js';
import { DELIVERY_DEFAULTS } from './sandbox/webhooks/delivery.js';
import { createMockServer, defaultOptions } from './server.js';
import { DEFAULT_JOURNAL_SIZE } from './control/index.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const USAGE = `Usage: pnpm start [options]
  --port <n>                  port (default 4010; 0 picks a free one)
  --host <address>            address to bind (default 127.0.0.1: loopback only)
  --quiet                     no request log lines
  --cors-origin <origin>      allow browser calls from this origin (repeatable; '*' for any, without credentials);
                              default: loopback origins only
  --body-limit <bytes>        largest request body (default 1048576)
  --proxy <provider>=<url>    forward that provider to a real environment through Prism's validating proxy (repeatable)
  --proxy-report <file>       also append each contract violation the proxy sees to this JSON-lines file
  --generated-dir <dir>       where the bundles are (default generated/)
  --docs-dir <dir>            built docs served at /docs (default dist/docs/)
  --journal-size <n>          requests the journal at /_mock/requests keeps (default ${DEFAULT_JOURNAL_SIZE}; 0 keeps none)
  --control                   serve the control routes (/_mock/: journal and faults) on a bind beyond loopback too;
                              on loopback they are always there (see mocks/README.md, "Testing against the mock")
  --sandbox                   stateful flows: persons, credit notes and their webhooks (ECCOR FGTS), INSS operations;
                              control routes under /_sandbox/ (see mocks/README.md, "Sandbox mode")
  --state-file <file>         with --sandbox: keep the state in this JSON file (default: in memory)
  --webhook-url <url>         with --sandbox: POST every status-change notification here (repeatable)
  --webhook-timeout <ms>      with --sandbox: timeout of one delivery attempt (default ${DELIVERY_DEFAULTS.timeoutMs})
  --webhook-attempts <n>      with --sandbox: attempts per notification, first one included (default ${DELIVERY_DEFAULTS.maxAttempts})
  --help`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        quiet: { type: 'boolean', default: false },
        'cors-origin': { type: 'string', multiple: true, default: [] },
        'body-limit': { type: 'string', default: String(defaultOptions.bodyLimit) },
        proxy: { type: 'string', multiple: true, default: [] },
        'proxy-report': { type: 'string' },
        'generated-dir': { type: 'string', default: `${repoRoot}generated` },
        'docs-dir': { type: 'string', default: `${repoRoot}dist/docs` },
        'journal-size': { type: 'string', default: String(DEFAULT_JOURNAL_SIZE) },
        control: { type: 'boolean', default: false },
        sandbox: { type: 'boolean', default: false },
        'state-file': { type: 'string' },
        'webhook-url': { type: 'string', multiple: true, default: [] },
        'webhook-timeout': { type: 'string' },
        'webhook-attempts': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got "${values.port}"`);
const bodyLimit = Number(values['body-limit']);
if (!Number.isInteger(bodyLimit) || bodyLimit < 0) fail(`--body-limit must be a number of bytes, got "${values['body-limit']}"`);
const journalSize = Number(values['journal-size']);
if (!Number.isInteger(journalSize) || journalSize < 0 || journalSize > 1_000_000) fail(`--journal-size must be a whole number of requests from 0 to 1000000, got "${values['journal-size']}"`);
const proxies: Record<string, URL> = {};
for (const entry of values.proxy) {
  const equals = entry.indexOf('=');
  if (equals < 1) fail(`--proxy takes <provider>=<upstream URL>, got "${entry}"`);
  try {
    proxies[entry.slice(0, equals)] = new URL(entry.slice(equals + 1));
  } catch {
    fail(`--proxy ${entry}: "${entry.slice(equals + 1)}" is not a URL`);
  }
}

function sandboxFactory(): SandboxFactory | undefined {
  if (!values.sandbox) {
    const given = (['state-file', 'webhook-url', 'webhook-timeout', 'webhook-attempts'] as const).find((flag) => (flag === 'webhook-url' ? values[flag].length > 0 : values[flag] !== undefined));
    if (given) fail(`--${given} needs --sandbox`);
    return undefined;
  }
  const webhookUrls = values['webhook-url'].map((raw) => {
    let url: URL | undefined;
    try {
      url = new URL(raw);
    } catch {
      // refused below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) fail(`--webhook-url takes an http(s) URL, got "${raw}"`);
    return url;
  });
  const positive = (flag: 'webhook-timeout' | 'webhook-attempts', max: number): number | undefined => {
    const raw = values[flag];
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) fail(`--${flag} must be a whole number from 1 to ${max}, got "${raw}"`);
    return value;
  };
  return sandbox({
    stateFile: values['state-file'],
    webhookUrls,
    delivery: { timeoutMs: positive('webhook-timeout', 600_000), maxAttempts: positive('webhook-attempts', 20) },
  });
}

const reportFile = values['proxy-report'];
function reportContract(report: ContractReport): void {
  for (const violation of report.violations) {
    process.stderr.write(`contract ${violation.severity}: ${report.provider} ${report.method} ${report.path} → ${report.status}: ${violation.side} ${violation.location ? `${violation.location} ` : ''}${violation.message}\n`);
  }
  if (reportFile) appendFileSync(reportFile, `${JSON.stringify({ time: new Date().toISOString(), ...report })}\n`);
}

const started = performance.now();
const mock = (() => {
  try {
    return createMockServer({
      ...defaultOptions,
      generatedDir: values['generated-dir'],
      docsDir: values['docs-dir'],
      bodyLimit,
      corsOrigins: values['cors-origin'],
      log: values.quiet ? defaultOptions.log : createRequestLog((text) => process.stdout.write(text)),
      proxies,
      reportContract,
      sandbox: sandboxFactory(),
      journalSize,
      control: values.control ? true : undefined,
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();

if (mock.providers.length === 0) fail(`No provider bundle in ${values['generated-dir']}: run \`pnpm generate\` first.`);

const address = await mock.listen(port, values.host).catch((error: unknown) => fail(`Cannot listen on ${values.host}:${port}: ${error instanceof Error ? error.message : String(error)}`));
const base = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
process.stdout.write(
  `credit-apis mock listening on ${base} (ready in ${Math.round(performance.now() - started)} ms)\n` +
    mock.providers.map((provider) => `  ${base}/${provider.slug}/  ${provider.title}${proxies[provider.slug] ? `  → proxy to ${proxies[provider.slug]?.href ?? ''}` : ''}`).join('\n') +
    `\n  ${base}/  index with a sample curl per provider\n` +
    (mock.sandbox ? `  ${base}/_sandbox/  ${mock.sandbox.summary()}\n` : '') +
    (mock.controlOpen ? `  ${base}/_mock/  request journal (last ${journalSize}) and faults\n` : `  /_mock/ closed on ${values.host} (--control opens it)\n`),
);
void mock.warmUp();

let closing = false;
function shutdown(signal: string): void {
  if (closing) return;
  closing = true;
  process.stdout.write(`${signal}: closing\n`);
  // Connections that will not close in time do not keep the process alive.
  setTimeout(() => process.exit(0), 3000).unref();
  void mock.close().then(() => process.exit(0));
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
