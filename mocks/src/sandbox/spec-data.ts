/**
 * What the sandbox reads from a provider's bundle instead of repeating it: documented examples (error
 * bodies, webhook payloads, the stored-record templates) and the labels of enumerations
 * (`x-enum-descriptions`, `x-enum-varnames`). Everything is read once at start-up; a bundle that lacks
 * something the sandbox relies on is a start-up error naming it, never a wrong answer later.
 */
import { listOperations } from '@credit-apis/contract-core';
import { follow, isObject, type Json, type JsonObject } from '../catalog/openapi.js';

export class SpecDataError extends Error {
  override name = 'SpecDataError';
}

function examplesOf(doc: JsonObject, media: Json | undefined): Map<string, Json> {
  const found = new Map<string, Json>();
  const content = follow(doc, media, '#').value;
  if (!isObject(content)) return found;
  for (const type of Object.values(content)) {
    if (!isObject(type) || !isObject(type.examples)) continue;
    for (const [name, raw] of Object.entries(type.examples)) {
      const example = follow(doc, raw, '#').value;
      if (isObject(example) && 'value' in example && !found.has(name)) found.set(name, example.value as Json);
    }
  }
  return found;
}

export interface SpecData {
  readonly slug: string;
  readonly doc: JsonObject;
  /** A response example of an operation; the first one when `name` is not given. */
  responseExample(operationId: string, status: string, name?: string): Json;
  /** A request-body example of an operation; the first one when `name` is not given. */
  requestExample(operationId: string, name?: string): Json;
  /** Every webhook (`webhooks` of the document) with the first example of its payload. */
  webhookExamples(): { name: string; example: Json }[];
  /** A component schema, references followed. */
  schema(name: string): JsonObject;
  /** Enum value → `x-enum-descriptions` entry (the provider's label), in enum order. */
  enumLabels(schemaName: string): Map<Json, string>;
  /** Enum value → `x-enum-varnames` entry, in enum order. */
  enumNames(schemaName: string): Map<Json, string>;
}

export function specData(slug: string, doc: JsonObject): SpecData {
  const operations = listOperations(doc);
  const find = (operationId: string): JsonObject => {
    const found = operations.find((entry) => entry.operation.operationId === operationId);
    if (!found) throw new SpecDataError(`generated/${slug}: the sandbox needs operation ${operationId}, which the bundle does not have`);
    return found.operation;
  };
  const pick = (examples: Map<string, Json>, what: string, name: string | undefined): Json => {
    const value = name === undefined ? examples.values().next().value : examples.get(name);
    if (value === undefined)
      throw new SpecDataError(
        `generated/${slug}: the sandbox needs ${what}${name ? ` example "${name}"` : ' example'}, which the bundle does not have`,
      );
    return value;
  };
  const schema = (name: string): JsonObject => {
    const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
    const found = follow(doc, schemas[name], '#').value;
    if (!isObject(found)) throw new SpecDataError(`generated/${slug}: the sandbox needs schema ${name}, which the bundle does not have`);
    return found;
  };
  const enumPairs = (schemaName: string, extension: string): Map<Json, string> => {
    const found = schema(schemaName);
    const values = Array.isArray(found.enum) ? found.enum : [];
    const labels = Array.isArray(found[extension]) ? (found[extension] as Json[]) : [];
    if (values.length === 0 || labels.length !== values.length)
      throw new SpecDataError(`generated/${slug}: schema ${schemaName} needs an enum with one ${extension} entry per value`);
    return new Map(values.map((value, index) => [value, String(labels[index])]));
  };

  return {
    slug,
    doc,
    responseExample(operationId, status, name) {
      const operation = find(operationId);
      const response = isObject(operation.responses) ? follow(doc, operation.responses[status], '#').value : undefined;
      return pick(examplesOf(doc, isObject(response) ? response.content : undefined), `${operationId} ${status}`, name);
    },
    requestExample(operationId, name) {
      const body = follow(doc, find(operationId).requestBody, '#').value;
      return pick(examplesOf(doc, isObject(body) ? body.content : undefined), `${operationId} request`, name);
    },
    webhookExamples() {
      return operations
        .filter((entry) => entry.kind === 'webhooks')
        .map((entry) => {
          const body = follow(doc, entry.operation.requestBody, '#').value;
          return {
            name: entry.key,
            example: pick(examplesOf(doc, isObject(body) ? body.content : undefined), `webhook ${entry.key}`, undefined),
          };
        });
    },
    schema,
    enumLabels: (schemaName) => enumPairs(schemaName, 'x-enum-descriptions'),
    enumNames: (schemaName) => enumPairs(schemaName, 'x-enum-varnames'),
  };
}

/** A deep copy of a JSON value (examples are templates: never hand out the document's own objects). */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
