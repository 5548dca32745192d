/**
 * The routes under a provider's prefix `/<slug>/`, in the order the table tries them: a proxied provider
 * forwards everything; else a documented path answers (preflight, `Allow`, 405, or its operation through the
 * pipeline); else `openapi.json|yaml` serves the contract; else a 404 that lists the provider's paths. Every
 * request of a provider is journaled, the contract files excepted.
 */
import type { PathEntry, Provider } from '../catalog/provider.js';
import type { Faults } from '../control/faults.js';
import type { CorsPolicy } from '../http/cors.js';
import { methodNotAllowed, noSuchOperation, originNotAllowed, payloadTooLarge } from '../http/mock-errors.js';
import { prepare, type PreparedResponse } from '../http/prepared-response.js';
import { readBody } from '../http/read-body.js';
import { NO_HEADERS, type RequestContext } from '../http/request-context.js';
import type { AnswerOperation } from '../pipeline/operation.js';
import type { ProxyRequest } from '../prism/proxy.js';
import { isContractPath } from '../site/contracts.js';
import { reads, type Route } from './router.js';

export interface ProxiedProvider {
  readonly provider: Provider;
  readonly forward: (request: ProxyRequest) => Promise<PreparedResponse>;
}

/** A proxied provider's requests go to its upstream, bodies as they came (within the limit). */
export function proxyRoute(proxies: ReadonlyMap<string, ProxiedProvider>, bodyLimit: number): Route<ProxiedProvider> {
  return {
    name: 'proxy',
    match: (target) => proxies.get(target.head),
    async serve(request, { provider, forward }) {
      request.recordAs(provider);
      const read = await readBody(request.req, bodyLimit);
      if (read.kind === 'aborted') return;
      if (read.kind === 'too-large') return request.send(payloadTooLarge(bodyLimit));
      if (read.kind === 'ok') request.body = proxiedBody(read.bytes, request.req.headers['content-type']);
      const { method, rest: path, query, body } = request;
      request.send(await forward({ method, path, query, headers: request.req.headers, body }));
    },
  };
}

/** JSON when it says so and parses, else the text. */
function proxiedBody(bytes: Buffer, contentType: string | undefined): unknown {
  const text = bytes.toString('utf8');
  try {
    return /json/i.test(contentType ?? '') ? JSON.parse(text) : text;
  } catch {
    return text;
  }
}

export interface OperationMatch {
  readonly provider: Provider;
  readonly entry: PathEntry;
  /** Raw values of the path parameters. */
  readonly values: string[];
}

export interface OperationRouteDependencies {
  readonly bySlug: ReadonlyMap<string, Provider>;
  readonly cors: CorsPolicy;
  readonly faults: Faults;
  readonly answerOperation: AnswerOperation;
}

/** A documented path of a provider: its methods answer, the others get 405 with `Allow`. */
export function operationRoute({ bySlug, cors, faults, answerOperation }: OperationRouteDependencies): Route<OperationMatch> {
  return {
    name: 'operation',
    match(target) {
      const provider = bySlug.get(target.head);
      if (!provider || target.rest === '') return undefined;
      const found = provider.route(target.rest.split('/').slice(1), target.rest);
      return found && { provider, entry: found.entry, values: found.values };
    },
    serve(request, { provider, entry, values }) {
      const template = entry.template.template;
      request.recordAs(provider, template);
      if (request.method === 'OPTIONS' && answerOptions(request, entry, cors)) return;
      const lower = request.method.toLowerCase();
      const operation = entry.methods.get(lower) ?? (lower === 'head' ? entry.methods.get('get') : undefined);
      if (!operation) return request.send(methodNotAllowed(request.method, `/${provider.slug}${template}`, entry.allow));
      // Faults come before credentials, the sandbox and `Prefer`: they stand for the network and the provider's bad day.
      const fault = faults.take(provider.slug, request.method.toUpperCase(), template);
      return answerOperation(request.toOperation(operation, entry.template.parameterNames, values, fault));
    },
  };
}

/**
 * A CORS preflight (with its own headers), or `OPTIONS` on a path that does not document it (204 with
 * `Allow`); `false` leaves a documented `OPTIONS` to its operation.
 */
function answerOptions(request: RequestContext, entry: PathEntry, cors: CorsPolicy): boolean {
  const { origin, req } = request;
  if (origin !== undefined && req.headers['access-control-request-method'] !== undefined) {
    const preflight = cors.preflight(origin, entry.allow, req.headers['access-control-request-headers']);
    request.send(preflight ? prepare({ status: 204 }) : originNotAllowed(origin), NO_HEADERS, preflight ?? NO_HEADERS);
    return true;
  }
  if (entry.methods.has('options')) return false;
  request.send(prepare({ status: 204, headers: { Allow: entry.allow } }));
  return true;
}

/** `/<slug>/openapi.json` and `/<slug>/openapi.yaml`: the contract the provider is mocked from (not journaled). */
export function contractFileRoute(
  bySlug: ReadonlyMap<string, Provider>,
  contracts: (slug: string, rest: string) => Promise<PreparedResponse>,
): Route<Provider> {
  return {
    name: 'contract-file',
    match: (target) => (isContractPath(target.rest) && reads(target) && bySlug.get(target.head)) || undefined,
    serve: (request, provider) => contracts(provider.slug, request.rest).then((answer) => request.send(answer)),
  };
}

/** Any other path under a provider's prefix: 404 with the paths it documents. */
export function noSuchOperationRoute(bySlug: ReadonlyMap<string, Provider>): Route<Provider> {
  return {
    name: 'no-such-operation',
    match: (target) => bySlug.get(target.head),
    serve(request, provider) {
      const paths = provider.paths.map((entry) => entry.template.template);
      request.recordAs(provider).send(noSuchOperation(provider.slug, request.rest || '/', paths));
    },
  };
}
