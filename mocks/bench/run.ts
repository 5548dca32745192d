/**
 * `pnpm bench:mock`: how fast the mock is, against what it could be.
 *   1. Cold start: launch the compiled bin (`node mocks/dist/bin.js`, what `npx credit-apis-mock` runs; `pnpm
 *      bench:mock` builds it first) until every provider answers, interleaved with the same from the sources
 *      through tsx and with a bare `node:http` listen (Node's own start-up), 9 rounds, order rotating.
 *   2. Throughput: autocannon, 50 connections, 10 s per target, 127.0.0.1 only, on a mix of every
 *      provider's GETs and one POST with a valid body, against the mock (request log on, to /dev/null) and
 *      against a bare `node:http` server that returns the very same bytes. The targets are interleaved in
 *      rounds of 2 s (order rotating), so that a busy neighbour on the machine weighs on both alike; the
 *      ratio is the median of the per-round ratios. `BENCH_BASELINE=<path of another build's bin.js>` adds that
 *      build to the same rounds (a refactoring's before/after, under the same load).
 *   3. The alternatives, on the ECCOR FGTS share of the mix: Prism CLI 5.14.2 (`prism mock` on the bundle, as
 *      a user would start it) and Prism's engine in process behind node:http (bench/prism-engine-server.ts),
 *      against the mock and the bare server, with their cold starts.
 * Prints req/s, p50, p99 and the mock/bare ratio. Nothing here asserts a time: the figures go to the README.
 */
import autocannon, { type AutocannonResult } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleRequest, showcaseOperation, type SampleRequest } from '../src/catalog/sample-request.js';
import { createMockServer, defaultOptions } from '../src/server.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const mocksDir = fileURLToPath(new URL('..', import.meta.url));
const bin = join(mocksDir, 'dist/bin.js');
const sourceBin = join(mocksDir, 'src/bin.ts');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const COLD_STARTS = 9;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PRISM_PROVIDER = 'eccor-fgts';

interface Target {
  readonly label: string;
  readonly url: string;
}

interface BenchRequest {
  readonly slug: string;
  readonly request: SampleRequest;
}

const devNull = openSync('/dev/null', 'w');
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createNetServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function launch(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', devNull, 'pipe'] });
  children.push(child);
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Status of one request, or undefined while nothing listens. */
function probe(url: string, sample: SampleRequest): Promise<number | undefined> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const req = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method: sample.method, headers: sample.headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', () => resolve(undefined));
    req.end(sample.body);
  });
}

