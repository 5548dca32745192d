/**
 * What changed between two bundles of a provider's contract, as a partner sees it (openapi-diff style): the
 * operations and webhooks, their parameters, request bodies, response statuses, headers and media types, and
 * every field of their schemas — each change added, removed or changed, and marked breaking or not.
 *
 * Whether a change breaks depends on who writes the value. The partner WRITES an operation's parameters and
 * request body (and a webhook's answer), and READS an operation's responses (and the webhook's body and headers,
 * which the provider sends). A change breaks a writer when the provider stops accepting something it accepted;
 * it breaks a reader when the provider may send something the reader was not told about, or stops sending
 * something it relied on. The rules (each has a unit test, scripts/contract-diff/test/):
 *
 * | change                                   | to what the partner writes | to what the partner reads |
 * | ---------------------------------------- | -------------------------- | ------------------------- |
 * | operation / webhook removed              | breaking                   | breaking                  |
 * | operation / webhook added                | —                          | —                         |
 * | field or parameter removed               | breaking                   | breaking                  |
 * | field or parameter added, optional       | —                          | —                         |
 * | field or parameter added, required       | breaking                   | —                         |
 * | optional → required                      | breaking                   | —                         |
 * | required → optional                      | —                          | breaking                  |
 * | enum value added                         | —                          | breaking                  |
 * | enum value removed                       | breaking                   | —                         |
 * | type narrowed (fewer types, an enum, a   | breaking                   | —                         |
 * |   format/pattern added, a tighter bound) |                            |                           |
 * | type widened (the reverse)               | —                          | breaking                  |
 * | type changed otherwise                   | breaking                   | breaking                  |
 * | response status removed                  |                            | breaking                  |
 * | response status added                    |                            | —                         |
 * | media type removed / added               | breaking / —               | breaking / —              |
 * | response header removed / added          |                            | breaking / —              |
 * | request body becomes required            | breaking                   |                           |
 *
 * Descriptions, examples and other prose are not the contract's shape and are not compared.
 */
import { deref, isObject, listOperations, type Json, type JsonObject, type OperationRef } from '@credit-apis/contract-core';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface ContractChange {
  kind: ChangeKind;
  breaking: boolean;
  /** The operation, as a partner names it: `GET /v1/Product`, `webhook liquidation (POST)`. */
  operation: string;
  /** Where in the operation, empty for the operation itself: `response 200 (application/json) data[].name`. */
  where: string;
  /** What happened there: `field removed`, `enum value "Cancelled" added`. */
  what: string;
}

/** Who produces the value: the partner (`write`: parameters, request bodies) or the provider (`read`). */
type Role = 'write' | 'read';

interface Context {
  before: JsonObject;
  after: JsonObject;
  operation: string;
  changes: ContractChange[];
}

function record(context: Context, kind: ChangeKind, breaking: boolean, where: string, what: string): void {
  context.changes.push({ kind, breaking, operation: context.operation, where, what });
}

const operationName = (ref: OperationRef): string =>
  ref.kind === 'paths' ? `${ref.method.toUpperCase()} ${ref.key}` : `webhook ${ref.key} (${ref.method.toUpperCase()})`;

/** Every change from `before` to `after`, sorted by operation, then by place. */
export function diffContracts(before: JsonObject, after: JsonObject): ContractChange[] {
  const changes: ContractChange[] = [];
  const beforeOperations = new Map(listOperations(before).map((ref) => [operationName(ref), ref]));
  const afterOperations = new Map(listOperations(after).map((ref) => [operationName(ref), ref]));
  for (const [name, ref] of beforeOperations) {
    const context: Context = { before, after, operation: name, changes };
    const next = afterOperations.get(name);
    if (!next) record(context, 'removed', true, '', ref.kind === 'paths' ? 'operation removed' : 'webhook removed');
    else diffOperation(context, ref, next);
  }
  for (const [name, ref] of afterOperations) {
    if (!beforeOperations.has(name))
      record({ before, after, operation: name, changes }, 'added', false, '', ref.kind === 'paths' ? 'operation added' : 'webhook added');
  }
  return changes.sort((a, b) => a.operation.localeCompare(b.operation) || a.where.localeCompare(b.where) || a.what.localeCompare(b.what));
}

function diffOperation(context: Context, before: OperationRef, after: OperationRef): void {
  // A webhook is the provider calling the partner: its request is read, its response written.
  const incoming: Role = before.kind === 'paths' ? 'write' : 'read';
  const outgoing: Role = incoming === 'write' ? 'read' : 'write';
  diffParameters(context, before.parameters, after.parameters, incoming);
  diffRequestBody(context, before.operation.requestBody, after.operation.requestBody, incoming);
  diffResponses(context, before.operation.responses, after.operation.responses, outgoing);
}

