import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrap, type LogEvent } from '../../src/index.js';
import { ResponseValidationError, validateResponses, type OpenApiDocument } from '../../src/validate/index.js';
import { createThingsClient } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

const spec = JSON.parse(readFileSync(new URL('../fixtures/things-api.openapi.json', import.meta.url), 'utf8')) as OpenApiDocument;

const thing = {
  id: 't-1',
  name: 'first',
  amount: 10.5,
  status: 'OPEN',
  createdAt: '2024-05-01T10:00:00Z',
  owner: { kind: 'PF', cpf: '12345678909' },
};

async function clientAnswering(body: unknown, status = 200) {
  const api = await servers.start((_request, response) => sendJson(response, status, body));
  const events: LogEvent[] = [];
  const client = createThingsClient({ baseUrl: api.url, retry: false, logger: (event) => events.push(event) });
  return { client, events, validations: () => events.filter((event) => event.type === 'validation') };
}

describe('validateResponses reports drift from the spec', () => {
  it('a response that matches the spec passes silently (refs, discriminator, formats, x- keywords)', async () => {
    const { client, validations } = await clientAnswering(thing);
    client.use(validateResponses(spec));
    expect(unwrap(await client.GET('/things/{id}', { params: { path: { id: 't-1' } } }))).toEqual(thing);
    expect(validations()).toEqual([]);
  });

  it('warn mode: an extra field is reported through the logger, and the call still succeeds', async () => {
    const { client, validations } = await clientAnswering({ ...thing, riskScore: 7 });
    client.use(validateResponses(spec));
    const result = await client.GET('/things/{id}', { params: { path: { id: 't-1' } } });
    expect(result.response.status).toBe(200);
    const [event, ...rest] = validations();
    expect(rest).toEqual([]);
    expect(event?.level).toBe('warn');
    expect(event?.operation).toBe('/things/{id}');
    expect(event?.issues).toEqual([{ instancePath: '/riskScore', keyword: 'unevaluatedProperties', message: 'is not in the spec' }]);
    expect(event?.message).toContain('/riskScore is not in the spec');
  });

  it('an extra field nested in a oneOf member is reported too, a declared one is not', async () => {
    const { client, validations } = await clientAnswering({ ...thing, owner: { kind: 'PJ', cnpj: '12345678000190', tradeName: 'X' } });
    client.use(validateResponses(spec));
    await client.GET('/things/{id}', { params: { path: { id: 't-1' } } });
    const issues = validations()[0]?.issues ?? [];
    expect(issues.map((issue) => issue.instancePath)).toContain('/owner/tradeName');
    expect(issues.map((issue) => issue.instancePath)).not.toContain('/owner/cnpj');
  });

  it('throw mode: a wrong type rejects the call with ResponseValidationError', async () => {
    const { client } = await clientAnswering({ ...thing, amount: '10.50' });
    client.use(validateResponses(spec, { mode: 'throw' }));
    const error = (await client
      .GET('/things/{id}', { params: { path: { id: 't-1' } } })
      .catch((caught: unknown) => caught)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.name).toBe('ResponseValidationError');
    expect(error.status).toBe(200);
    expect(error.path).toBe('/things/{id}');
    expect(error.mediaType).toBe('application/json');
    expect(error.issues).toEqual([{ instancePath: '/amount', keyword: 'type', message: 'must be number' }]);
    expect(error.message).toContain('GET /things/{id}');
  });

  it('checks error bodies, items of arrays, and undocumented statuses', async () => {
    const api = await servers.start((request, response) => {
      if (request.url === '/things') sendJson(response, 200, { items: [{ ...thing, status: 'PAUSED' }] });
      else if (request.url === '/things/missing') sendJson(response, 404, { request_code: 'rc', message: 'gone' });
      else sendJson(response, 418, { message: 'teapot' });
    });
    const events: LogEvent[] = [];
    const client = createThingsClient({ baseUrl: api.url, retry: false, logger: (event) => events.push(event) });
    client.use(validateResponses(spec));
    await client.GET('/things');
    await client.GET('/things/{id}', { params: { path: { id: 'missing' } } });
    await client.GET('/things/{id}', { params: { path: { id: 'teapot' } } });
    const issues = events.filter((event) => event.type === 'validation').map((event) => event.issues);
    expect(issues).toEqual([
      [{ instancePath: '/items/0/status', keyword: 'enum', message: 'must be equal to one of the allowed values' }],
      [{ instancePath: '', keyword: 'required', message: "must have required property 'return_code'" }],
      [{ instancePath: '', keyword: 'status', message: 'status 418 is not documented for this operation' }],
    ]);
  });

  it('closedObjects: false only reports what the schemas themselves forbid', async () => {
    const { client, validations } = await clientAnswering({ ...thing, riskScore: 7 });
    client.use(validateResponses(spec, { closedObjects: false }));
    await client.GET('/things/{id}', { params: { path: { id: 't-1' } } });
    expect(validations()).toEqual([]);
  });

  it('never puts a CPF from the body in its reports', async () => {
    const { client } = await clientAnswering({ ...thing, owner: { kind: 'PF', cpf: '123.456.789-09' } });
    client.use(validateResponses(spec, { mode: 'throw' }));
    const error = (await client
      .GET('/things/{id}', { params: { path: { id: '12345678909' } } })
      .catch((caught: unknown) => caught)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(JSON.stringify(error.issues) + error.message).not.toMatch(/123\.?456\.?789-?09/);
  });
});