/** Launches and waits until every probe answers; returns the milliseconds from launch. */
async function coldStart(
  command: string,
  args: string[],
  probes: readonly { url: string; sample: SampleRequest }[],
): Promise<{ ms: number; child: ChildProcess }> {
  const started = performance.now();
  const child = launch(command, args);
  const pending = new Set(probes);
  while (pending.size > 0) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}`);
    for (const entry of [...pending]) if ((await probe(entry.url, entry.sample)) !== undefined) pending.delete(entry);
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    if (performance.now() - started > 30_000) throw new Error('cold start took over 30 s');
  }
  return { ms: performance.now() - started, child };
}

/** The exact bytes an answer is made of, minus what Node adds by itself. */
function record(url: string, entry: BenchRequest): Promise<{ key: string; status: number; headers: string[]; body: string }> {
  const path = `/${entry.slug}${entry.request.path}`;
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = httpRequest(
      { host: target.hostname, port: target.port, path, method: entry.request.method, headers: entry.request.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers: string[] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = res.rawHeaders[i] ?? '';
            if (!['date', 'connection', 'keep-alive'].includes(name.toLowerCase())) headers.push(name, res.rawHeaders[i + 1] ?? '');
          }
          resolve({
            key: `${entry.request.method} ${path}`,
            status: res.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks).toString('base64'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(entry.request.body);
  });
}

async function drive(target: Target, requests: readonly BenchRequest[], seconds: number, prefixed = true): Promise<AutocannonResult> {
  const result = await autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: requests.map(({ slug, request }) => ({
      method: request.method,
      path: prefixed ? `/${slug}${request.path}` : request.path,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    })),
  });
  if (result.errors > 0 || result.timeouts > 0)
    process.stderr.write(`  ${target.label}: ${result.errors} errors, ${result.timeouts} timeouts\n`);
  return result;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface Figures {
  readonly label: string;
  /** Requests per second over all rounds. */
  readonly rps: number;
  /** Median over the rounds of each round's p50 / p99, and the worst round's p99. */
  readonly p50: number;
  readonly p99: number;
  readonly worstP99: number;
  readonly rounds: readonly number[];
  readonly non2xx: number;
}

/** Drives every target for `seconds` in all, in interleaved rounds with a rotating order. */
async function compare(
  targets: readonly { target: Target; requests: readonly BenchRequest[]; prefixed: boolean }[],
  seconds: number,
): Promise<Figures[]> {
  const results = targets.map(() => [] as AutocannonResult[]);
  const perRound = Math.max(1, Math.round(seconds / ROUNDS));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < targets.length; k++) {
      const index = (k + round) % targets.length;
      const { target, requests, prefixed } = targets[index] as (typeof targets)[number];
      (results[index] as AutocannonResult[]).push(await drive(target, requests, perRound, prefixed));
    }
  }
  return targets.map(({ target }, index) => {
    const runs = results[index] as AutocannonResult[];
    return {
      label: target.label,
      rps: runs.reduce((sum, run) => sum + run.requests.total, 0) / runs.reduce((sum, run) => sum + run.duration, 0),
      p50: median(runs.map((run) => run.latency.p50)),
      p99: median(runs.map((run) => run.latency.p99)),
      worstP99: Math.max(...runs.map((run) => run.latency.p99)),
      rounds: runs.map((run) => run.requests.average),
      non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    };
  });
}

/** Median of the per-round ratios: each round pair ran back to back, under the same background load. */
function ratioOf(figure: Figures, bare: Figures): number {
  return median(figure.rounds.map((rps, round) => rps / (bare.rounds[round] ?? Number.NaN)));
}

function table(figures: readonly Figures[], bare: Figures): string {
  const lines = [
    `  ${'target'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'worst p99'.padStart(10)} ${'× bare'.padStart(7)}`,
  ];
  for (const figure of figures) {
    const ratio = ratioOf(figure, bare);
    lines.push(
      `  ${figure.label.padEnd(34)} ${figure.rps.toFixed(0).padStart(8)} ${figure.p50.toFixed(1).padStart(7)} ${figure.p99.toFixed(1).padStart(7)} ${figure.worstP99.toFixed(1).padStart(10)} ${ratio.toFixed(3).padStart(7)}${figure.non2xx > 0 ? `   non-2xx ${figure.non2xx}` : ''}`,
    );
  }
  return lines.join('\n');
}

// The mix, from the specs: every provider's GET operations and one POST with its documented body.
const catalog = createMockServer({ ...defaultOptions, generatedDir: join(repoRoot, 'generated'), docsDir: '' });
const providers = catalog.providers;
const gets: BenchRequest[] = providers.flatMap((provider) =>
  provider.operations
    .filter((operation) => operation.info.method === 'get')
    .map((operation) => ({ slug: provider.slug, request: sampleRequest(provider, operation) })),
);
const postProvider = providers.find((provider) => provider.slug === PRISM_PROVIDER) ?? providers[0];
const postOperation = postProvider?.operations.find(
  (operation) => operation.info.method === 'post' && operation.body?.mediaTypes.includes('application/json') && !operation.info.ownServers,
);
const mix: BenchRequest[] =
  postProvider && postOperation ? [...gets, { slug: postProvider.slug, request: sampleRequest(postProvider, postOperation) }] : gets;
const probes = (base: string) =>
  providers.flatMap((provider) => {
    const operation = showcaseOperation(provider);
    if (!operation) return [];
    const sample = sampleRequest(provider, operation);
    return [{ url: `${base}/${provider.slug}${sample.path}`, sample }];
  });

process.stdout.write(
  `credit-apis mock benchmark — node ${process.version}, ${DURATION} s per target, ${CONNECTIONS} connections, 127.0.0.1\n`,
);
process.stdout.write(
  `mix (${mix.length} requests, round robin per connection):\n${mix.map(({ slug, request }) => `  ${request.method} /${slug}${request.path}`).join('\n')}\n\n`,
);

// 1. Cold start, interleaved: the compiled bin, the sources through tsx, and Node alone listening.
if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm --filter @credit-apis/mock-server build\` (pnpm bench:mock does)`);
const bareListen = "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.argv[1]), '127.0.0.1')";
const starters: { label: string; args: (port: number) => string[]; probes: (port: number) => { url: string; sample: SampleRequest }[] }[] =
  [
    {
      label: 'compiled bin (node dist/bin.js)',
      args: (port) => [bin, '--port', String(port), '--quiet'],
      probes: (port) => probes(`http://127.0.0.1:${port}`),
    },
    {
      label: 'sources through tsx',
      args: (port) => ['--import', 'tsx', sourceBin, '--port', String(port), '--quiet'],
      probes: (port) => probes(`http://127.0.0.1:${port}`),
    },
    {
      label: 'bare node:http listen (Node itself)',
      args: (port) => ['-e', bareListen, String(port)],
      probes: (port) => [{ url: `http://127.0.0.1:${port}/`, sample: { method: 'GET', path: '/', headers: {} } }],
    },
  ];
