/**
 * `node --import tsx mocks/bench/journal.ts`: what the request journal costs. Two mock processes, the same
 * but for `--journal-size` (the default 1000 against 0, which records nothing), driven by autocannon on
 * the GET mix of every provider (sample requests with a bearer), in interleaved rounds whose order rotates so
 * that a busy neighbour weighs on both alike; the ratio is the median of the per-round ratios. First, in
 * process and steadier on a loaded machine, the time one `record()` takes for a typical request (the
 * redaction included). Prints req/s, p50, p99 and µs; asserts nothing. BENCH_ROUNDS (6) and BENCH_SECONDS
 * per round (2) change the length.
 */
import autocannon, { type AutocannonResult as Result } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { sampleRequest } from '../src/catalog/sample-request.js';
import { createJournal } from '../src/control/journal.js';
import { createMockServer, defaultOptions } from '../src/server.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

const catalog = createMockServer({ ...defaultOptions, generatedDir: `${repoRoot}generated`, docsDir: '' });
const mix = catalog.providers.flatMap((provider) =>
  provider.operations
    .filter((operation) => operation.info.method === 'get')
    .map((operation) => ({ slug: provider.slug, request: sampleRequest(provider, operation) })),
);

const children: ChildProcess[] = [];
// Whatever ends this script (an error, a closed stdout) ends the mocks it started.
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));
process.stdout.on('error', () => process.exit(1));

async function launch(journalSize: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', bin, '--port', '0', '--quiet', '--journal-size', String(journalSize)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const stdout = child.stdout as NodeJS.ReadableStream;
  return new Promise((resolve, reject) => {
    let seen = '';
    // Kept reading to the end: the mock writes a line on SIGTERM too.
    stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) resolve({ url: match[1] as string, child });
    });
    child.once('exit', () => reject(new Error(`the mock did not start: ${seen}`)));
  });
}

function drive(url: string): Promise<Result> {
  return autocannon({
    url,
    connections: 50,
    duration: SECONDS,
    requests: mix.map(({ slug, request }) => ({
      method: request.method as 'GET',
      path: `/${slug}${request.path}`,
      headers: { ...request.headers },
    })),
  });
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** µs per record() of the requests of the mix, with the headers undici sends; median of 7 batches. */
function recordCost(): number {
  const journal = createJournal(1000, Date.now);
  const answered = mix.map(({ slug, request }) => {
    const question = request.path.indexOf('?');
    return {
      provider: slug,
      method: request.method,
      path: question === -1 ? request.path : request.path.slice(0, question),
      template: undefined,
      operationId: undefined,
      query: question === -1 ? undefined : new URLSearchParams(request.path.slice(question + 1)),
      headers: {
        host: '127.0.0.1:4010',
        connection: 'keep-alive',
        accept: '*/*',
        'accept-language': '*',
        'sec-fetch-mode': 'cors',
        'user-agent': 'node',
        'accept-encoding': 'gzip, deflate',
        ...Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value])),
      },
      body: undefined,
      status: 200,
    };
  });
  const batch = 20_000;
  const batches: number[] = [];
  for (let round = 0; round < 8; round++) {
    const started = performance.now();
    for (let i = 0; i < batch; i++) journal.record(answered[i % answered.length] as (typeof answered)[number]);
    if (round > 0) batches.push(((performance.now() - started) * 1000) / batch); // the first batch warms up
  }
  return median(batches);
}

process.stdout.write(`journal record(): ${recordCost().toFixed(2)} µs per request (median of 7 batches of 20000, the mix's requests)\n`);

const targets = [
  { label: 'journal on (--journal-size 1000)', ...(await launch(1000)), rounds: [] as Result[] },
  { label: 'journal off (--journal-size 0)', ...(await launch(0)), rounds: [] as Result[] },
];
try {
  for (const target of targets) await drive(target.url); // warm-up: validators compiled, JIT settled
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) target.rounds.push(await drive(target.url));
  }
  process.stdout.write(`${mix.length} GETs, 50 connections, ${ROUNDS} rounds of ${SECONDS} s per target\n`);
  for (const target of targets) {
    const rps = target.rounds.map((result) => result.requests.average);
    const non2xx = target.rounds.reduce((sum, result) => sum + result.non2xx, 0);
    process.stdout.write(
      `  ${target.label.padEnd(34)} ${median(rps).toFixed(0).padStart(7)} req/s  p50 ${median(target.rounds.map((result) => result.latency.p50)).toFixed(1)} ms  p99 ${median(target.rounds.map((result) => result.latency.p99)).toFixed(1)} ms${non2xx ? `  non-2xx ${non2xx}` : ''}\n`,
    );
  }
  const [on, off] = targets as [(typeof targets)[0], (typeof targets)[0]];
  const ratio = median(on.rounds.map((result, round) => result.requests.average / (off.rounds[round]?.requests.average ?? Number.NaN)));
  process.stdout.write(`  on/off throughput ratio (median of the rounds): ${ratio.toFixed(3)}\n`);
} finally {
  for (const target of targets) {
    target.child.kill('SIGTERM');
    await once(target.child, 'exit');
  }
}
