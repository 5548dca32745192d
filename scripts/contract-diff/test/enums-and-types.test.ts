import { describe, expect, it } from 'vitest';
import { changes, getThings, json, object, ok, postThings } from './fixtures.js';

/** The same schema change seen by a reader (a response field) and by a writer (a request body field). */
function both(before: object, after: object): { read: string[]; write: string[] } {
  return {
    read: changes(
      getThings(ok(object({ v: before as Record<string, never> }))),
      getThings(ok(object({ v: after as Record<string, never> }))),
    ),
    write: changes(
      postThings({ required: true, ...json(object({ v: before as Record<string, never> })) }),
      postThings({ required: true, ...json(object({ v: after as Record<string, never> })) }),
    ),
  };
}
const verdicts = (result: { read: string[]; write: string[] }) => ({
  read: result.read.map((line) => line.split(':')[0]),
  write: result.write.map((line) => line.split(':')[0]),
});

describe('enum values', () => {
  it('an added value breaks readers (a value they do not know), not writers', () => {
    const result = both({ type: 'string', enum: ['A'] }, { type: 'string', enum: ['A', 'B'] });
    expect(result.read).toEqual(['breaking: GET /things response 200 (application/json) v: enum value "B" added']);
    expect(verdicts(result).write).toEqual(['compatible']);
  });

  it('a removed value breaks writers (the provider refuses it), not readers', () => {
    const result = both({ type: 'string', enum: ['A', 'B'] }, { type: 'string', enum: ['A'] });
    expect(result.write).toEqual(['breaking: POST /things request body (application/json) v: enum value "B" removed']);
    expect(verdicts(result).read).toEqual(['compatible']);
  });

  it('an enum added to a free value narrows it; an enum dropped widens it', () => {
    expect(verdicts(both({ type: 'string' }, { type: 'string', enum: ['A'] }))).toEqual({ read: ['compatible'], write: ['breaking'] });
    expect(verdicts(both({ type: 'string', enum: ['A'] }, { type: 'string' }))).toEqual({ read: ['breaking'], write: ['compatible'] });
  });
});

describe('types, formats and bounds', () => {
  it('a widened type (null allowed, integer → number) breaks readers, not writers', () => {
    expect(verdicts(both({ type: 'string' }, { type: ['string', 'null'] }))).toEqual({ read: ['breaking'], write: ['compatible'] });
    expect(verdicts(both({ type: 'integer' }, { type: 'number' }))).toEqual({ read: ['breaking'], write: ['compatible'] });
  });

  it('a narrowed type (null no longer allowed, number → integer) breaks writers, not readers', () => {
    expect(verdicts(both({ type: ['string', 'null'] }, { type: 'string' }))).toEqual({ read: ['compatible'], write: ['breaking'] });
    expect(both({ type: 'number' }, { type: 'integer' }).write).toEqual([
      'breaking: POST /things request body (application/json) v: type number → integer (narrowed)',
    ]);
  });

  it('a type changed to an unrelated one breaks both', () => {
    expect(verdicts(both({ type: 'string' }, { type: 'integer' }))).toEqual({ read: ['breaking'], write: ['breaking'] });
  });

  it('a format or pattern added narrows, removed widens, changed breaks both', () => {
    expect(verdicts(both({ type: 'integer' }, { type: 'integer', format: 'int32' }))).toEqual({
      read: ['compatible'],
      write: ['breaking'],
    });
    expect(verdicts(both({ type: 'string', pattern: '^\\d+$' }, { type: 'string' }))).toEqual({
      read: ['breaking'],
      write: ['compatible'],
    });
    expect(verdicts(both({ type: 'string', format: 'date' }, { type: 'string', format: 'date-time' }))).toEqual({
      read: ['breaking'],
      write: ['breaking'],
    });
  });

  it('a tighter bound (higher minimum, lower maxLength) narrows; a looser one widens', () => {
    expect(both({ type: 'string', maxLength: 100 }, { type: 'string', maxLength: 50 }).write).toEqual([
      'breaking: POST /things request body (application/json) v: maxLength 100 → 50 (narrowed)',
    ]);
    expect(verdicts(both({ type: 'integer', minimum: 1 }, { type: 'integer', minimum: 0 }))).toEqual({
      read: ['breaking'],
      write: ['compatible'],
    });
    expect(verdicts(both({ type: 'integer' }, { type: 'integer', maximum: 10 }))).toEqual({ read: ['compatible'], write: ['breaking'] });
  });
});
