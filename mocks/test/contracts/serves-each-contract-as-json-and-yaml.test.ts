/**
 * Every provider's contract is downloadable from the mock: `/<slug>/openapi.json` and `/<slug>/openapi.yaml`,
 * the files of @credit-apis/specs byte for byte, with their content types; other methods are not answered.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';

const require = createRequire(import.meta.url);
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

describe('the contracts, served', () => {
  it('answers /<slug>/openapi.json and /<slug>/openapi.yaml with the specs package files', async () => {
    for (const provider of mock.providers) {
      for (const [suffix, type] of [
        ['json', 'application/json'],
        ['yaml', 'application/yaml'],
      ] as const) {
        const response = await fetch(`${mock.url}/${provider.slug}/openapi.${suffix}`);
        expect(response.status, `${provider.slug} ${suffix}`).toBe(200);
        expect(response.headers.get('content-type')).toContain(type);
        expect(await response.text()).toBe(readFileSync(require.resolve(`@credit-apis/specs/${provider.slug}.${suffix}`), 'utf8'));
      }
    }
  });

  it('keeps other methods and other file names out', async () => {
    const post = await fetch(`${mock.url}/zemo/openapi.json`, { method: 'POST' });
    expect(post.status).not.toBe(200);
    const other = await fetch(`${mock.url}/zemo/openapi.txt`);
    expect(other.status).toBe(404);
  });
});