// ── Parameters ──────────────────────────────────────────────────────────────────────────────────────

function diffParameters(context: Context, before: JsonObject[], after: JsonObject[], role: Role): void {
  const key = (parameter: JsonObject): string => `${String(parameter.in)} parameter ${String(parameter.name)}`;
  const afterByKey = new Map(after.map((parameter) => [key(parameter), parameter]));
  const beforeByKey = new Map(before.map((parameter) => [key(parameter), parameter]));
  for (const [where, parameter] of beforeByKey) {
    const next = afterByKey.get(where);
    if (!next) {
      record(context, 'removed', true, where, 'removed');
      continue;
    }
    diffRequired(context, where, parameter.required === true, next.required === true, role);
    diffSchema(context, where, parameter.schema, next.schema, role);
  }
  for (const [where, parameter] of afterByKey) {
    if (beforeByKey.has(where)) continue;
    const required = parameter.required === true;
    record(context, 'added', required && role === 'write', where, required ? 'added, required' : 'added, optional');
  }
}

/** A member (field, parameter, body) whose `required` flipped. */
function diffRequired(context: Context, where: string, before: boolean, after: boolean, role: Role): void {
  if (before === after) return;
  if (after) record(context, 'changed', role === 'write', where, 'optional → required');
  else record(context, 'changed', role === 'read', where, 'required → optional');
}

// ── Bodies and responses ────────────────────────────────────────────────────────────────────────────

function diffRequestBody(context: Context, rawBefore: Json | undefined, rawAfter: Json | undefined, role: Role): void {
  const before = deref(context.before, rawBefore);
  const after = deref(context.after, rawAfter);
  const where = 'request body';
  if (!isObject(before) && !isObject(after)) return;
  if (!isObject(before)) {
    record(
      context,
      'added',
      role === 'write' && isObject(after) && after.required === true,
      where,
      isObject(after) && after.required === true ? 'added, required' : 'added, optional',
    );
    return;
  }
  if (!isObject(after)) {
    record(context, 'removed', true, where, 'removed');
    return;
  }
  diffRequired(context, where, before.required === true, after.required === true, role);
  diffContent(context, where, before.content, after.content, role);
}

function diffContent(context: Context, where: string, before: Json | undefined, after: Json | undefined, role: Role): void {
  const beforeTypes = isObject(before) ? before : {};
  const afterTypes = isObject(after) ? after : {};
  for (const [mediaType, media] of Object.entries(beforeTypes)) {
    const at = `${where} (${mediaType})`;
    const next = afterTypes[mediaType];
    if (next === undefined) record(context, 'removed', true, at, 'media type removed');
    else diffSchema(context, at, isObject(media) ? media.schema : undefined, isObject(next) ? next.schema : undefined, role);
  }
  for (const mediaType of Object.keys(afterTypes)) {
    if (!(mediaType in beforeTypes)) record(context, 'added', false, `${where} (${mediaType})`, 'media type added');
  }
}

function diffResponses(context: Context, rawBefore: Json | undefined, rawAfter: Json | undefined, role: Role): void {
  const before = isObject(rawBefore) ? rawBefore : {};
  const after = isObject(rawAfter) ? rawAfter : {};
  for (const [status, rawResponse] of Object.entries(before)) {
    const where = `response ${status}`;
    if (!(status in after)) {
      record(context, 'removed', true, where, 'status removed');
      continue;
    }
    const response = deref(context.before, rawResponse);
    const next = deref(context.after, after[status]);
    if (!isObject(response) || !isObject(next)) continue;
    diffHeaders(context, where, response.headers, next.headers, role);
    diffContent(context, where, response.content, next.content, role);
  }
  for (const status of Object.keys(after)) {
    if (!(status in before)) record(context, 'added', false, `response ${status}`, 'status added');
  }
}

function diffHeaders(context: Context, where: string, rawBefore: Json | undefined, rawAfter: Json | undefined, role: Role): void {
  const before = isObject(rawBefore) ? rawBefore : {};
  const after = isObject(rawAfter) ? rawAfter : {};
  const name = (header: string): string => `${where} header ${header}`;
  const lower = (headers: JsonObject): Map<string, string> => new Map(Object.keys(headers).map((header) => [header.toLowerCase(), header]));
  const afterNames = lower(after);
  const beforeNames = lower(before);
  for (const [key, header] of beforeNames) {
    const next = afterNames.get(key);
    if (next === undefined) {
      record(context, 'removed', true, name(header), 'removed');
      continue;
    }
    const beforeHeader = deref(context.before, before[header]);
    const afterHeader = deref(context.after, after[next]);
    if (!isObject(beforeHeader) || !isObject(afterHeader)) continue;
    diffRequired(context, name(header), beforeHeader.required === true, afterHeader.required === true, role);
    diffSchema(context, name(header), beforeHeader.schema, afterHeader.schema, role);
  }
  for (const [key, header] of afterNames) {
    if (!beforeNames.has(key)) record(context, 'added', false, name(header), 'added');
  }
}

