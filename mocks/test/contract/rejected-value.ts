/**
 * A value a parameter's schema rejects, derived from the schema: what a client sends when it gets an id or
 * a number wrong (`not-a-uuid` where the spec says `format: uuid`, `abc` where it says integer). The walk
 * test checks with ajv that the schema does reject it, so a schema this helper misreads fails loudly.
 */
import { follow, isObject, type JsonObject } from '../../src/catalog/openapi.js';

const FORMAT_VALUES: Readonly<Record<string, string>> = {
  uuid: 'not-a-uuid',
  date: 'not-a-date',
  'date-time': 'not-a-date-time',
  email: 'not-an-email',
};

/** `undefined` when the schema accepts every string (a plain `type: string`). */
export function rejectedValue(doc: JsonObject, rawSchema: unknown): string | undefined {
  const schema = follow(doc, rawSchema as JsonObject, '#').value;
  if (!isObject(schema)) return undefined;
  if (Array.isArray(schema.enum) || 'const' in schema) return 'not-a-documented-value';
  const format = typeof schema.format === 'string' ? FORMAT_VALUES[schema.format] : undefined;
  if (format) return format;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('string')) {
    if (typeof schema.maxLength === 'number') return 'x'.repeat(schema.maxLength + 1);
    if (typeof schema.minLength === 'number' && schema.minLength > 0) return '';
    return undefined;
  }
  if (types.includes('integer') || types.includes('number')) return 'abc';
  if (types.includes('boolean')) return 'maybe';
  return undefined;
}
