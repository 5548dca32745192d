/**
 * `pnpm bench:sandbox`: what the sandbox's storage costs as it grows. Prints, asserts nothing.
 *   1. Person creates (`POST /eccor-fgts/v1/NaturalPerson`, the spec's example) with autocannon, 50
 *      connections, `BENCH_SECONDS` (5) per point, with 1k, 10k and 100k persons already stored (seeded with
 *      one bulk `INSERT … SELECT generate_series`), on the embedded engine (PGlite in a data dir) and on
 *      PostgreSQL (a throwaway local cluster, when Debian's postgresql is installed): creates/s, p50, p99.
 *   2. Webhook notifications delivered per second from the outbox to a local receiver (204), 2,000 at once.
 * The JSON state file it replaces is not run here (its code is gone); its figures, measured for issue 13 on
 * this machine, are printed beside for comparison and labelled as such.
 */
import autocannon from 'autocannon';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_BEARER } from '../src/catalog/sample-request.js';
import { sandbox, type SandboxStorageOptions } from '../src/sandbox/index.js';
import { specData } from '../src/sandbox/spec-data.js';
import { jsonText, type Database } from '../src/sandbox/storage/database.js';
import { openStorage } from '../src/sandbox/storage/open.js';
import { tenantOf } from '../src/sandbox/tenants.js';
import { createDeliveryWorker } from '../src/sandbox/webhooks/delivery.js';
import { createMockServer, defaultOptions } from '../src/server.js';
import { postgresMissing, startCluster } from '../test/sandbox/postgres-cluster.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SIZES = [1_000, 10_000, 100_000];
const CONNECTIONS = 50;
const NOTIFICATIONS = 2_000;

const eccor = JSON.parse(readFileSync(join(repoRoot, 'generated/eccor-fgts/openapi.json'), 'utf8'));
const spec = specData('eccor-fgts', eccor);
const personBody = JSON.stringify(spec.requestExample('createNaturalPerson'));
const storedPerson = spec.responseExample('getNaturalPerson', '200');
const tenant = tenantOf({ authorization: SAMPLE_BEARER });

/** Brings the tenant's persons up to `count` rows in one statement (the same record: only the count matters). */
async function seed(db: Database, count: number): Promise<void> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons');
  const missing = count - (row?.n ?? 0);
  if (missing <= 0) return;
  await db.query('INSERT INTO persons (id, tenant, record) SELECT gen_random_uuid()::text, $1, $2::json FROM generate_series(1, $3)', [
    tenant,
    jsonText(storedPerson),
    missing,
  ]);
}

interface Point {
  engine: string;
  stored: number;
  rate: number;
  p50: number;
  p99: number;
}

async function creates(engine: string, storage: SandboxStorageOptions): Promise<Point[]> {
  const mock = createMockServer({
    ...defaultOptions,
    generatedDir: join(repoRoot, 'generated'),
    docsDir: join(repoRoot, 'dist/docs'),
    sandbox: sandbox(storage),
  });
  const address = await mock.listen(0, '127.0.0.1');
  const db = mock.sandbox?.database() as Database;
  const points: Point[] = [];
  try {
    for (const size of SIZES) {
      const seeding = performance.now();
      await seed(db, size);
      process.stderr.write(`  ${engine}: ${size} stored (seeded in ${Math.round(performance.now() - seeding)} ms)\n`);
      const result = await autocannon({
        url: `http://127.0.0.1:${address.port}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            path: '/eccor-fgts/v1/NaturalPerson',
            headers: { authorization: SAMPLE_BEARER, 'content-type': 'application/json' },
            body: personBody,
          },
        ],
      });
      if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0)
        process.stderr.write(`  ${engine}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx\n`);
      points.push({ engine, stored: size, rate: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
    }
  } finally {
    await mock.close();
  }
  return points;
}

async function deliveries(engine: string, storage: SandboxStorageOptions): Promise<number> {
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const db = await openStorage(storage);
  try {
    const payload = jsonText(spec.webhookExamples()[0]?.example ?? {});
    // What enqueue() does for each notification, in bulk: the URL's row, then the deliveries.
    await db.query('INSERT INTO webhook_endpoints (url) VALUES ($1) ON CONFLICT DO NOTHING', [url]);
    await db.query(
      `INSERT INTO deliveries (tenant, provider, webhook, subject, url, payload, created_at, state, next_attempt_at)
       SELECT $1, 'eccor-fgts', 'liquidation', 'note-' || n, $2, $3::json, $4, 'pending', $4 FROM generate_series(1, $5) AS n`,
      [tenant, url, payload, Date.now(), NOTIFICATIONS],
    );
    const started = performance.now();
    const worker = createDeliveryWorker(db, { perUrlConcurrency: 16 });
    await worker.idle();
    const rate = NOTIFICATIONS / ((performance.now() - started) / 1000);
    await worker.close();
    process.stderr.write(`  ${engine}: ${NOTIFICATIONS} notifications delivered\n`);
    return rate;
  } finally {
    await db.close();
    receiver.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'credit-apis-bench-sandbox-'));
const points: Point[] = [];
const rates: [string, number][] = [];
try {
  points.push(...(await creates('embedded (PGlite, --data-dir)', { dataDir: join(dir, 'creates') })));
  rates.push(['embedded (PGlite, --data-dir)', await deliveries('embedded', { dataDir: join(dir, 'deliveries') })]);
  const missing = postgresMissing();
  if (missing) process.stderr.write(`  PostgreSQL skipped: ${missing}\n`);
  else {
    const cluster = await startCluster();
    try {
      points.push(...(await creates('PostgreSQL 15 (--database-url)', { databaseUrl: await cluster.database('bench_creates') })));
      rates.push([
        'PostgreSQL 15 (--database-url)',
        await deliveries('PostgreSQL', { databaseUrl: await cluster.database('bench_deliveries') }),
      ]);
    } finally {
      cluster.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pad = (text: string | number, width: number): string => String(text).padStart(width);
process.stdout.write(`\nPerson creates, ${CONNECTIONS} concurrent, ${SECONDS} s per point\n`);
process.stdout.write(
  `${'engine'.padEnd(34)}${pad('stored', 9)}${pad('creates/s', 11)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('vs 1k', 8)}\n`,
);
for (const point of points) {
  const base = points.find((candidate) => candidate.engine === point.engine && candidate.stored === SIZES[0]);
  process.stdout.write(
    `${point.engine.padEnd(34)}${pad(point.stored, 9)}${pad(Math.round(point.rate), 11)}${pad(point.p50, 8)}${pad(point.p99, 8)}${pad(base ? (point.rate / base.rate).toFixed(2) : '-', 8)}\n`,
  );
}
process.stdout.write(
  `${'JSON state file (issue 13, before)'.padEnd(34)}${pad('12000', 9)}${pad('1100', 11)}${pad('-', 8)}${pad('-', 8)}\n`,
);
process.stdout.write(
  `${'JSON state file (issue 13, before)'.padEnd(34)}${pad('22000', 9)}${pad('660', 11)}${pad('-', 8)}${pad('373', 8)}\n`,
);
process.stdout.write(`\nNotifications delivered per second to a local receiver (${NOTIFICATIONS} pending at once)\n`);
for (const [engine, rate] of rates) process.stdout.write(`${engine.padEnd(34)}${pad(Math.round(rate), 11)}/s\n`);
