/**
 * A value outside an open enum's documented set (`x-open-enum`) is valid: `validateResponses` reports it as
 * drift (issue keyword `x-open-enum`) in both modes and lets the typed answer through; a real mismatch next
 * to it still throws in `throw` mode.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrap, type LogEvent } from '../../src/index.js';
import { OPEN_ENUM_KEYWORD, ResponseValidationError, validateResponses, type OpenApiDocument } from '../../src/validate/index.js';
import { createThingsClient } from '../helpers/clients.js';
import { sendJson, serverPool } from '@credit-apis/test-kit/http-server';

const servers = serverPool();
afterEach(() => servers.closeAll());

type Schemas = Record<string, { properties: Record<string, unknown> }>;
const closed = JSON.parse(readFileSync(new URL('../fixtures/things-api.openapi.json', import.meta.url), 'utf8')) as OpenApiDocument & {
  components: { schemas: Schemas };
};
// The fixture's `Thing.status` (`OPEN | CLOSED`), opened as specs/README.md says.
const spec = structuredClone(closed);
const thingSchema = spec.components.schemas.Thing as { properties: Record<string, unknown> };
thingSchema.properties.status = {
  type: 'string',
  'x-open-enum': true,
  anyOf: [{ type: 'string', enum: ['OPEN', 'CLOSED'] }, { type: 'string' }],
};

const thing = { id: 't-1', name: 'first', amount: 10.5, status: 'OPEN', createdAt: '2024-05-01T10:00:00Z' };

async function clientAnswering(body: unknown) {
  const api = await servers.start((_request, response) => sendJson(response, 200, body));
  const events: LogEvent[] = [];
  const client = createThingsClient({ baseUrl: api.url, retry: false, logger: (event) => events.push(event) });
  return { client, validations: () => events.filter((event) => event.type === 'validation') };
}

const drift = {
  instancePath: '/status',
  keyword: OPEN_ENUM_KEYWORD,
  message: 'is not one of the values the spec documents (an open enum: accepted, reported as drift)',
};

describe('validateResponses: a value outside an open enum is drift, not an error', () => {
  it('a documented value of an open enum passes silently', async () => {
    const { client, validations } = await clientAnswering(thing);
    client.use(validateResponses(spec));
    expect(unwrap(await client.GET('/things/{id}', { params: { path: { id: 't-1' } } }))).toEqual(thing);
    expect(validations()).toEqual([]);
  });

  it('warn mode: an undocumented value is reported with its own keyword, and the answer goes through', async () => {
    const { client, validations } = await clientAnswering({ ...thing, status: 'CANCELLED' });
    client.use(validateResponses(spec));
    expect(unwrap(await client.GET('/things/{id}', { params: { path: { id: 't-1' } } }))).toMatchObject({ status: 'CANCELLED' });
    expect(validations().map((event) => [event.level, event.issues])).toEqual([['warn', [drift]]]);
    expect(validations()[0]?.message).toBe(
      'things: GET /things/{id} answered 200 with values the spec does not document yet (open enums, accepted): /status',
    );
  });

  it('throw mode: an undocumented value is still only reported, never thrown', async () => {
    const { client, validations } = await clientAnswering({ ...thing, status: 'CANCELLED' });
    client.use(validateResponses(spec, { mode: 'throw' }));
    expect(unwrap(await client.GET('/things/{id}', { params: { path: { id: 't-1' } } }))).toMatchObject({ status: 'CANCELLED' });
    expect(validations().map((event) => event.issues)).toEqual([[drift]]);
  });

  it('throw mode: a mismatch next to it throws, listing both', async () => {
    const { client } = await clientAnswering({ ...thing, status: 'CANCELLED', amount: '10.50' });
    client.use(validateResponses(spec, { mode: 'throw' }));
    const error = (await client
      .GET('/things/{id}', { params: { path: { id: 't-1' } } })
      .catch((caught: unknown) => caught)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues).toEqual([{ instancePath: '/amount', keyword: 'type', message: 'must be number' }, drift]);
  });

  it('a value of the wrong type in an open enum is a mismatch, not drift', async () => {
    const { client, validations } = await clientAnswering({ ...thing, status: 7 });
    client.use(validateResponses(spec));
    await client.GET('/things/{id}', { params: { path: { id: 't-1' } } });
    const issues = validations()[0]?.issues ?? [];
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((issue) => issue.keyword)).not.toContain(OPEN_ENUM_KEYWORD);
  });

  it('a closed enum stays closed: the same value is a mismatch there', async () => {
    const { client } = await clientAnswering({ ...thing, status: 'CANCELLED' });
    client.use(validateResponses(closed, { mode: 'throw' }));
    const error = (await client
      .GET('/things/{id}', { params: { path: { id: 't-1' } } })
      .catch((caught: unknown) => caught)) as ResponseValidationError;
    expect(error.issues.map((issue) => issue.keyword)).toEqual(['enum']);
  });
});
