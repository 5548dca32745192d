/**
 * Validates a request against its operation: path, query and header parameters, the body's media type,
 * its presence when required, and its content. Compiled on first use and cached; the server compiles every
 * operation in the background right after it starts listening, so start-up does not wait for ajv and the
 * first requests rarely do.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ValidateFunction } from '@credit-apis/contract-core/validator';
import { bareMediaType, childPointer, isObject, type JsonObject } from '../catalog/openapi.js';
import { refTo, type AjvPair } from './ajv-pair.js';
import { refineAlternatives } from './alternatives.js';
import { bounded } from './bounds.js';
import { fromAjvErrors, type Violation } from './violation.js';

export interface ParsedBody {
  /** Media type the client declared, without parameters. */
  readonly mediaType: string;
  readonly value: unknown;
  /** More values than are worth listing every error of (validation/bounds.ts): checked up to the first error. */
  readonly large?: boolean;
}

export interface RequestParts {
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: URLSearchParams | undefined;
  readonly headers: IncomingHttpHeaders;
  /** `undefined` when the request has no body. */
  readonly body: ParsedBody | undefined;
}

export interface BodyContract {
  readonly required: boolean;
  /** Declared media types in spec order, lower case. */
  readonly mediaTypes: readonly string[];
}

export interface RequestValidator {
  validate(parts: RequestParts): Violation[];
  /** Compiles now (warm-up); idempotent. */
  compile(): void;
}

type ParamLocation = 'path' | 'query' | 'header';
// OpenAPI: header parameters named Accept, Content-Type or Authorization are ignored.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

interface Compiled {
  params: { location: ParamLocation; names: string[]; validate: ValidateFunction }[];
  bodies: Map<string, { validate: ValidateFunction; form: boolean; ref: { $ref: string }; firstError?: ValidateFunction }>;
}

function mediaMatches(declared: string, actual: string): boolean {
  if (declared === actual || declared === '*/*') return true;
  const [type, subtype] = declared.split('/');
  return subtype === '*' && actual.startsWith(`${type}/`);
}

export function createRequestValidator(
  ajv: AjvPair,
  slug: string,
  parameters: readonly { value: JsonObject; pointer: string }[],
  requestBody: { value: JsonObject; pointer: string } | undefined,
): { validator: RequestValidator; body: BodyContract | undefined } {
  const content = requestBody && isObject(requestBody.value.content) ? requestBody.value.content : {};
  const body: BodyContract | undefined = requestBody
    ? { required: requestBody.value.required === true, mediaTypes: Object.keys(content).map((type) => type.toLowerCase()) }
    : undefined;

  let compiled: Compiled | undefined;
  const compile = (): Compiled => {
    if (compiled) return compiled;
    const params: Compiled['params'] = [];
    for (const location of ['path', 'query', 'header'] as const) {
      const own = parameters.filter(
        ({ value }) => value.in === location && !(location === 'header' && IGNORED_HEADERS.has(String(value.name).toLowerCase())),
      );
      if (own.length === 0) continue;
      const key = (name: string): string => (location === 'header' ? name.toLowerCase() : name);
      const properties: Record<string, unknown> = {};
      const required: string[] = [];
      for (const { value, pointer } of own) {
        const name = key(String(value.name));
        properties[name] = value.schema === undefined ? {} : refTo(slug, childPointer(pointer, 'schema'));
        if (value.required === true || location === 'path') required.push(name);
      }
      params.push({ location, names: Object.keys(properties), validate: ajv.coercing.compile({ type: 'object', properties, required }) });
    }
    const bodies: Compiled['bodies'] = new Map();
    if (requestBody) {
      for (const [mediaType, media] of Object.entries(content)) {
        if (!isObject(media) || media.schema === undefined) continue;
        const form = bareMediaType(mediaType) === 'application/x-www-form-urlencoded';
        const ref = refTo(slug, childPointer(requestBody.pointer, 'content', mediaType, 'schema'));
        bodies.set(mediaType.toLowerCase(), { form, ref, validate: (form ? ajv.coercing : ajv.exact).compile(ref) });
      }
    }
    compiled = { params, bodies };
    return compiled;
  };

  const validator: RequestValidator = {
    compile() {
      compile();
    },
    validate(parts) {
      const { params, bodies } = compile();
      const violations: Violation[] = [];
      for (const { location, names, validate } of params) {
        const data: Record<string, unknown> = {};
        for (const name of names) {
          if (location === 'path') {
            const value = parts.pathParams[name];
            if (value !== undefined) data[name] = value;
          } else if (location === 'query') {
            const values = parts.query?.getAll(name) ?? [];
            if (values.length > 0) data[name] = values.length === 1 ? values[0] : values;
          } else {
            const value = parts.headers[name];
            if (value !== undefined) data[name] = value;
          }
        }
        if (!validate(data))
          violations.push(
            ...fromAjvErrors(
              refineAlternatives(bounded(validate.errors ?? []), data, { ajv: ajv.coercing, documents: ajv.documents }),
              location,
              data,
            ),
          );
      }
      if (!body) return violations;
      if (parts.body === undefined) {
        if (body.required) violations.push({ location: 'body', field: [], keyword: 'required', message: 'body is required', params: {} });
        return violations;
      }
      const actual = parts.body.mediaType;
      const declared = body.mediaTypes.find((type) => mediaMatches(bareMediaType(type), actual));
      if (declared === undefined) {
        violations.push({
          location: 'header',
          field: ['content-type'],
          keyword: 'content-type',
          message: `header.content-type must be ${body.mediaTypes.join(' or ')}${actual ? `, got ${actual}` : ''}`,
          params: { allowedValues: body.mediaTypes },
          value: actual,
        });
        return violations;
      }
      const check = bodies.get(declared);
      if (!check) return bounded(violations);
      // A pathological body (100k keys) is checked up to its first error only: bounded work per request.
      const huge = !check.form && parts.body.large === true;
      const validate = huge ? (check.firstError ??= ajv.firstError().compile(check.ref)) : check.validate;
      if (!validate(parts.body.value)) {
        const source = { ajv: huge ? ajv.firstError() : check.form ? ajv.coercing : ajv.exact, documents: ajv.documents };
        violations.push(
          ...fromAjvErrors(refineAlternatives(bounded(validate.errors ?? []), parts.body.value, source), 'body', parts.body.value),
        );
      }
      return bounded(violations);
    },
  };
  return { validator, body };
}
