/**
 * A body that is not JSON gets a 400 in the provider's validation shape (never Prism's fixed
 * `invalid_json`), and never takes the server down. UY3 also accepts what its JSON parser accepts: the
 * document's own curls send bodies with `//` comments and get 200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRequest, SAMPLE_BEARER } from '../../src/catalog/sample-request.js';
import { hasProvider, startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

const json = { authorization: SAMPLE_BEARER, 'content-type': 'application/json' };

describe('malformed JSON', () => {
  it.runIf(hasProvider('eccor-fgts'))("UY3: INVALID_FORM with the parser's reason", async () => {
    for (const body of ['{"registrationNumber": ', "{'a': 1}", 'null null', '\u0000']) {
      const answer = await send(`${running.url}/eccor-fgts/v1/NaturalPerson`, { method: 'POST', headers: json, body });
      expect(answer.status, body).toBe(400);
      expect(answer.json).toMatchObject({
        code: 'INVALID_FORM',
        details: { formErrors: [{ key: '', message: expect.stringMatching(/^JSON inválido: /) }] },
      });
    }
  });

  it.runIf(hasProvider('eccor-fgts'))(
    'UY3: a body with // comments and a trailing comma, as the document sends it, is accepted',
    async () => {
      const provider = running.provider('eccor-fgts');
      const request = sampleRequest(provider, running.operation('eccor-fgts', 'simulateAmortization'));
      const commented = (request.body ?? '').replace('{', '{ // Identificador do Produto: "http://x"\n').replace(/}$/, ', /* fim */ }');
      const answer = await send(`${running.url}/eccor-fgts${request.path}`, { method: 'POST', headers: request.headers, body: commented });
      expect(answer.status).toBe(200);
    },
  );

  it.runIf(hasProvider('nossa-fintech-inss'))('INSS: Request Validator Error', async () => {
    const create = running.provider('nossa-fintech-inss').operations.find((operation) => operation.info.method === 'post');
    const answer = await send(`${running.url}/nossa-fintech-inss${create?.info.path ?? ''}`, {
      method: 'POST',
      headers: json,
      body: '{"client": ',
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      title: 'Request Validator Error',
      code: 'LEG000041',
      description: expect.stringMatching(/^Invalid JSON body: /),
    });
  });
});
