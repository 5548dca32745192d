/**
 * Drives a client through every path that logs or throws — token requests (issued and refused), 401 renewal,
 * retries, network errors, timeouts, provider error bodies, an HTML page, CPFs in paths, queries and
 * correlation ids, with providers that echo credentials back — collects every log event and every error
 * message, and searches them for the secrets and the CPF.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, clientCredentials, unwrap, type LogEvent } from '../../src/index.js';
import { createThingsClient } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.Sig_N4ture-xyz';
const TOKEN_2 = 'second-client-token_0123456789abcdef';
const CLIENT_ID = 'partner-app';
const CLIENT_SECRET = 'Cl1ent-S3cret!value';
const BASIC_FROM_SECRET = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
const BASIC_TOKEN = 'VVkzLWJhc2ljLXRva2VuLXNlY3JldA==';
const STATIC_BEARER = 'static-bearer-token-value-42';
const CPF_PUNCTUATED = '123.456.789-09';
const CPF_DIGITS = '12345678909';

const FORBIDDEN = [TOKEN, TOKEN_2, CLIENT_SECRET, BASIC_FROM_SECRET, BASIC_TOKEN, STATIC_BEARER, CPF_PUNCTUATED, CPF_DIGITS];

describe('no token, Basic secret, client secret or CPF in any log line or error message', () => {
  it('holds across every logging and error path', async () => {
    const logLines: string[] = [];
    const errorTexts: string[] = [];
    const collect = (event: LogEvent): void => {
      logLines.push(JSON.stringify(event));
    };
    const levelLogger = {
      debug: (message: string, event: LogEvent) => logLines.push(message, JSON.stringify(event)),
      info: (message: string, event: LogEvent) => logLines.push(message, JSON.stringify(event)),
      warn: (message: string, event: LogEvent) => logLines.push(message, JSON.stringify(event)),
      error: (message: string, event: LogEvent) => logLines.push(message, JSON.stringify(event)),
    };
    const capture = async (run: () => Promise<unknown>): Promise<void> => {
      try {
        await run();
      } catch (error) {
        const err = error as Error & { cause?: unknown };
        errorTexts.push(err.message, err.stack ?? '', String(err.cause instanceof Error ? err.cause.message : ''));
        return;
      }
      throw new Error('expected the call to throw');
    };

    let tokenRequests = 0;
    const auth = await servers.start((request, response) => {
      tokenRequests += 1;
      // The second token request is refused, echoing what it got.
      if (tokenRequests === 2) {
        sendJson(response, 400, { error: 'invalid_client', received: request.headers.authorization, secret: CLIENT_SECRET });
      } else sendJson(response, 200, { access_token: TOKEN, expires_in: 3600, token_type: 'Bearer' });
    });

    const api = await servers.start((request, response) => {
      const path = request.url;
      // Echoes the credential without its scheme (so only the client's knowledge of it can redact it) and the
      // CPF; to the client-secret client, its client secret and Basic credential too.
      const bare = String(request.headers.authorization).replace(/^\S+ /, '');
      const secrets = bare === TOKEN ? ` (${CLIENT_SECRET}, ${BASIC_FROM_SECRET})` : '';
      const echo = `token ${bare} for ${CPF_PUNCTUATED} / ${CPF_DIGITS}${secrets}`;
      if (path.startsWith('/persons/') && path.includes('boom')) response.socket?.destroy();
      else if (path.startsWith('/persons/') && path.includes('slow')) api.later(5_000, () => sendJson(response, 200, {}));
      else if (path.startsWith('/persons/')) {
        sendJson(
          response,
          500,
          { request_code: `req-${CPF_DIGITS}`, return_code: '500', message: echo },
          { 'x-request-id': `id-${CPF_DIGITS}` },
        );
      } else if (path.startsWith('/things?')) {
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end(`<html><body>upstream said: ${echo}; access_token=${TOKEN}</body></html>`);
      } else if (path.startsWith('/things/')) {
        response.writeHead(401, { 'content-length': '0' });
        response.end();
      } else sendJson(response, 503, { request_code: 'rc', return_code: '503', message: echo }, { 'retry-after': '0' });
    });

    const oauthClient = createThingsClient({
      baseUrl: api.url,
      auth: clientCredentials({
        tokenUrl: `${auth.url}/oauth2/token?client_secret=${CLIENT_SECRET}`,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
      }),
      retry: { initialDelayMs: 5 },
      timeoutMs: 300,
      logger: collect,
    });

    // 500 echoing the bearer token and the CPF, with the CPF in the path, the correlation id and the body.
    await capture(async () =>
      unwrap(await oauthClient.GET('/persons/{registrationNumber}', { params: { path: { registrationNumber: CPF_PUNCTUATED } } })),
    );
    await capture(async () =>
      unwrap(await oauthClient.GET('/persons/{registrationNumber}', { params: { path: { registrationNumber: CPF_DIGITS } } })),
    );
    // HTML 502 echoing token and CPF, CPF in the query; three attempts.
    await capture(() => oauthClient.GET('/things', { params: { query: { registrationNumber: CPF_DIGITS } } }));
    // Connection reset on a path carrying the CPF; retried, then NetworkError.
    await capture(() =>
      oauthClient.GET('/persons/{registrationNumber}', { params: { path: { registrationNumber: `${CPF_DIGITS}-boom` } } }),
    );
    // Timeout on a path carrying the CPF (a short limit of its own: three attempts of 300 ms would be 1 s of waiting).
    await capture(() =>
      oauthClient.GET('/persons/{registrationNumber}', {
        params: { path: { registrationNumber: `${CPF_PUNCTUATED}-slow` } },
        timeoutMs: 50,
      }),
    );
    // 503 echoing everything, on a POST (opted in to retries).
    await capture(async () =>
      unwrap(await oauthClient.POST('/things', { body: { name: CPF_PUNCTUATED, amount: 1 }, retry: { idempotent: true } })),
    );
    // 401 → token renewal → the token endpoint refuses, echoing the Basic credential and the secret.
    await capture(() => oauthClient.GET('/things/{id}', { params: { path: { id: CPF_DIGITS } } }));

    // A second client: provider-issued basic token, and a static bearer token, with an object logger.
    const auth2 = await servers.start((_request, response) =>
      sendJson(response, 200, { access_token: TOKEN_2, expires_in: 3600, token_type: 'Bearer' }),
    );
    const basicClient = createThingsClient({
      baseUrl: api.url,
      auth: clientCredentials({ tokenUrl: `${auth2.url}/oauth2/token`, basicToken: BASIC_TOKEN }),
      logger: levelLogger,
      retry: false,
    });
    await capture(async () => unwrap(await basicClient.POST('/things', { body: { name: 'x', amount: 1 } })));
    const bearerClient = createThingsClient({ baseUrl: api.url, auth: bearer(STATIC_BEARER), logger: levelLogger, retry: false });
    await capture(async () =>
      unwrap(await bearerClient.GET('/persons/{registrationNumber}', { params: { path: { registrationNumber: CPF_DIGITS } } })),
    );

    // Everything was exercised…
    const types = new Set(logLines.filter((line) => line.startsWith('{')).map((line) => (JSON.parse(line) as LogEvent).type));
    expect([...types].sort()).toEqual(['error', 'response', 'retry', 'token']);
    expect(errorTexts.length).toBeGreaterThanOrEqual(9 * 3);
    expect(errorTexts.join('\n')).toMatch(/ApiError|answered 500/);
    // …and the values the servers echoed did reach the client (so redaction had work to do).
    expect(api.requests.some((request) => request.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(api.requests.some((request) => request.url.includes(CPF_DIGITS))).toBe(true);

    const output = [...logLines, ...errorTexts].join('\n');
    for (const forbidden of FORBIDDEN) expect(output).not.toContain(forbidden);
    expect(output).not.toContain(encodeURIComponent(CLIENT_SECRET));
    expect(output).toContain('***');
  });
});
