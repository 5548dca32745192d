/**
 * The test script each request carries: the status is one the operation documents as a success, and a JSON
 * body has the documented shape (its type, required members, members' types — cheap, and it catches an
 * error body or a missing member). One script for Postman and Bruno; only the way to read the answer differs.
 */
import type { RequestModel } from './model.js';

export interface ScriptDialect {
  /** Wraps a named check: `pm.test(name, fn)` / `test(name, fn)`. */
  readonly test: string;
  /** Chai's `expect`: `pm.expect` / `expect`. */
  readonly expect: string;
  /** Expression of the status code. */
  readonly status: string;
  /** Expression of the parsed JSON body (only evaluated when a schema applies). */
  readonly json: string;
}

export const POSTMAN: ScriptDialect = { test: 'pm.test', expect: 'pm.expect', status: 'pm.response.code', json: 'pm.response.json()' };
export const BRUNO: ScriptDialect = { test: 'test', expect: 'expect', status: 'res.getStatus()', json: 'res.getBody()' };

/** Lists what in `body` breaks the shallow schema (kept short: it runs inside Postman and Bruno's sandboxes). */
const SHAPE_ERRORS = [
  'function shapeErrors(schema, body) {',
  "  const kind = (value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);",
  "  const fits = (types, value) => types.some((type) => type === kind(value) || (type === 'number' && typeof value === 'number'));",
  "  if (!fits(schema.type, body)) return ['the body is ' + kind(body) + ', documented ' + schema.type.join(' | ')];",
  "  if (kind(body) !== 'object') return [];",
  '  const errors = [];',
  "  for (const name of schema.required) if (!(name in body)) errors.push('missing ' + name);",
  '  for (const name of Object.keys(schema.properties)) {',
  "    if (name in body && !fits(schema.properties[name], body[name])) errors.push(name + ' is ' + kind(body[name]) + ', documented ' + schema.properties[name].join(' | '));",
  '  }',
  '  return errors;',
  '}',
];

export function testScript(request: RequestModel, dialect: ScriptDialect): string[] {
  const statuses = request.successStatuses;
  const lines = [
    '// Generated from the contract: the documented success statuses and the documented shape of their bodies.',
    `const documentedStatuses = ${JSON.stringify(statuses)};`,
    `${dialect.test}('answers a documented status (${request.successKeys.join(', ')})', function () {`,
    `  ${dialect.expect}(documentedStatuses).to.include(${dialect.status});`,
    '});',
  ];
  if (Object.keys(request.schemas).length === 0) return lines;
  return [
    ...lines,
    `const schemas = ${JSON.stringify(request.schemas)};`,
    // An exact status first, then its range (`2XX`), as OpenAPI reads them.
    `const schema = schemas[String(${dialect.status})] || schemas[String(${dialect.status}).charAt(0) + 'XX'];`,
    'if (schema) {',
    `  ${dialect.test}('the body has the documented shape', function () {`,
    `    ${dialect.expect}(shapeErrors(schema, ${dialect.json})).to.eql([]);`,
    '  });',
    '}',
    ...SHAPE_ERRORS,
  ];
}
