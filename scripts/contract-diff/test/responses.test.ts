import { describe, expect, it } from 'vitest';
import { changes, getThings, json, object, ok } from './fixtures.js';

describe('responses (the partner reads them)', () => {
  it('a removed status is breaking, an added one is not', () => {
    const notFound = { '404': { description: 'not found' } };
    expect(
      changes(
        getThings({ ...ok({ type: 'object' }), ...notFound }),
        getThings({ ...ok({ type: 'object' }), '409': { description: 'conflict' } }),
      ),
    ).toEqual(['breaking: GET /things response 404: status removed', 'compatible: GET /things response 409: status added']);
  });

  it('a removed field is breaking, an added one is not (even if required)', () => {
    const before = getThings(ok(object({ id: { type: 'string' }, name: { type: 'string' } })));
    expect(changes(before, getThings(ok(object({ id: { type: 'string' }, total: { type: 'integer' } }, ['total']))))).toEqual([
      'breaking: GET /things response 200 (application/json) name: field removed',
      'compatible: GET /things response 200 (application/json) total: field added, required',
    ]);
  });

  it('a field made optional is breaking (readers relied on it), one made required is not', () => {
    const fields = { id: { type: 'string' } };
    expect(changes(getThings(ok(object(fields, ['id']))), getThings(ok(object(fields))))).toEqual([
      'breaking: GET /things response 200 (application/json) id: required → optional',
    ]);
    expect(changes(getThings(ok(object(fields))), getThings(ok(object(fields, ['id']))))).toEqual([
      'compatible: GET /things response 200 (application/json) id: optional → required',
    ]);
  });

  it('a removed header is breaking, an added one is not (header names compare case-insensitively)', () => {
    const headers = (names: string[]) =>
      getThings({
        '200': {
          description: 'ok',
          headers: Object.fromEntries(names.map((name) => [name, { schema: { type: 'string' } }])),
          ...json({ type: 'object' }),
        },
      });
    expect(changes(headers(['X-Request-Id', 'X-Rate-Limit-Reset']), headers(['x-request-id', 'Retry-After']))).toEqual([
      'compatible: GET /things response 200 header Retry-After: added',
      'breaking: GET /things response 200 header X-Rate-Limit-Reset: removed',
    ]);
  });

  it('a change in a shared component is reported in every operation that uses it, and recursive schemas end', () => {
    const node = (fields: object) => ({
      schemas: { Node: object({ ...fields, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } }) },
    });
    const withComponents = (fields: object) => ({
      ...getThings(ok({ $ref: '#/components/schemas/Node' })),
      paths: {
        '/a': { get: { responses: ok({ $ref: '#/components/schemas/Node' }) } },
        '/b': { get: { responses: ok({ $ref: '#/components/schemas/Node' }) } },
      },
      components: node(fields),
    });
    expect(
      changes(withComponents({ id: { type: 'string' }, name: { type: 'string' } }), withComponents({ id: { type: 'string' } })),
    ).toEqual([
      'breaking: GET /a response 200 (application/json) name: field removed',
      'breaking: GET /b response 200 (application/json) name: field removed',
    ]);
  });

  it('allOf members are merged: a field removed from one of them is a field removed', () => {
    const shape = (extra: object) => ok({ allOf: [object({ id: { type: 'string' } }, ['id']), object(extra as Record<string, never>)] });
    expect(changes(getThings(shape({ name: { type: 'string' } })), getThings(shape({})))).toEqual([
      'breaking: GET /things response 200 (application/json) name: field removed',
    ]);
  });
});
