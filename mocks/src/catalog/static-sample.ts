/**
 * The value Prism's static mode shows for a schema that has no example: the first of `example`,
 * `default`, `const`, `enum[0]`, `examples[0]` (the order of @stoplight/json-schema-sampler), and for
 * anything else the sampler itself. The sampler is loaded only when a spec needs it: with today's specs
 * every answer has an example, so start-up never pays for it.
 */
import { createRequire } from 'node:module';
import { follow, isObject, type Json, type JsonObject } from './openapi.js';

interface Sampler {
  sample(schema: Json, options: { ticks: number; quiet?: boolean }, doc: JsonObject): unknown;
}

let sampler: Sampler | undefined;

function loadSampler(): Sampler {
  // CommonJS package, loaded synchronously because precomputation runs once at start-up.
  sampler ??= createRequire(import.meta.url)('@stoplight/json-schema-sampler') as Sampler;
  return sampler;
}

const COMPOSITE = ['allOf', 'oneOf', 'anyOf', 'if'] as const;

/** Cheap answer for a plain schema, `undefined` when the sampler must decide. */
function declaredValue(schema: JsonObject): { value: Json } | undefined {
  if ('example' in schema) return { value: schema.example as Json };
  if (COMPOSITE.some((keyword) => keyword in schema)) return undefined;
  if ('default' in schema) return { value: schema.default as Json };
  if ('const' in schema) return { value: schema.const as Json };
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return { value: schema.enum[0] as Json };
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return { value: schema.examples[0] as Json };
  return undefined;
}

export function staticSample(doc: JsonObject, schema: Json, pointer: string): unknown {
  const target = follow(doc, schema, pointer).value;
  if (isObject(target)) {
    const declared = declaredValue(target);
    if (declared) return declared.value;
  }
  // Prism calls the sampler with 2,500 ticks (JSONSchema.generateStatic).
  return loadSampler().sample(schema, { ticks: 2500, quiet: true }, doc);
}
