/**
 * What the journal keeps is safe to print in a CI log: no bearer token, no Basic credential, no client
 * secret or password, no API key, no cookie, no CPF — in headers, query, path or body, punctuated or not.
 * Credentials keep their scheme (`Bearer ***`), so a test can still assert which kind was sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../support/mock.js';
import { send } from '../support/requests.js';
import { journal } from '../support/control.js';

const TOKEN = 'tok-9f8e7d6c5b4a';
const CLIENT_SECRET = 'partner-secret-31337';
const BASIC = `Basic ${Buffer.from(`partner-app:${CLIENT_SECRET}`).toString('base64')}`;
const CPF = '00805349960';
const CPF_PUNCTUATED = '008.053.499-60';
const SECRETS = [TOKEN, CLIENT_SECRET, BASIC.slice(6), CPF, CPF_PUNCTUATED, 'cookie-value-77', 'key-4242', 'hunter2'];

let running: RunningMock;
beforeAll(async () => {
  running = await startMock();
});
afterAll(() => running.close());

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text, `the journal shows ${secret}`).not.toContain(secret);
}

describe('the journal never holds a secret or a CPF in clear', () => {
  it('redacts credentials in headers, secret-named query values, CPFs in path, query and body, secret body fields', async () => {
    const bearer = { authorization: `Bearer ${TOKEN}` };
    // Token request: Basic credential, client_secret and a password in the form body.
    await send(`${running.url}/eccor-fgts/oauth2/token`, {
      method: 'POST',
      headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&scope=credit%2Fadmin&client_secret=${CLIENT_SECRET}&password=hunter2`,
    });
    // A person with a CPF in the JSON body, and extra credential-bearing headers.
    await send(`${running.url}/eccor-fgts/v1/NaturalPerson`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json', cookie: 'session=cookie-value-77', 'x-api-key': 'key-4242' },
      body: JSON.stringify({ registrationNumber: CPF, name: 'NILCE', nested: [{ document: CPF_PUNCTUATED }], apiKey: 'key-4242' }),
    });
    // CPFs in the query and in the path; a token in the query.
    await send(`${running.url}/eccor-fgts/v1/NaturalPerson?registrationNumber=${CPF}&access_token=${TOKEN}`, { headers: bearer });
    await send(`${running.url}/eccor-fgts/v1/NaturalPerson/${CPF_PUNCTUATED}`, { headers: bearer });
    // Malformed JSON is kept as text: still redacted.
    await send(`${running.url}/eccor-fgts/v1/NaturalPerson`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: `{"registrationNumber": "${CPF}", "password": "hunter2",`,
    });

    const entries = await journal(running);
    expect(entries).toHaveLength(5);
    expectNoSecret(JSON.stringify(entries));
    expectNoSecret(JSON.stringify(running.mock.requests()));

    const [token, person, listed, byPath] = entries;
    expect(token?.headers.authorization).toBe('Basic ***');
    expect(token?.body).toMatchObject({ grant_type: 'client_credentials', scope: 'credit/admin', client_secret: '***', password: '***' });
    expect(person?.headers).toMatchObject({ authorization: 'Bearer ***', cookie: '***', 'x-api-key': '***' });
    expect(person?.body).toEqual({ registrationNumber: '***', name: 'NILCE', nested: [{ document: '***' }], apiKey: '***' });
    expect(listed?.query).toEqual({ registrationNumber: '***', access_token: '***' });
    expect(byPath?.path).toBe('/v1/NaturalPerson/***');
  });
});
