/**
 * How an open enum (`x-open-enum`, see specs/README.md) reads in TypeScript: the known values stay a literal
 * union, and any other value of the same type is allowed without swallowing them:
 * `0 | 1 | 8 | (number & {})`. (A plain `anyOf` would render `0 | 1 | 8 | number`, which TypeScript reduces
 * to `number`, losing the names editors complete.) Stripe's and Stainless's SDKs type open enums this way.
 */
import { NULL, transformSchemaObject, tsUnion, type SchemaObject, type TransformNodeOptions } from 'openapi-typescript';
import ts from 'typescript';

/** The schema is an open enum: `x-open-enum: true` over `anyOf: [known values, their bare type]`. */
export function isOpenEnum(schema: unknown): schema is SchemaObject & { anyOf: [SchemaObject, SchemaObject] } {
  const value = schema as Record<string, unknown> | null;
  return typeof value === 'object' && value !== null && value['x-open-enum'] === true && Array.isArray(value.anyOf) && value.anyOf.length === 2;
}

/** openapi-typescript `transform` hook: `Known | (T & {})` for an open enum, the default rendering otherwise. */
export function transformOpenEnum(schema: SchemaObject, options: TransformNodeOptions): ts.TypeNode | undefined {
  if (!isOpenEnum(schema)) return undefined;
  const [known, other] = schema.anyOf;
  const knownType = transformSchemaObject(known, { ...options, path: `${options.path ?? '#'}/anyOf/0` });
  // A nullable open enum has `null` in both branches: `null` is rendered once, outside the intersection.
  const types = Array.isArray(other.type) ? other.type : [other.type];
  const nullable = types.includes('null');
  const bare = nullable ? { ...other, type: types.filter((type) => type !== 'null') } : other;
  const otherType = transformSchemaObject(bare as SchemaObject, { ...options, path: `${options.path ?? '#'}/anyOf/1` });
  // `T & {}` is still every T, but TypeScript no longer merges the known literals into it.
  const anyOther = ts.factory.createParenthesizedType(ts.factory.createIntersectionTypeNode([otherType, ts.factory.createTypeLiteralNode([])]));
  return tsUnion(nullable ? [knownType, anyOther, NULL] : [knownType, anyOther]);
}
