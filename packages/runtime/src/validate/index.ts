/**
 * `@credit-apis/runtime/validate`: checks every response against the provider's spec, so that a partner
 * learns of drift (a field added, removed or retyped; an undocumented status) in homologação, not in
 * production. A separate entry point: the base client never loads ajv.
 *
 * @packageDocumentation
 */
import type { Middleware } from 'openapi-fetch';
import { ConfigurationError, ResponseValidationError, type ValidationIssue } from '../errors.js';
import { readBody } from '../internal/body.js';
import { CONTEXT, read, type ClientContext } from '../internal/carrier.js';
import { emit, type Logger } from '../logger.js';
import { redact, redactUrlPath, Redactor } from '@credit-apis/contract-core/redact';
import { closeDocument } from './closed-objects.js';
import { createDocumentValidator, type DocumentValidator } from './compiler.js';
import { isObject, locateResponse, type OpenApiDocument, type ResponseSpec } from './document.js';
import { createOpenEnumCheck, OPEN_ENUM_KEYWORD, type OpenEnumCheck } from './open-enums.js';

export type { OpenApiDocument } from './document.js';
export { createDocumentValidator, type DocumentValidator } from './compiler.js';
export { ResponseValidationError, type ValidationIssue } from '../errors.js';
export { createOpenEnumCheck, OPEN_ENUM_KEYWORD, type OpenEnumCheck } from './open-enums.js';

/** Options of {@link validateResponses}. */
export interface ValidateResponsesOptions {
  /**
   * `'warn'` (default): report each mismatch as a `validation` log event (level `warn`) and return the
   * response as usual. `'throw'`: the call rejects with {@link ResponseValidationError}.
   *
   * In both modes a value outside an open enum's documented set (`x-open-enum`: the spec samples the set, the
   * provider may send more) is valid: it is reported as a `validation` event whose issues have keyword
   * `x-open-enum`, and the typed answer goes through.
   */
  mode?: 'warn' | 'throw';
  /**
   * Where `warn` reports go. Default: the client's own `logger`; without one, `console.warn`.
   */
  logger?: Logger;
  /**
   * Report fields the spec does not declare, even where a schema does not say
   * `additionalProperties: false`. Default `true`: a provider adding a field is drift too.
   */
  closedObjects?: boolean;
}

const NO_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * openapi-fetch middleware that validates each response (status, media type and JSON body) against a bundled
 * OpenAPI 3.1 document with ajv (JSON Schema 2020-12 + formats). Schemas compile on first use and are cached.
 * Register it on a client with `client.use(...)`. Bodies that are not JSON are left to the client, which
 * reports them as `ResponseParseError`.
 *
 * @param document - the provider's bundled spec as a plain JSON object (`generated/<slug>/openapi.json`).
 *
 * @example
 * import spec from '@credit-apis/eccor-fgts/openapi.json' with { type: 'json' };
 * import { validateResponses } from '@credit-apis/runtime/validate';
 *
 * const client = createEccorFgtsClient({ environment: 'homologacao', auth, logger: console });
 * client.use(validateResponses(spec)); // drift → logger.warn(…)
 * client.use(validateResponses(spec, { mode: 'throw' })); // drift → ResponseValidationError
 */
