/** Small readers of values in a bundle: texts, sample values of parameters and media types. */
import { deref, isObject, type Json, type JsonObject } from '@credit-apis/contract-core';

export function text(value: Json | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The first example of a parameter, a media type or a header, or a value its schema suggests. */
export function sampleValue(doc: JsonObject, holder: JsonObject): Json | undefined {
  if ('example' in holder) return holder.example as Json;
  if (isObject(holder.examples)) {
    for (const raw of Object.values(holder.examples)) {
      const example = deref(doc, raw);
      if (isObject(example) && 'value' in example) return example.value as Json;
    }
  }
  const schema = deref(doc, holder.schema);
  if (!isObject(schema)) return undefined;
  if ('example' in schema) return schema.example as Json;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0] as Json;
  if ('default' in schema) return schema.default as Json;
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0] as Json;
  return undefined;
}

export function asText(value: Json | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function asciiId(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function isJson(mediaType: string): boolean {
  return /^application\/(.+\+)?json\b/i.test(mediaType);
}
