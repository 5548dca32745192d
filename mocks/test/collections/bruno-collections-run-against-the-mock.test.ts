/**
 * Runs every provider's generated Bruno collection (generated/<slug>/bruno/) with Bruno's own CLI
 * (`bru run`), in its `mock` environment pointed at the mock started here: every request and every test of
 * the collection passes, and ECCOR FGTS's requests get through Bruno's OAuth2 client-credentials step.
 * The collection is copied first: `bru` is given a folder of its own to read and nothing in the repository
 * to write to.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedDir, startMock, type RunningMock } from '../support/mock.js';

const MOCK_ORIGIN = 'http://127.0.0.1:4010';
const bru = createRequire(import.meta.url).resolve('@usebruno/cli/bin/bru.js');

interface BrunoResult {
  name: string;
  status: string;
  response: { status: number };
  testResults: { description: string; status: string; error?: string }[];
}
interface BrunoReport {
  summary: { totalRequests: number; failedRequests: number; errorRequests: number; totalTests: number; failedTests: number };
  results: BrunoResult[];
}

let running: RunningMock;
const workDir = mkdtempSync(join(tmpdir(), 'bruno-run-'));
beforeAll(async () => {
  running = await startMock();
});
afterAll(async () => {
  await running.close();
  rmSync(workDir, { recursive: true, force: true });
});

function runBruno(slug: string): Promise<BrunoReport> {
  const dir = join(workDir, slug);
  cpSync(join(generatedDir, slug, 'bruno'), dir, { recursive: true });
  const environment = join(dir, 'environments', 'mock.bru');
  const pointed = readFileSync(environment, 'utf8').replaceAll(MOCK_ORIGIN, running.url);
  // Nothing but this machine's mock may be called: a URL elsewhere in the environment stops the run before it starts.
  const elsewhere = (pointed.match(/https?:\/\/[^\s/]+/gi) ?? []).filter((origin) => origin !== running.url);
  if (elsewhere.length > 0) throw new Error(`the mock environment of ${slug} points elsewhere: ${elsewhere.join(', ')}`);
  writeFileSync(environment, pointed);
  const report = join(workDir, `${slug}.json`);
  return new Promise((resolve, reject) => {
    // Asynchronous: the mock answers in this process while bru runs.
    execFile(
      process.execPath,
      [bru, 'run', '-r', '--env', 'mock', '--reporter-json', report],
      { cwd: dir, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (!existsSync(report))
          return reject(new Error(`bru run wrote no report (${error?.message ?? 'no error'}):\n${stdout}\n${stderr}`));
        const [iteration] = JSON.parse(readFileSync(report, 'utf8')) as BrunoReport[];
        return iteration ? resolve(iteration) : reject(new Error(`empty bru report:\n${stdout}`));
      },
    );
  });
}

const slugs = readdirSync(generatedDir)
  .filter((slug) => existsSync(join(generatedDir, slug, 'bruno', 'bruno.json')))
  .sort();

describe('the generated Bruno collections run with bru against the mock', () => {
  it('finds a collection for every bundle', () => {
    expect(slugs).toEqual(running.providers.map((provider) => provider.slug).sort());
  });

  it.each(slugs)('%s: every request runs and passes its tests', { timeout: 120_000 }, async (slug) => {
    const report = await runBruno(slug);
    const failed = report.results.flatMap((result) => [
      ...(result.status === 'pass' ? [] : [`${result.name}: ${result.status} (${result.response.status})`]),
      ...result.testResults
        .filter((test) => test.status !== 'pass')
        .map((test) => `${result.name}: ${test.description} ${test.error ?? ''}`),
    ]);
    expect(failed).toEqual([]);
    expect(report.summary.totalRequests).toBe(running.provider(slug).operations.length);
    expect(report.summary.totalTests).toBeGreaterThanOrEqual(report.summary.totalRequests);
    // Credentials (ECCOR FGTS: the OAuth2 token Bruno fetches) get every request through.
    expect(report.results.map((result) => result.response.status)).not.toContain(401);
  });
});