// ── Schemas ─────────────────────────────────────────────────────────────────────────────────────────

/** A schema flattened for comparison: `allOf` members merged into one set of properties and required names. */
interface Shape {
  schema: JsonObject;
  properties: Map<string, Json>;
  required: Set<string>;
}

function shape(doc: JsonObject, raw: Json | undefined, seen: Set<string> = new Set()): Shape {
  const schema = deref(doc, raw);
  const result: Shape = { schema: isObject(schema) ? schema : {}, properties: new Map(), required: new Set() };
  if (!isObject(schema)) return result;
  if (isObject(raw) && typeof raw.$ref === 'string') {
    if (seen.has(raw.$ref)) return result;
    seen.add(raw.$ref);
  }
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const inner = shape(doc, member, seen);
    for (const [name, property] of inner.properties) result.properties.set(name, property);
    for (const name of inner.required) result.required.add(name);
    for (const [keyword, value] of Object.entries(inner.schema)) {
      if (!['properties', 'required', 'allOf'].includes(keyword) && !(keyword in result.schema))
        result.schema = { ...result.schema, [keyword]: value };
    }
  }
  if (isObject(schema.properties)) for (const [name, property] of Object.entries(schema.properties)) result.properties.set(name, property);
  if (Array.isArray(schema.required)) for (const name of schema.required) if (typeof name === 'string') result.required.add(name);
  return result;
}

/** The field path inside a body: `data[].name`; `where` itself at the top. */
const at = (where: string, path: string): string => (path === '' ? where : `${where} ${path}`);
const child = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);

function diffSchema(context: Context, where: string, before: Json | undefined, after: Json | undefined, role: Role): void {
  walkSchema(context, where, '', before, after, role, new Set(), 0);
}

function walkSchema(
  context: Context,
  where: string,
  path: string,
  rawBefore: Json | undefined,
  rawAfter: Json | undefined,
  role: Role,
  seen: Set<string>,
  depth: number,
): void {
  if (rawBefore === undefined || rawAfter === undefined || depth > 40) return;
  // Recursive schemas: a pair of references already being compared on this path is not entered again.
  const beforeRef = isObject(rawBefore) && typeof rawBefore.$ref === 'string' ? rawBefore.$ref : '';
  const afterRef = isObject(rawAfter) && typeof rawAfter.$ref === 'string' ? rawAfter.$ref : '';
  if (beforeRef !== '' || afterRef !== '') {
    const pair = `${beforeRef}|${afterRef}`;
    if (seen.has(pair)) return;
    seen = new Set(seen).add(pair);
  }
  const before = shape(context.before, rawBefore);
  const after = shape(context.after, rawAfter);
  const place = at(where, path);

  diffTypes(context, place, before.schema, after.schema, role);
  diffEnum(context, place, before.schema, after.schema, role);
  diffConstraints(context, place, before.schema, after.schema, role);

  for (const [name, property] of before.properties) {
    const fieldPath = child(path, name);
    const next = after.properties.get(name);
    if (next === undefined) {
      record(context, 'removed', true, at(where, fieldPath), 'field removed');
      continue;
    }
    diffRequired(context, at(where, fieldPath), before.required.has(name), after.required.has(name), role);
    walkSchema(context, where, fieldPath, property, next, role, seen, depth + 1);
  }
  for (const name of after.properties.keys()) {
    if (before.properties.has(name)) continue;
    const required = after.required.has(name);
    record(
      context,
      'added',
      required && role === 'write',
      at(where, child(path, name)),
      required ? 'field added, required' : 'field added, optional',
    );
  }

  walkSchema(context, where, `${path}[]`, before.schema.items, after.schema.items, role, seen, depth + 1);
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const beforeVariants = before.schema[keyword];
    const afterVariants = after.schema[keyword];
    if (!Array.isArray(beforeVariants) || !Array.isArray(afterVariants)) continue;
    if (beforeVariants.length !== afterVariants.length) {
      // Fewer variants narrow what is accepted; more widen what may be sent.
      const narrowed = afterVariants.length < beforeVariants.length;
      record(
        context,
        'changed',
        narrowed ? role === 'write' : role === 'read',
        place,
        `${keyword} variants ${beforeVariants.length} → ${afterVariants.length}`,
      );
      continue;
    }
    beforeVariants.forEach((variant, index) =>
      walkSchema(context, where, `${path}<${keyword} ${index + 1}>`, variant, afterVariants[index], role, seen, depth + 1),
    );
  }
}