const coldStarts = starters.map(() => [] as number[]);
for (let run = 0; run < COLD_STARTS; run++) {
  for (let k = 0; k < starters.length; k++) {
    const index = (k + run) % starters.length;
    const starter = starters[index] as (typeof starters)[number];
    const port = await freePort();
    const { ms, child } = await coldStart(process.execPath, starter.args(port), starter.probes(port));
    (coldStarts[index] as number[]).push(ms);
    await stop(child);
  }
}
process.stdout.write(`cold start (launch → all ${providers.length} providers answering), ${COLD_STARTS} interleaved rounds:\n`);
starters.forEach((starter, index) => {
  const runs = coldStarts[index] as number[];
  process.stdout.write(
    `  ${starter.label.padEnd(38)} median ${median(runs).toFixed(0).padStart(4)} ms, min ${Math.min(...runs)
      .toFixed(0)
      .padStart(4)} ms, max ${Math.max(...runs)
      .toFixed(0)
      .padStart(4)} ms\n`,
  );
});
process.stdout.write('\n');
const binColdStart = median(coldStarts[0] as number[]);

// 2. Mock and bare, same bytes, same run.
const mockPort = await freePort();
const mock = await coldStart(process.execPath, [bin, '--port', String(mockPort)], probes(`http://127.0.0.1:${mockPort}`));
const mockTarget: Target = { label: 'mock (request log on)', url: `http://127.0.0.1:${mockPort}` };
const workDir = mkdtempSync(join(tmpdir(), 'mock-bench-'));
const answersFile = join(workDir, 'answers.json');
writeFileSync(answersFile, JSON.stringify(await Promise.all(mix.map((entry) => record(mockTarget.url, entry)))));
const barePort = await freePort();
const bare = await coldStart(
  process.execPath,
  ['--import', 'tsx', join(mocksDir, 'bench/bare-server.ts'), answersFile, String(barePort)],
  [],
);
await new Promise((resolve) => setTimeout(resolve, 300));
const bareTarget: Target = { label: 'bare node:http (same bytes)', url: `http://127.0.0.1:${barePort}` };

// BENCH_BASELINE=<another build's bin.js> (e.g. main's dist/, copied aside) drives it in the same rounds too.
const baselineBin = process.env.BENCH_BASELINE;
const baselinePort = await freePort();
const baseline = baselineBin
  ? await coldStart(process.execPath, [baselineBin, '--port', String(baselinePort)], probes(`http://127.0.0.1:${baselinePort}`))
  : undefined;
