/**
 * UY3's token endpoint (`/eccor-fgts/oauth2/token`): Basic credentials and a client-credentials form give
 * a bearer token (`expires_in: 3600`, `token_type: "Bearer"`) that the `/v1` API accepts; a form without
 * `grant_type` gets the documented `{"error": "invalid_request"}`, another grant type
 * `unsupported_grant_type` (RFC 6749 §5.2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_BASIC } from '../../src/catalog/sample-request.js';
import { hasProvider, startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

const form = { authorization: SAMPLE_BASIC, 'content-type': 'application/x-www-form-urlencoded' };

describe.runIf(hasProvider('eccor-fgts'))('the token endpoint', () => {
  const token = (body: string, headers: Record<string, string> = form) =>
    send(`${running.url}/eccor-fgts/oauth2/token`, { method: 'POST', headers, body });

  it('issues a bearer token that the API accepts', async () => {
    const answer = await token('grant_type=client_credentials&scope=credit%2Fadmin');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ expires_in: 3600, token_type: 'Bearer' });
    const accessToken = (answer.json as { access_token: string }).access_token;
    expect(accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const products = await send(`${running.url}/eccor-fgts/v1/Product`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(products.status).toBe(200);
  });

  it('answers invalid_request when grant_type is missing', async () => {
    const answer = await token('scope=credit%2Fadmin');
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: 'invalid_request' });
    expect(answer.headers.get('sl-violations')).toContain('grant_type');
  });

  it('answers unsupported_grant_type for another grant', async () => {
    const answer = await token('grant_type=password&scope=credit%2Fadmin');
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: 'unsupported_grant_type' });
  });

  it('answers invalid_request to a JSON body', async () => {
    const answer = await token('{"grant_type":"client_credentials"}', { authorization: SAMPLE_BASIC, 'content-type': 'application/json' });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: 'invalid_request' });
  });
});
