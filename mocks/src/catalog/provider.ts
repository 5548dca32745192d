/**
 * One provider, compiled from its bundle at start-up: its operations with their routes, security checks,
 * request validators (compiled lazily) and every answer precomputed. Shared by every provider; the
 * provider's own file (providers/<slug>.ts) only supplies the shapes a spec cannot express.
 */
import { listOperations } from '@credit-apis/contract-core';
import { undocumentedUnauthorized } from '../http/mock-errors.js';
import { prepare, type AnswerSpec, type PreparedResponse } from '../http/prepared-response.js';
import type { OperationInfo, ProviderProfile } from '../providers/types.js';
import { compileScheme, compileSecurity, type SchemeCheck, type SecurityCheck } from '../security/schemes.js';
import { addDocument, type AjvPair } from '../validation/ajv-pair.js';
import { malformedPathAnswer } from '../validation/malformed-path.js';
import { createRequestValidator, type BodyContract, type RequestValidator } from '../validation/request-validator.js';
import type { Violation } from '../validation/violation.js';
import { childPointer, followObject, isObject, pointerSegment, type JsonObject } from './openapi.js';
import { compilePathTemplate, type PathTemplate } from './path-template.js';
import { buildResponseTable, type ResponseTable } from './responses.js';

export interface Operation {
  readonly info: OperationInfo;
  readonly raw: JsonObject;
  readonly pointer: string;
  readonly parameters: readonly { value: JsonObject; pointer: string }[];
  readonly requestBody: { value: JsonObject; pointer: string } | undefined;
  readonly security: SecurityCheck;
  readonly validator: RequestValidator;
  readonly body: BodyContract | undefined;
  readonly responses: ResponseTable;
  /** Answer to a failed credential check for this scheme. */
  unauthorized(scheme: SchemeCheck): PreparedResponse;
  /** Provider-shaped answer to these violations, with the status's documented headers. */
  invalid(violations: readonly Violation[]): PreparedResponse;
  /** Provider-shaped answer to an unparseable body. */
  malformed(mediaType: string, reason: string): PreparedResponse;
}

export interface PathEntry {
  readonly template: PathTemplate;
  /** Lower-case method → operation. */
  readonly methods: ReadonlyMap<string, Operation>;
  /** Value of the `Allow` header: the documented methods, HEAD with GET, and OPTIONS. */
  readonly allow: string;
}

export interface Provider {
  readonly slug: string;
  readonly title: string;
  readonly doc: JsonObject;
  readonly profile: ProviderProfile;
  readonly operations: readonly Operation[];
  readonly paths: readonly PathEntry[];
  /** Finds the path entry and raw parameter values for the segments after the provider prefix. */
  route(segments: readonly string[], joined: string): { entry: PathEntry; values: string[] } | undefined;
}

