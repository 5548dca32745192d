/**
 * The README's example is `examples/basic.ts`, verbatim (with the published package names): this test checks
 * that the two are the same text, then runs the example against local servers.
 */
import { describe, expect, it } from 'vitest';
import { sendJson, startTestServer } from '@credit-apis/test-kit/http-server';
import { captureConsole } from '@credit-apis/test-kit/console';
import { itShowsTheExampleInTheReadme } from '@credit-apis/test-kit/readme-example';
import { bancoCdcClient, operationStatus } from '../../examples/basic.js';
import { bancoCdcProfile } from '../../src/index.js';

const envelope = (returnCode: string, message: string) => ({
  request_code: 'rq-77',
  return: 'error',
  return_code: returnCode,
  message,
  data: null,
});

/** The example's client, pointed at a local server answering `answers` in turn. */
async function setUp(answers: { status: number; body: unknown; headers?: Record<string, string> }[]) {
  const server = await startTestServer((_request, response, index) => {
    const answer = answers[index] ?? { status: 500, body: {} };
    sendJson(response, answer.status, answer.body, answer.headers);
  });
  let tokens = 0;
  const client = bancoCdcClient({ baseUrl: server.url }, async () => `cdc-token-${++tokens}`);
  return { server, client };
}

describe('README example (examples/basic.ts)', () => {
  itShowsTheExampleInTheReadme(new URL('../../', import.meta.url));

  it('runs: the operation from the envelope, after a 429 retried with a fresh token', async () => {
    captureConsole();
    const operation = { client_name: 'Maria', status_code: '4', status_description: 'Analysis', installments: [{}, {}] };
    const { server, client } = await setUp([
      { status: 429, body: envelope('429-01', 'Too many requests'), headers: { 'retry-after': '0' } },
      { status: 200, body: { request_code: 'rq-1', return: 'ok', return_code: '200-00', message: 'ok', data: operation } },
    ]);
    expect(await operationStatus(client, 'op-1')).toBe('Maria: 4 Analysis, 2 installment(s)');
    expect(server.requests.map((request) => [request.url, request.headers.authorization])).toEqual([
      ['/operation/op-1', 'Bearer cdc-token-1'],
      ['/operation/op-1', 'Bearer cdc-token-2'],
    ]);
  });

  it('runs: a documented error is read from the envelope, with its request_code as correlation id', async () => {
    captureConsole();
    const { client } = await setUp([
      { status: 400, body: envelope('400-09', 'There are no results for the query.') },
      { status: 401, body: envelope('401-05', 'Unauthorized or token invalid') },
    ]);
    expect(await operationStatus(client, 'op-2')).toBe('not found (rq-77)');
    expect(await operationStatus(client, 'op-2')).toBe('failed: 401 401-05 Unauthorized or token invalid');
  });

  it('with checkContract, answers are checked against the contract: drift is a warning', async () => {
    const { warn } = captureConsole();
    const server = await startTestServer((_request, response) => sendJson(response, 400, { ...envelope('400-10', 'New code'), extra: 1 }));
    const client = bancoCdcClient({ baseUrl: server.url }, async () => 'cdc-token', { checkContract: true });
    expect(await operationStatus(client, 'op-3')).toBe('failed: 400 400-10 New code');
    expect(warn).toHaveBeenCalledWith(
      'banco-cdc: GET /operation/{operation_code} answered 400 with a body that does not match the spec: /extra is not in the spec; /return_code is not one of the values the spec documents (an open enum: accepted, reported as drift)',
      expect.objectContaining({ type: 'validation', status: 400 }),
    );
  });

  it('names the documented environments', () => {
    expect(bancoCdcProfile.environments).toEqual({
      staging: 'https://api.caas.staging.bancocdc.com.br',
      mock: 'http://127.0.0.1:4010/banco-cdc',
    });
    expect(typeof bancoCdcClient({ environment: 'staging' }, async () => 'cdc-token').GET).toBe('function');
  });
});
