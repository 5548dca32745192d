// Finding, in a bundled OpenAPI 3.1 document, the schema of one response: path template → method → status
// (exact, then `4XX`-style range, then `default`) → media type, following local `$ref`s of path items,
// responses and media types with the workspace's one `$ref` follower (chains followed, cycles fail).
import { childPointer, followObject } from '@credit-apis/contract-core/ref';

/** A bundled OpenAPI 3.1 document, as parsed JSON (`import spec from './openapi.json' with { type: 'json' }`). */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths?: object;
  readonly components?: object;
}

type JsonObject = Record<string, unknown>;

/** @internal */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the document says about one response. @internal */
export type ResponseSpec =
  | { kind: 'undocumented-path' }
  | { kind: 'undocumented-status' }
  | { kind: 'no-content' }
  | { kind: 'undocumented-media-type'; documented: string[] }
  | { kind: 'not-json'; mediaType: string }
  | { kind: 'no-schema'; mediaType: string }
  | { kind: 'schema'; mediaType: string; pointer: string };

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json') || mediaType === '*/*' || mediaType === 'application/*';
}

/** Locates the schema for `method` `path` answered `status` with `contentType`. @internal */
export function locateResponse(
  document: JsonObject,
  path: string,
  method: string,
  status: number,
  contentType: string | null,
): ResponseSpec {
  const doc = document as Parameters<typeof followObject>[0];
  const paths = isObject(doc.paths) ? doc.paths : {};
  const item = followObject(doc, paths[path], childPointer('#/paths', path));
  const operation = item ? item.value[method.toLowerCase()] : undefined;
  if (!item || !isObject(operation)) return { kind: 'undocumented-path' };
  const operationAt = childPointer(item.pointer, method.toLowerCase());
  const responses = isObject(operation.responses) ? operation.responses : {};
  const key = [String(status), `${String(status)[0]}XX`, `${String(status)[0]}xx`, 'default'].find((candidate) =>
    Object.hasOwn(responses, candidate),
  );
  if (key === undefined) return { kind: 'undocumented-status' };
  const response = followObject(doc, responses[key], childPointer(operationAt, 'responses', key));
  const content = response && isObject(response.value.content) ? response.value.content : undefined;
  if (!response || !content || Object.keys(content).length === 0) return { kind: 'no-content' };

  const actual = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const documented = Object.keys(content);
  const type = actual.split('/')[0] ?? '';
  const mediaType =
    documented.find((candidate) => candidate.toLowerCase() === actual) ??
    documented.find((candidate) => candidate.toLowerCase() === `${type}/*`) ??
    documented.find((candidate) => candidate === '*/*') ??
    // No Content-Type at all: the only documented JSON media type.
    (actual === '' ? documented.find((candidate) => isJsonMediaType(candidate.toLowerCase())) : undefined);
  if (mediaType === undefined) return { kind: 'undocumented-media-type', documented };
  if (!isJsonMediaType(mediaType.toLowerCase())) return { kind: 'not-json', mediaType };
  const media = followObject(doc, content[mediaType], childPointer(response.pointer, 'content', mediaType));
  if (!media || media.value.schema === undefined) return { kind: 'no-schema', mediaType };
  return { kind: 'schema', mediaType, pointer: childPointer(media.pointer, 'schema') };
}