const baselineTargets = baseline
  ? [{ target: { label: 'baseline build (BENCH_BASELINE)', url: `http://127.0.0.1:${baselinePort}` }, requests: mix, prefixed: true }]
  : [];

for (const target of [mockTarget, bareTarget, ...baselineTargets.map((entry) => entry.target)]) await drive(target, mix, 2);
const [mockFigures, bareFigures, ...baselineFigures] = (await compare(
  [{ target: mockTarget, requests: mix, prefixed: true }, { target: bareTarget, requests: mix, prefixed: true }, ...baselineTargets],
  DURATION,
)) as [Figures, Figures, ...Figures[]];
if (baseline) await stop(baseline.child);
process.stdout.write(
  `all providers' mix, ${ROUNDS} interleaved rounds:\n${table([bareFigures, mockFigures, ...baselineFigures], bareFigures)}\n\n`,
);

// 3. Prism CLI on one spec, with the mock and the bare server on the same requests.
const subset = mix.filter((entry) => entry.slug === PRISM_PROVIDER);
const prismPort = await freePort();
const prismBin = join(mocksDir, 'node_modules/.bin/prism');
try {
  const prism = await coldStart(
    prismBin,
    ['mock', join(repoRoot, 'generated', PRISM_PROVIDER, 'openapi.json'), '-p', String(prismPort), '-h', '127.0.0.1'],
    subset.map(({ request }) => ({ url: `http://127.0.0.1:${prismPort}${request.path}`, sample: request })),
  );
  const prismTarget: Target = { label: `prism mock 5.14.2 (${PRISM_PROVIDER})`, url: `http://127.0.0.1:${prismPort}` };
  // The other alternative: Prism's engine in process behind node:http, without the CLI around it.
  const enginePort = await freePort();
  const engine = await coldStart(
    process.execPath,
    [
      '--import',
      'tsx',
      join(mocksDir, 'bench/prism-engine-server.ts'),
      join(repoRoot, 'generated', PRISM_PROVIDER, 'openapi.json'),
      String(enginePort),
    ],
    subset.map(({ request }) => ({ url: `http://127.0.0.1:${enginePort}${request.path}`, sample: request })),
  );
  const engineTarget: Target = { label: 'prism-http engine in node:http', url: `http://127.0.0.1:${enginePort}` };
  await drive(prismTarget, subset, 2, false);
  await drive(engineTarget, subset, 2, false);
  const [bareSubset, mockSubset, prismSubset, engineSubset] = (await compare(
    [
      { target: bareTarget, requests: subset, prefixed: true },
      { target: mockTarget, requests: subset, prefixed: true },
      { target: prismTarget, requests: subset, prefixed: false },
      { target: engineTarget, requests: subset, prefixed: false },
    ],
    DURATION,
  )) as [Figures, Figures, Figures, Figures];
  await stop(prism.child);
  await stop(engine.child);
  process.stdout.write(
    `${PRISM_PROVIDER} only (${subset.length} requests), with the Prism alternatives, ${ROUNDS} interleaved rounds:\n${table([bareSubset, mockSubset, prismSubset, engineSubset], bareSubset)}\n` +
      `  cold start (launch → answering): prism CLI ${prism.ms.toFixed(0)} ms, prism-http engine in node:http ${engine.ms.toFixed(0)} ms\n`,
  );
} catch (error) {
  process.stdout.write(`Prism CLI comparison skipped: ${error instanceof Error ? error.message : String(error)}\n`);
}

await stop(mock.child);
await stop(bare.child);
rmSync(workDir, { recursive: true, force: true });
process.stdout.write(
  `\ntargets: ratio mock/bare ≥ 0.5 → ${ratioOf(mockFigures, bareFigures).toFixed(3)}; p99 < 20 ms → ${mockFigures.p99} ms (worst round ${mockFigures.worstP99} ms); cold start of the compiled bin < 300 ms → ${binColdStart.toFixed(0)} ms (median)\n`,
);
