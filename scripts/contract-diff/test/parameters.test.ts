import { describe, expect, it } from 'vitest';
import { changes, getThings } from './fixtures.js';

const none = { '204': { description: 'done' } };
const page = (extra: object = {}) => ({ name: 'page', in: 'query', schema: { type: 'integer' }, ...extra });

describe('parameters (the partner writes them)', () => {
  it('a required parameter added is breaking, an optional one is not', () => {
    expect(changes(getThings(none), getThings(none, [page({ required: true })]))).toEqual([
      'breaking: GET /things query parameter page: added, required',
    ]);
    expect(changes(getThings(none), getThings(none, [page()]))).toEqual(['compatible: GET /things query parameter page: added, optional']);
  });

  it('a removed parameter is breaking', () => {
    expect(changes(getThings(none, [page()]), getThings(none))).toEqual(['breaking: GET /things query parameter page: removed']);
  });

  it('optional → required is breaking, required → optional is not', () => {
    expect(changes(getThings(none, [page()]), getThings(none, [page({ required: true })]))).toEqual([
      'breaking: GET /things query parameter page: optional → required',
    ]);
    expect(changes(getThings(none, [page({ required: true })]), getThings(none, [page()]))).toEqual([
      'compatible: GET /things query parameter page: required → optional',
    ]);
  });

  it("a parameter's schema follows the writer's rules: a removed enum value breaks, an added one does not", () => {
    const status = (values: string[]) => [{ name: 'status', in: 'query', schema: { type: 'string', enum: values } }];
    expect(changes(getThings(none, status(['A', 'B'])), getThings(none, status(['A', 'C'])))).toEqual([
      'breaking: GET /things query parameter status: enum value "B" removed',
      'compatible: GET /things query parameter status: enum value "C" added',
    ]);
  });

  it('a path-level parameter counts for every operation of the path', () => {
    const withHeader = {
      paths: {
        '/things': {
          parameters: [{ name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string' } }],
          get: { responses: none },
        },
      },
    };
    const before = { ...getThings(none) };
    expect(changes(before, { ...before, ...withHeader })).toEqual(['breaking: GET /things header parameter X-Tenant: added, required']);
  });
});
