/**
 * `pnpm bench:client`: what a provider client costs, in time and in bytes. Prints figures; asserts nothing.
 *
 * Time: N sequential GETs of a fixed JSON body from a local `node:http` server (127.0.0.1, random port), through
 * the ECCOR FGTS client (OAuth2 client credentials — the token is fetched once and cached — and retries on,
 * as shipped) and through bare `fetch` (the same URL and Authorization header, the body parsed as JSON), and,
 * for reference, through openapi-fetch alone and through the `openai` SDK (a client Stainless generates, with
 * its own retries and timeouts, as shipped), whose `models.retrieve()` GETs `/models/{id}` from the same server
 * and gets the same bytes. They run interleaved in blocks within one process, the order rotated every block,
 * because on a 2-core machine order and warm-up effects are as large as the overhead measured. Printed: ms per
 * call of each, and the ratio to bare fetch per block — its median and spread (interquartile range and
 * min–max), in wall-clock time (the targets: our client ≤ 1.5× bare fetch, and below the Stainless-generated
 * SDK) and in CPU time of the process (what each costs in work, when other processes share the machine).
 *
 * Size: each package's entry points bundled with esbuild (minified, ESM, everything they import: openapi-fetch,
 * the runtime) and gzipped, with `measure()` of scripts/bench/size.mjs. Target: runtime + one
 * provider's base entry ≤ 8.5 kB (kB = 1024 bytes); validators (`/validate`, `/webhooks`) and types excluded.
 *
 * Measures the built packages (`dist/`): build first (`pnpm -r --filter './packages/*' build`).
 * Options: `--blocks 150 --calls 200 --warmup 400`. 150 blocks (about 25 s on a quiet machine): with 20–30 blocks the
 * median ratio moved by ±0.08× from run to run here, more than the differences it is meant to show.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import OpenAI from 'openai';
import createClient from 'openapi-fetch';
import type { paths } from '@credit-apis/specs/eccor-fgts/types';
import { kB, measure } from './bench/size.mjs';
import { ratioSpread, runInterleaved, spread } from './bench/interleave.js';

const root = join(import.meta.dirname, '..');
const openaiVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'openai', 'package.json'), 'utf8')) as { version: string })
  .version;
const packagesDir = join(root, 'packages');
const PROVIDERS = ['nossa-fintech-inss', 'banco-cdc', 'zemo', 'eccor-fgts'];

const { values } = parseArgs({
  options: {
    blocks: { type: 'string', default: '150' },
    calls: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '400' },
  },
});
const blocks = Number(values.blocks);
const calls = Number(values.calls);
const warmup = Number(values.warmup);

// ── The built packages must be there, and not older than their sources ──────────────────────────────
function newest(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((latest, entry) => Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}
for (const name of ['runtime', ...PROVIDERS]) {
  const dist = join(packagesDir, name, 'dist');
  if (!existsSync(join(dist, 'index.js'))) {
    console.error(`bench:client: packages/${name}/dist is missing: run \`pnpm -r --filter './packages/*' build\` first`);
    process.exit(1);
  }
  if (newest(join(packagesDir, name, 'src')) > statSync(join(dist, 'index.js')).mtimeMs) {
    console.warn(`bench:client: warning: packages/${name}/src is newer than its dist/ (rebuild for current figures)`);
  }
}

// ── Time ─────────────────────────────────────────────────────────────────────────────────────────────
const { clientCredentials, createEccorFgtsClient, unwrap } = (await import(
  join(packagesDir, 'eccor-fgts', 'dist', 'index.js')
)) as typeof import('@credit-apis/eccor-fgts');

const ACCESS_TOKEN = 'bench-access-token';
const PAGE = JSON.stringify({
  page: 0,
  totalPages: 1,
  totalItems: 2,
  data: [
    { id: 'a3770bf5-fc8b-4668-ba54-4bfecd089b69', name: 'CCB FGTS', minimumInterestRate: 0.0204 },
    { id: '5088c941-7ec7-4ea9-a41f-ac6f041bec62', name: 'CCB FGTS 2', minimumInterestRate: 0.0179 },
  ],
  paginationToken: null,
});
const TOKEN = JSON.stringify({ access_token: ACCESS_TOKEN, expires_in: 3600, token_type: 'Bearer' });
let tokenRequests = 0;
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const body = request.url === '/oauth2/token' ? TOKEN : PAGE;
    if (request.url === '/oauth2/token') tokenRequests += 1;
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const client = createEccorFgtsClient({
  baseUrl,
  auth: clientCredentials({ tokenUrl: `${baseUrl}/oauth2/token`, basicToken: 'bench-basic', scope: 'credit/admin' }),
  // retries: the defaults (on); no logger, as in production code that logs elsewhere
});
const url = `${baseUrl}/v1/Product`;
const headers = { Authorization: `Bearer ${ACCESS_TOKEN}` };

// openapi-fetch alone (no runtime: no auth strategy, retries, timeouts, buffering or checks), for reference:
// the floor under any client built on it.
const plain = createClient<paths>({ baseUrl, headers });
// A Stainless-generated SDK, as shipped (2 retries, its own timeout), on the same server: GET /models/{id}.
const openai = new OpenAI({ apiKey: ACCESS_TOKEN, baseURL: baseUrl });
const operations = {
  client: async (): Promise<unknown> => unwrap(await client.GET('/v1/Product')).data,
  openapiFetch: async (): Promise<unknown> => (await plain.GET('/v1/Product')).data,
  openai: async (): Promise<unknown> => ((await openai.models.retrieve('bench-model')) as unknown as { data: unknown }).data,
  bare: async (): Promise<unknown> => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`bare fetch: ${response.status}`);
    return ((await response.json()) as { data: unknown }).data;
  },
};

console.log(
  `bench:client — node ${process.version}, ${blocks} blocks × ${calls} sequential calls of each, ${warmup} warm-up calls of each`,
);
console.log(`  GET ${url} (${Buffer.byteLength(PAGE)} bytes of JSON); client: ECCOR FGTS with clientCredentials and default retries`);
console.log(`  openai ${openaiVersion}: GET ${baseUrl}/models/bench-model, the same bytes`);
const { wall, cpu } = await runInterleaved({ operations, blocks, calls, warmup });
server.close();
const ms = (value: number): string => `${value.toFixed(3)} ms`;
const describe = (label: string, values: number[]): void => {
  const { median, min, max } = spread(values);
  console.log(`  ${label.padEnd(33)} ${ms(median)}/call (median of blocks; min ${ms(min)}, max ${ms(max)})`);
};
/** The per-block ratio `a / base`; with `target`, whether its median is ≤ it (`below`: strictly under it). */
const ratio = (label: string, a: number[], base: number[], target?: number, below = false): void => {
  const r = ratioSpread(a, base);
  const met = target !== undefined && (below ? r.median < target : r.median <= target);
  const verdict = target === undefined ? '' : `; target ${below ? '<' : '≤'} ${target.toFixed(2)}× → ${met ? 'met' : 'NOT met'}`;
  const extra = `${((spread(a).median - spread(base).median) * 1000).toFixed(0)} µs/call`;
  console.log(
    `  ${label.padEnd(33)} median ${r.median.toFixed(3)}× (IQR ${r.q1.toFixed(3)}–${r.q3.toFixed(3)}, min–max ${r.min.toFixed(3)}–${r.max.toFixed(3)})` +
      `, ${extra.startsWith('-') ? '' : '+'}${extra}${verdict}`,
  );
};
const figures = (title: string, run: typeof wall, targets: boolean): void => {
  console.log('');
  console.log(title);
  describe('client (runtime + openapi-fetch)', run.client);
  describe('bare fetch', run.bare);
  describe('openapi-fetch alone (reference)', run.openapiFetch);
  describe(`openai ${openaiVersion} (Stainless)`, run.openai);
  console.log(`  ratio to bare fetch, per block (${blocks} blocks):`);
  ratio('client / bare', run.client, run.bare, targets ? 1.5 : undefined);
  ratio('openapi-fetch alone / bare', run.openapiFetch, run.bare);
  ratio(`openai ${openaiVersion} / bare`, run.openai, run.bare);
  ratio('client / openai (below the SDK)', run.client, run.openai, targets ? 1 : undefined, true);
};
figures('wall-clock time per call (the targets):', wall, true);
figures('CPU time of this process per call (user + system; less sensitive to other processes on a shared machine):', cpu, false);
console.log(
  `  token requests: ${tokenRequests} (one token, cached, for all ${(blocks * calls + warmup).toLocaleString('en')} client calls)`,
);

