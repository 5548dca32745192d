/**
 * Runs every provider's generated Postman collection (generated/<slug>/postman_collection.json) with newman,
 * in its `mock` environment pointed at the mock started here: every request answers a status its operation
 * documents as a success, and the collection's own tests (status, body shape) pass. ECCOR FGTS's requests
 * need an OAuth2 token: the collection's pre-request script must fetch it, so none of them gets a 401.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import newman, { type NewmanRunSummary } from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isObject, type JsonObject } from '../../src/catalog/openapi.js';
import { generatedDir, startMock, type RunningMock } from '../support/mock.js';

/** The origin the generated `mock` environments name (`pnpm start`'s default). */
const MOCK_ORIGIN = 'http://127.0.0.1:4010';

interface PostmanEnvironment {
  values: { key: string; value: string }[];
}

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function mockEnvironment(slug: string): PostmanEnvironment {
  const environment = readJson<PostmanEnvironment>(join(generatedDir, slug, 'postman_environment.mock.json'));
  const values = environment.values.map((entry) => ({ ...entry, value: entry.value.replace(MOCK_ORIGIN, running.url) }));
  // Nothing but this machine's mock may be called: a URL elsewhere in the environment stops the run before it starts.
  const elsewhere = values.filter((entry) => /^https?:/i.test(entry.value) && !entry.value.startsWith(running.url));
  if (elsewhere.length > 0)
    throw new Error(`the mock environment of ${slug} points elsewhere: ${elsewhere.map((entry) => entry.key).join(', ')}`);
  return { ...environment, values };
}

function runCollection(slug: string): Promise<NewmanRunSummary> {
  const collection = readJson<object>(join(generatedDir, slug, 'postman_collection.json'));
  return new Promise((resolve, reject) => {
    newman.run({ collection, environment: mockEnvironment(slug), reporters: [], timeoutRequest: 10_000 }, (error, summary) =>
      error ? reject(error) : resolve(summary),
    );
  });
}

/** The operations of the bundle with the statuses a request may get: its documented 2xx (else all), ranges (`2XX`) included. */
function documentedOperations(slug: string): { name: string; statuses: string[] }[] {
  return running.provider(slug).operations.map((operation) => {
    const raw: JsonObject = operation.raw;
    const statuses = Object.keys(isObject(raw.responses) ? raw.responses : {}).filter((key) => /^[1-5](\d\d|XX)$/i.test(key));
    const success = statuses.filter((key) => key.startsWith('2'));
    return {
      name: typeof raw.summary === 'string' ? raw.summary.trim() : operation.info.operationId,
      statuses: success.length > 0 ? success : statuses,
    };
  });
}

function isDocumented(code: number, statuses: readonly string[]): boolean {
  return statuses.includes(String(code)) || statuses.some((key) => key.toUpperCase() === `${String(code).charAt(0)}XX`);
}

const slugs = readdirSync(generatedDir)
  .filter((slug) => existsSync(join(generatedDir, slug, 'postman_collection.json')))
  .sort();

describe('the generated Postman collections run with newman against the mock', () => {
  it('finds a collection for every bundle', () => {
    expect(slugs).toEqual(running.providers.map((provider) => provider.slug).sort());
  });

  it.each(slugs)('%s: every request answers a documented success and passes its tests', async (slug) => {
    const summary = await runCollection(slug);
    const failures = summary.run.failures.map(
      (failure) => `${failure.source?.name ?? '?'}: ${failure.error.test ?? ''} ${failure.error.message}`,
    );
    expect(failures).toEqual([]);
    const answered = new Map<string, number[]>();
    for (const execution of summary.run.executions) {
      const codes = answered.get(execution.item.name) ?? [];
      codes.push(execution.response.code);
      answered.set(execution.item.name, codes);
    }
    for (const operation of documentedOperations(slug)) {
      const codes = answered.get(operation.name);
      expect(codes, `${slug}: no request ran for "${operation.name}"`).toBeDefined();
      for (const code of codes ?? [])
        expect(
          isDocumented(code, operation.statuses),
          `${slug} "${operation.name}" answered ${code}, documented ${operation.statuses.join(', ')}`,
        ).toBe(true);
    }
    // The collection's tests really ran: one status check per request at least.
    expect(summary.run.stats.assertions.total ?? 0).toBeGreaterThanOrEqual(summary.run.executions.length);
  });

  it('eccor-fgts: the pre-request script fetches the token, so no request gets a 401', async () => {
    const summary = await runCollection('eccor-fgts');
    const codes = summary.run.executions.map((execution) => execution.response.code);
    expect(codes.length).toBeGreaterThanOrEqual(12);
    expect(codes).not.toContain(401);
    // What the mock's token endpoint hands out: the requests must carry that token, fetched by the script.
    const issued = await fetch(`${running.url}/eccor-fgts/oauth2/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('mock-client-id:mock-client-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials&scope=credit%2Fadmin',
    });
    const { access_token: token } = (await issued.json()) as { access_token: string };
    const bearers = summary.run.executions
      .map((execution) => execution.request.headers.get('Authorization'))
      .filter((value) => value?.startsWith('Bearer'));
    expect(bearers.length).toBeGreaterThanOrEqual(12);
    expect(new Set(bearers)).toEqual(new Set([`Bearer ${token}`]));
  });
});
