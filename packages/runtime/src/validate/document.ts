// Finding, in a bundled OpenAPI 3.1 document, the schema of one response: path template → method → status
// (exact, then `4XX`-style range, then `default`) → media type, following local `$ref`s of path items,
// responses and media types.

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

/** JSON Pointer (RFC 6901) of path segments. @internal */
export function toPointer(segments: readonly string[]): string {
  return segments.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function fromPointer(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Follows local `$ref`s (`#/…`) until a non-reference object; returns it and where it is. */
function deref(document: JsonObject, node: unknown, at: string[]): { node: unknown; at: string[] } {
  let current = node;
  let location = at;
  for (let depth = 0; depth < 32 && isObject(current) && typeof current.$ref === 'string'; depth += 1) {
    const ref = current.$ref;
    if (!ref.startsWith('#')) break;
    location = fromPointer(ref.slice(1));
    current = location.reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), document);
  }
  return { node: current, at: location };
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
  const paths = isObject(document.paths) ? document.paths : {};
  const item = deref(document, paths[path], ['paths', path]);
  const operationAt = [...item.at, method.toLowerCase()];
  const operation = isObject(item.node) ? item.node[method.toLowerCase()] : undefined;
  if (!isObject(operation)) return { kind: 'undocumented-path' };
  const responses = isObject(operation.responses) ? operation.responses : {};
  const key = [String(status), `${String(status)[0]}XX`, `${String(status)[0]}xx`, 'default'].find((candidate) =>
    Object.hasOwn(responses, candidate),
  );
  if (key === undefined) return { kind: 'undocumented-status' };
  const response = deref(document, responses[key], [...operationAt, 'responses', key]);
  const content = isObject(response.node) && isObject(response.node.content) ? response.node.content : undefined;
  if (!content || Object.keys(content).length === 0) return { kind: 'no-content' };

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
  const media = deref(document, content[mediaType], [...response.at, 'content', mediaType]);
  if (!isObject(media.node) || media.node.schema === undefined) return { kind: 'no-schema', mediaType };
  return { kind: 'schema', mediaType, pointer: toPointer([...media.at, 'schema']) };
}