// ── Size ─────────────────────────────────────────────────────────────────────────────────────────────
console.log('');
console.log('size — min+gzip (minified), esbuild ESM bundle of the entry and all it imports; kB = 1024 bytes');
const TARGET = 8.5 * 1024;
const line = async (label: string, entry: string | { contents: string }, target?: number): Promise<void> => {
  const { minified, gzipped } = await measure(entry, { resolveDir: packagesDir });
  const verdict = target === undefined ? '' : ` — target ≤ 8.5 kB: ${gzipped <= target ? 'met' : 'NOT met'}`;
  console.log(
    `  ${label.padEnd(62)} ${kB(gzipped, 2).padStart(9)}  ${String(gzipped).padStart(6)} B  (${kB(minified)} minified)${verdict}`,
  );
};
const dist = (name: string, entry: string): string => join(packagesDir, name, 'dist', entry);
await line('@credit-apis/runtime (alone, with openapi-fetch)', dist('runtime', 'index.js'));
for (const name of PROVIDERS) await line(`@credit-apis/${name} (base entry: runtime + provider)`, dist(name, 'index.js'), TARGET);
await line('@credit-apis/eccor-fgts + /extras (paginate, cents, statuses)', {
  contents: `export * from ${JSON.stringify(dist('eccor-fgts', 'index.js'))};\nexport * from ${JSON.stringify(dist('eccor-fgts', 'extras.js'))};`,
});
console.log('  validators (excluded from the target: ajv, ajv-formats and the bundled spec):');
await line('@credit-apis/runtime/validate (ajv, no spec)', dist('runtime', 'validate.js'));
for (const name of PROVIDERS) await line(`@credit-apis/${name}/validate`, dist(name, 'validate.js'));
await line('@credit-apis/eccor-fgts/webhooks', dist('eccor-fgts', 'webhooks.js'));