/** The JSON types a schema allows (`undefined`: any). */
function types(schema: JsonObject): Set<string> | undefined {
  if (typeof schema.type === 'string') return new Set([schema.type]);
  if (Array.isArray(schema.type)) return new Set(schema.type.filter((type): type is string => typeof type === 'string'));
  return undefined;
}

/** `inner` allows no type that `outer` does not (an integer is a number). */
function isSubset(inner: Set<string> | undefined, outer: Set<string> | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  return [...inner].every((type) => outer.has(type) || (type === 'integer' && outer.has('number')));
}

/** A narrowing breaks writers, a widening breaks readers, any other change breaks both. */
function recordRangeChange(context: Context, place: string, narrowed: boolean, widened: boolean, what: string, role: Role): void {
  const kind: ChangeKind = 'changed';
  if (narrowed && !widened) record(context, kind, role === 'write', place, `${what} (narrowed)`);
  else if (widened && !narrowed) record(context, kind, role === 'read', place, `${what} (widened)`);
  else record(context, kind, true, place, what);
}

const describeTypes = (set: Set<string> | undefined): string => (set === undefined ? 'any' : [...set].sort().join(' | '));

function diffTypes(context: Context, place: string, before: JsonObject, after: JsonObject, role: Role): void {
  const beforeTypes = types(before);
  const afterTypes = types(after);
  if (describeTypes(beforeTypes) === describeTypes(afterTypes)) return;
  recordRangeChange(
    context,
    place,
    isSubset(afterTypes, beforeTypes),
    isSubset(beforeTypes, afterTypes),
    `type ${describeTypes(beforeTypes)} → ${describeTypes(afterTypes)}`,
    role,
  );
}

/** The values an `enum` (or `const`) allows, as JSON text; `undefined` when the schema lists none. */
function enumValues(schema: JsonObject): Set<string> | undefined {
  if (Array.isArray(schema.enum)) return new Set(schema.enum.map((value) => JSON.stringify(value)));
  if ('const' in schema) return new Set([JSON.stringify(schema.const)]);
  return undefined;
}

function diffEnum(context: Context, place: string, before: JsonObject, after: JsonObject, role: Role): void {
  const beforeValues = enumValues(before);
  const afterValues = enumValues(after);
  if (beforeValues === undefined && afterValues === undefined) return;
  if (beforeValues === undefined) {
    record(context, 'changed', role === 'write', place, `restricted to the values ${[...(afterValues ?? [])].join(', ')} (narrowed)`);
    return;
  }
  if (afterValues === undefined) {
    record(context, 'changed', role === 'read', place, `no longer restricted to listed values (widened)`);
    return;
  }
  for (const value of beforeValues)
    if (!afterValues.has(value)) record(context, 'removed', role === 'write', place, `enum value ${value} removed`);
  for (const value of afterValues)
    if (!beforeValues.has(value)) record(context, 'added', role === 'read', place, `enum value ${value} added`);
}

/** Bounds whose higher value accepts less, and whose lower value accepts less. */
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
/** Keywords that only restrict: adding one narrows, removing it widens, changing it does both. */
const RESTRICTIONS = ['format', 'pattern', 'multipleOf'];

function diffConstraints(context: Context, place: string, before: JsonObject, after: JsonObject, role: Role): void {
  for (const keyword of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
    const from = before[keyword];
    const to = after[keyword];
    if (from === to || (typeof from !== 'number' && typeof to !== 'number')) continue;
    const lower = LOWER_BOUNDS.includes(keyword);
    const tighter = typeof from !== 'number' || (typeof to === 'number' && (lower ? to > from : to < from));
    const looser = typeof to !== 'number' || (typeof from === 'number' && (lower ? to < from : to > from));
    recordRangeChange(context, place, tighter, looser, `${keyword} ${from ?? 'none'} → ${to ?? 'none'}`, role);
  }
  for (const keyword of RESTRICTIONS) {
    const from = before[keyword];
    const to = after[keyword];
    if (from === to) continue;
    recordRangeChange(
      context,
      place,
      from === undefined,
      to === undefined,
      `${keyword} ${from === undefined ? 'none' : JSON.stringify(from)} → ${to === undefined ? 'none' : JSON.stringify(to)}`,
      role,
    );
  }
}
