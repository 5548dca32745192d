/**
 * `Prefer: dynamic=true` asks Prism's engine (loaded on first use) for an answer generated from the
 * schema: it must satisfy the schema and differ from the documented example; `example=` still wins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentValidator, describeError } from '@credit-apis/contract-core/validator';
import { SAMPLE_BEARER } from '../../src/catalog/sample-request.js';
import { hasProvider, startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

describe.runIf(hasProvider('zemo'))('Prefer: dynamic=true', () => {
  const url = () => `${running.url}/zemo/api/operations/01962542-38ee-70de-92fe-4e4a0cc375ee`;

  it('generates a valid body that is not the example', async () => {
    const answer = await send(url(), { headers: { authorization: SAMPLE_BEARER, prefer: 'dynamic=true' } });
    expect(answer.status).toBe(200);
    const doc = running.provider('zemo').doc;
    const validator = createDocumentValidator(doc);
    expect(validator.check('#/components/schemas/ZemoOperation', answer.json).map(describeError)).toEqual([]);
    const example = await send(url(), { headers: { authorization: SAMPLE_BEARER } });
    expect(answer.json).not.toEqual(example.json);
  }, 20_000);

  it('lets a named example win, and still checks the credential', async () => {
    const named = await send(url(), { headers: { authorization: SAMPLE_BEARER, prefer: 'dynamic=true, example=company' } });
    expect(named.json).toMatchObject({ operationNumber: 2 });
    const anonymous = await send(url(), { headers: { prefer: 'dynamic=true' } });
    expect(anonymous.status).toBe(401);
  });
});
