/**
 * The README's example is `examples/basic.ts`, verbatim (with the published package names): this test checks
 * that the two are the same text, then runs the example against local servers.
 */
import { describe, expect, it } from 'vitest';
import { sendJson, startTestServer } from '@credit-apis/test-kit/http-server';
import { captureConsole } from '@credit-apis/test-kit/console';
import { itShowsTheExampleInTheReadme } from '@credit-apis/test-kit/readme-example';
import { readBundle, requestExample, responseExample, specOperation, startSpecServer } from '@credit-apis/test-kit/spec-server';
import { createAndTrack, inssClient } from '../../examples/basic.js';
import type { CreateOperationRequest, RequestValidatorError } from '../../src/index.js';

const spec = readBundle('nossa-fintech-inss');
const request = requestExample<CreateOperationRequest>(spec, 'createOperation');

describe('README example (examples/basic.ts)', () => {
  itShowsTheExampleInTheReadme(new URL('../../', import.meta.url));

  it('runs: creates the documented operation, then reads its tracking (answers checked against the contract)', async () => {
    const { info, warn } = captureConsole();
    const server = await startSpecServer(spec, { authorization: { bearerAuth: 'Bearer login-token' } });
    const client = inssClient({ baseUrl: server.url }, 'login-token', true);
    expect(await createAndTrack(client, request, 'e697d1c9-7265-45be-a35e-70b9e71d1803')).toBe(
      '00d7ccb6-64bd-4de5-a076-6cd796e0d5dc: waiting_signature, 1 event(s), last Rascunho',
    );
    expect(server.problems).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    expect(info.mock.calls.map(([message]) => String(message).replace(/\d+ ms/, 'N ms'))).toEqual([
      'nossa-fintech-inss: POST /inss/v1/operation → 200 in N ms (attempt 1)',
      'nossa-fintech-inss: GET /inss/v1/operation/00d7ccb6-64bd-4de5-a076-6cd796e0d5dc?credit_operation_key=*** → 200 in N ms (attempt 1)',
    ]);
  });

  it('runs: a 400 is read as the typed RequestValidatorError, and the POST is not retried', async () => {
    captureConsole();
    const refusal = responseExample<RequestValidatorError>(spec, 'createOperation', '400');
    const server = await startTestServer((_request, response) => sendJson(response, 400, refusal));
    expect(await createAndTrack(inssClient({ baseUrl: server.url }, 'login-token'), request, 'k')).toBe(
      "refused: LEG000041 Payload Invalido ('' should be non-empty in borrower.name)",
    );
    expect(server.requests).toHaveLength(1);
  });

  it('runs: a tracking GET that stalls times out per attempt, and is retried twice first', async () => {
    captureConsole();
    const created = specOperation(spec, 'createOperation').success.body;
    const server = await startTestServer((incoming, response) => {
      if (incoming.method === 'POST') sendJson(response, 200, created);
      // the GET never answers
    });
    // A backoff of a few ms instead of the default 0.5 s then 1 s: the retries are what is checked, not the wait.
    const client = inssClient({ baseUrl: server.url, retry: { initialDelayMs: 5 } }, 'login-token');
    expect(await createAndTrack(client, request, 'k', 50)).toBe(
      '00d7ccb6-64bd-4de5-a076-6cd796e0d5dc: created, tracking timed out after 50 ms',
    );
    expect(server.requests.map((incoming) => incoming.method)).toEqual(['POST', 'GET', 'GET', 'GET']);
  });
});
