import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@credit-apis/contract-core';
import { changes, doc, json, object, postThings } from './fixtures.js';

const body = (schema: JsonObject, required = true): JsonObject => ({ required, ...json(schema) });

describe('request bodies (the partner writes them)', () => {
  it('a required field added is breaking, an optional one is not', () => {
    const before = postThings(body(object({ name: { type: 'string' } })));
    expect(changes(before, postThings(body(object({ name: { type: 'string' }, cpf: { type: 'string' } }, ['cpf']))))).toEqual([
      'breaking: POST /things request body (application/json) cpf: field added, required',
    ]);
    expect(changes(before, postThings(body(object({ name: { type: 'string' }, note: { type: 'string' } }))))).toEqual([
      'compatible: POST /things request body (application/json) note: field added, optional',
    ]);
  });

  it('a removed field is breaking (a typed caller that sets it no longer compiles)', () => {
    expect(
      changes(
        postThings(body(object({ name: { type: 'string' }, note: { type: 'string' } }))),
        postThings(body(object({ name: { type: 'string' } }))),
      ),
    ).toEqual(['breaking: POST /things request body (application/json) note: field removed']);
  });

  it('a field made required is breaking, one made optional is not', () => {
    const fields = { name: { type: 'string' } };
    expect(changes(postThings(body(object(fields))), postThings(body(object(fields, ['name']))))).toEqual([
      'breaking: POST /things request body (application/json) name: optional → required',
    ]);
    expect(changes(postThings(body(object(fields, ['name']))), postThings(body(object(fields))))).toEqual([
      'compatible: POST /things request body (application/json) name: required → optional',
    ]);
  });

  it('a body added as required, or made required, is breaking; a media type removed is breaking, one added is not', () => {
    const none = doc({ '/things': { post: { responses: { '201': { description: 'created' } } } } });
    expect(changes(none, postThings(body({ type: 'object' })))).toEqual(['breaking: POST /things request body: added, required']);
    expect(changes(postThings(body({ type: 'object' }, false)), postThings(body({ type: 'object' })))).toEqual([
      'breaking: POST /things request body: optional → required',
    ]);
    const form = { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } } };
    expect(changes(postThings(body({ type: 'object' })), postThings(form))).toEqual([
      'breaking: POST /things request body (application/json): media type removed',
      'compatible: POST /things request body (application/x-www-form-urlencoded): media type added',
    ]);
  });

  it('nested fields are named by their path, array items with []', () => {
    const item = (fields: object) =>
      body(object({ items: { type: 'array', items: object({ borrower: object(fields as Record<string, never>) }) } }));
    expect(
      changes(postThings(item({ name: { type: 'string' }, age: { type: 'integer' } })), postThings(item({ name: { type: 'string' } }))),
    ).toEqual(['breaking: POST /things request body (application/json) items[].borrower.age: field removed']);
  });
});