export function compileProvider(slug: string, doc: JsonObject, profile: ProviderProfile, ajv: AjvPair): Provider {
  addDocument(ajv, slug, doc);
  const schemes = new Map<string, SchemeCheck>();
  const declared = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  for (const [name, raw] of Object.entries(declared)) {
    const scheme = followObject(doc, raw, `#/components/securitySchemes/${pointerSegment(name)}`);
    if (scheme) schemes.set(name, compileScheme(name, scheme.value));
  }

  const operations: Operation[] = [];
  const byPath = new Map<string, Map<string, Operation>>();
  // The provider-wide 401 per credential kind: the first one an operation documents (see unauthorized()).
  const documented401 = new Map<string, PreparedResponse>();

  for (const found of listOperations(doc)) {
    if (found.kind !== 'paths') continue;
    // The walker has followed the path item's reference and merged its parameters with the operation's own.
    const pointer = found.pointer;
    const raw = found.operation;
    const parameters = found.parameterSites;
    const requestBody = followObject(doc, raw.requestBody, childPointer(pointer, 'requestBody'));
    const info: OperationInfo = {
      slug,
      operationId: typeof raw.operationId === 'string' ? raw.operationId : `${found.method} ${found.key}`,
      method: found.method,
      path: found.key,
      ownServers: Array.isArray(raw.servers) || Array.isArray(found.item.value.servers),
    };
    const security = compileSecurity(raw.security ?? doc.security, schemes);
    const { validator, body } = createRequestValidator(ajv, slug, parameters, requestBody);
    const responses = buildResponseTable(doc, raw.responses, childPointer(pointer, 'responses'));

    const withDocumentedHeaders = (spec: AnswerSpec): PreparedResponse => {
      const documentedHeaders = responses.forCode(spec.status)?.answers.headers ?? {};
      return prepare({ ...spec, headers: { ...documentedHeaders, ...spec.headers } });
    };
    const own401 = responses.forCode(401);
    const cache401 = new Map<SchemeCheck, PreparedResponse>();
    const operation: Operation = {
      info,
      raw,
      pointer,
      parameters,
      requestBody,
      security,
      validator,
      body,
      responses,
      unauthorized(scheme) {
        let answer = cache401.get(scheme);
        if (answer) return answer;
        const fromProfile = profile.unauthorized?.[scheme.kind];
        if (own401 && own401.answers.status === '401') answer = own401.answers.first;
        else if (fromProfile) answer = withDocumentedHeaders(fromProfile);
        else answer = documented401.get(scheme.kind) ?? undocumentedUnauthorized(scheme.name, scheme.challenge);
        cache401.set(scheme, answer);
        return answer;
      },
      invalid: (violations) =>
        malformedPathAnswer(profile, responses, violations) ?? withDocumentedHeaders(profile.validationError(violations, info)),
      malformed(mediaType, reason) {
        if (profile.malformedBody) return withDocumentedHeaders(profile.malformedBody({ mediaType, reason }, info));
        return operation.invalid([
          { location: 'body', field: [], keyword: 'json', message: `body is not valid JSON: ${reason}`, params: { reason } },
        ]);
      },
    };
    if (own401 && own401.answers.status === '401') {
      // unauthorized() runs at request time, when every operation has registered its documented 401.
      for (const scheme of security.schemes) if (!documented401.has(scheme.kind)) documented401.set(scheme.kind, own401.answers.first);
    }
    operations.push(operation);
    const methods = byPath.get(found.key) ?? new Map<string, Operation>();
    methods.set(found.method, operation);
    byPath.set(found.key, methods);
  }

  const paths: PathEntry[] = [...byPath.entries()].map(([template, methods]) => {
    const names = [...methods.keys()].map((method) => method.toUpperCase());
    if (methods.has('get') && !methods.has('head')) names.push('HEAD');
    if (!methods.has('options')) names.push('OPTIONS');
    return { template: compilePathTemplate(template), methods, allow: names.join(', ') };
  });
  const staticPaths = new Map(paths.filter((entry) => entry.template.isStatic).map((entry) => [entry.template.template, entry]));
  const templated = paths.filter((entry) => !entry.template.isStatic).sort((a, b) => b.template.specificity - a.template.specificity);

  const info = isObject(doc.info) ? doc.info : {};
  return {
    slug,
    title: typeof info.title === 'string' ? info.title : slug,
    doc,
    profile,
    operations,
    paths,
    route(segments, joined) {
      const exact = staticPaths.get(joined);
      if (exact) return { entry: exact, values: [] };
      for (const entry of templated) {
        const values = entry.template.match(segments);
        if (values) return { entry, values };
      }
      return undefined;
    },
  };
}

/** Every header name an answer may carry: documented ones and the ones provider files add (for CORS). */
export function answerHeaderNames(providers: readonly Provider[]): Set<string> {
  const names = new Set<string>();
  for (const provider of providers) {
    for (const operation of provider.operations) {
      for (const answers of operation.responses.statuses) for (const name of Object.keys(answers.headers)) names.add(name);
      const extra = provider.profile.extraHeaders?.(200, operation.info) ?? [];
      for (let i = 0; i < extra.length; i += 2) names.add(extra[i] as string);
    }
  }
  return names;
}
