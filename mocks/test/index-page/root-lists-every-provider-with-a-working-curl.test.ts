/**
 * `GET /` lists every provider found in generated/ with its base URL, operations and a sample request
 * that works as shown.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedDir, startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

interface Index {
  providers: { slug: string; baseUrl: string; contract: { json: string; yaml: string }; operations: string[]; sampleCurl: string }[];
}

/** Runs the sample curl's request with fetch (same method, headers, body and URL). */
function fromCurl(curl: string): { url: string; init: RequestInit } {
  const words = [...curl.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((match) => (match[1] ?? match[2] ?? '').replace(/'\\''/g, "'"));
  const headers: Record<string, string> = {};
  let method = 'GET';
  let body: string | undefined;
  let url = '';
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '-H') {
      const [name, ...value] = (words[++i] ?? '').split(': ');
      headers[name ?? ''] = value.join(': ');
    } else if (word === '-X') method = words[++i] ?? 'GET';
    else if (word === '--data') body = words[++i];
    else if (word !== '-i') url = word;
  }
  return { url, init: { method, headers, ...(body === undefined ? {} : { body }) } };
}

describe('the index', () => {
  it('lists every bundle in generated/ with a sample curl that works', async () => {
    const index = (await send(`${running.url}/`)).json as Index;
    const slugs = readdirSync(generatedDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(index.providers.map((provider) => provider.slug)).toEqual(slugs);
    for (const provider of index.providers) {
      expect(provider.baseUrl).toBe(`${running.url.replace('127.0.0.1', '127.0.0.1')}/${provider.slug}`);
      expect(provider.operations.length).toBeGreaterThan(0);
      expect(provider.contract).toEqual({ json: `${provider.baseUrl}/openapi.json`, yaml: `${provider.baseUrl}/openapi.yaml` });
      for (const url of Object.values(provider.contract)) expect((await send(url)).status, url).toBe(200);
      const { url, init } = fromCurl(provider.sampleCurl);
      expect(url.startsWith(provider.baseUrl)).toBe(true);
      const answer = await send(url, init);
      expect(answer.status, provider.sampleCurl).toBeLessThan(300);
    }
  });
});