export function validateResponses(document: OpenApiDocument, options: ValidateResponsesOptions = {}): Middleware {
  if (!isObject(document) || typeof document.openapi !== 'string' || !isObject(document.paths)) {
    throw new ConfigurationError('validateResponses: expected a bundled OpenAPI document (with `openapi` and `paths`)');
  }
  const mode = options.mode ?? 'warn';
  const source = document as unknown as Record<string, unknown>;
  let validator: DocumentValidator | undefined;
  const getValidator = (): DocumentValidator => {
    validator ??= createDocumentValidator(options.closedObjects === false ? source : closeDocument(source));
    return validator;
  };
  let openEnums: OpenEnumCheck | undefined;
  const getOpenEnums = (): OpenEnumCheck => {
    openEnums ??= createOpenEnumCheck(options.closedObjects === false ? source : closeDocument(source));
    return openEnums;
  };

  return {
    async onResponse({ request, response, schemaPath }) {
      const method = request.method.toUpperCase();
      if (method === 'HEAD' || NO_BODY_STATUSES.has(response.status)) return undefined;
      const context = read<ClientContext>(request, CONTEXT);
      const redactor = context?.redactor ?? new Redactor();
      const { parsed } = await readBody(response);
      if (parsed.kind === 'invalid') return undefined; // the client throws ResponseParseError for it

      const contentType = response.headers.get('content-type');
      // A reference the document cannot resolve (a cycle, a non-local `$ref`) is reported like a schema that
      // does not compile, never thrown as a bare Error from the middleware.
      let spec: ResponseSpec = { kind: 'no-content' };
      let issues: ValidationIssue[];
      try {
        spec = locateResponse(source, schemaPath, method, response.status, contentType);
        issues = issuesFor(spec, parsed.kind === 'json' ? { value: parsed.value } : undefined, contentType, response.status, getValidator);
        if (spec.kind === 'schema' && parsed.kind === 'json')
          issues.push(...getOpenEnums().unknownValues(spec.pointer, parsed.value, issues));
      } catch (error) {
        const message = `validateResponses: the schema of ${method} ${schemaPath} ${response.status} does not compile: ${
          error instanceof Error ? error.message : String(error)
        }`;
        if (mode === 'throw') throw new ConfigurationError(redact(message));
        issues = [{ instancePath: '', keyword: 'schema', message: redact(message) }];
      }
      if (issues.length === 0) return undefined;
      const clean = issues.map((issue) => ({
        instancePath: redactor.redact(issue.instancePath),
        keyword: issue.keyword,
        message: redactor.redact(issue.message),
      }));
      const error = new ResponseValidationError({
        provider: context?.provider,
        method,
        path: schemaPath,
        status: response.status,
        mediaType: spec.kind === 'schema' ? spec.mediaType : contentType?.split(';')[0]?.trim() || undefined,
        issues: clean,
      });
      // Values outside an open enum are drift, not errors: only a mismatch makes `throw` mode throw.
      const mismatch = issues.some((issue) => issue.keyword !== OPEN_ENUM_KEYWORD);
      if (mode === 'throw' && mismatch) throw error;
      const logger = options.logger ?? context?.logger;
      const event = {
        level: 'warn' as const,
        type: 'validation' as const,
        message: mismatch ? error.message : undocumentedValuesMessage(error),
        provider: context?.provider ?? '',
        method,
        path: redactUrlPath(request.url, redactor),
        operation: schemaPath,
        attempt: 1,
        status: response.status,
        issues: clean,
      };
      if (logger) emit(logger, event);
      else console.warn(event.message);
      return undefined;
    },
  };
}

function issuesFor(
  spec: ResponseSpec,
  body: { value: unknown } | undefined,
  contentType: string | null,
  status: number,
  getValidator: () => DocumentValidator,
): ValidationIssue[] {
  switch (spec.kind) {
    case 'undocumented-path':
      return [{ instancePath: '', keyword: 'path', message: 'this operation is not in the spec' }];
    case 'undocumented-status':
      return [{ instancePath: '', keyword: 'status', message: `status ${status} is not documented for this operation` }];
    case 'no-content':
      return body ? [{ instancePath: '', keyword: 'content', message: 'has a body, but the spec documents none' }] : [];
    case 'undocumented-media-type':
      return [
        {
          instancePath: '',
          keyword: 'content',
          message: `media type ${contentType ?? '(none)'} is not documented (documented: ${spec.documented.join(', ')})`,
        },
      ];
    case 'not-json':
    case 'no-schema':
      return [];
    case 'schema':
      if (!body) return [{ instancePath: '', keyword: 'content', message: 'is empty, but the spec documents a body' }];
      return getValidator().check(spec.pointer, body.value);
  }
}

/** The report of an answer that matches the spec but carries values its open enums do not document yet. */
function undocumentedValuesMessage(error: ResponseValidationError): string {
  const where = `${error.provider ? `${error.provider}: ` : ''}${error.method} ${error.path}`;
  const values = error.issues.map((issue) => issue.instancePath || '(body)').join(', ');
  return `${where} answered ${error.status} with values the spec does not document yet (open enums, accepted): ${values}`;
}
