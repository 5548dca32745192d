/**
 * Nossa Fintech INSS. Seed 001 documents its validation error: HTTP 400 with
 *   {"data": "<the same object as a JSON string>", "title": "Request Validator Error",
 *    "description": "'' should be non-empty in borrower.name", "translation": "Payload Invalido",
 *    "extra_fields": {}, "code": "LEG000041"}
 * The description is worded like Python's `jsonschema` ("'' should be non-empty", "'x' is a required
 * property") followed by ` in <dotted.path>`; the mock words every violation that way and joins them
 * with "; " so that every offending field is named.
 */
import { dottedPath, type Violation } from '../validation/violation.js';
import { defineProfile } from './types.js';

/** Python's repr() of a JSON value, as jsonschema quotes instances in its messages. */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string')
    return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${pythonRepr(key)}: ${pythonRepr(item)}`)
      .join(', ')}}`;
  return String(value);
}

/**
 * Python's `json.dumps` with its defaults (`", "` and `": "` separators, non-ASCII escaped), which is how
 * the documented `data` string is written: `{"title": "Request Validator Error", "description": …}`.
 */
export function pythonJsonDumps(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${pythonJsonDumps(key)}: ${pythonJsonDumps(item)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

const PYTHON_TYPES: Readonly<Record<string, string>> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
  null: 'null',
};

function describe(violation: Violation): string {
  const { keyword, params, value } = violation;
  const instance = pythonRepr(value);
  const limit = params.limit;
  switch (keyword) {
    case 'required':
      return `${pythonRepr(violation.field[violation.field.length - 1])} is a required property`;
    case 'type':
      return `${instance} is not of type ${String(params.type)
        .split(',')
        .map((type) => `'${PYTHON_TYPES[type] ?? type}'`)
        .join(', ')}`;
    case 'enum':
      return `${instance} is not one of ${pythonRepr(params.allowedValues)}`;
    case 'const':
      return `${pythonRepr(params.allowedValue)} was expected`;
    case 'minLength':
      return limit === 1 ? `${instance} should be non-empty` : `${instance} is too short`;
    case 'maxLength':
      return `${instance} is too long`;
    case 'minItems':
      return limit === 1 ? `${instance} should be non-empty` : `${instance} is too short`;
    case 'maxItems':
      return `${instance} is too long`;
    case 'pattern':
      return `${instance} does not match ${pythonRepr(params.pattern)}`;
    case 'format':
      return `${instance} is not a ${pythonRepr(params.format)}`;
    case 'minimum':
      return `${instance} is less than the minimum of ${String(limit)}`;
    case 'maximum':
      return `${instance} is greater than the maximum of ${String(limit)}`;
    case 'exclusiveMinimum':
      return `${instance} is less than or equal to the minimum of ${String(limit)}`;
    case 'exclusiveMaximum':
      return `${instance} is greater than or equal to the maximum of ${String(limit)}`;
    case 'additionalProperties':
      return `Additional properties are not allowed (${pythonRepr(violation.field[violation.field.length - 1])} was unexpected)`;
    case 'oneOf':
    case 'anyOf':
      return `${instance} is not valid under any of the given schemas`;
    default:
      return violation.message;
  }
}

/** `<message> in <parent.path>`: required and additional-property messages name the object they are in. */
function sentence(violation: Violation): string {
  const ownField = violation.keyword === 'required' || violation.keyword === 'additionalProperties';
  const where =
    violation.location === 'body'
      ? dottedPath(ownField ? violation.field.slice(0, -1) : violation.field)
      : `${violation.location}.${dottedPath(violation.field)}`;
  return where === '' ? describe(violation) : `${describe(violation)} in ${where}`;
}

function requestValidatorError(description: string): { status: number; body: Record<string, unknown> } {
  const inner = { title: 'Request Validator Error', description, translation: 'Payload Invalido', extra_fields: {}, code: 'LEG000041' };
  return { status: 400, body: { data: pythonJsonDumps(inner), ...inner } };
}

export default defineProfile(() => ({
  validationError: (violations) => requestValidatorError(violations.map(sentence).join('; ')),
  malformedBody: (problem) => requestValidatorError(`Invalid JSON body: ${problem.reason}`),
}));
