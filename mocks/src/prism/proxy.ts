/**
 * `--proxy <provider>=<upstream>`: Prism's validating proxy in front of a real environment (say UY3
 * homologação). Every request under the provider's prefix is forwarded as it is, whatever the contract
 * says, and the real answer comes back to the caller; Prism checks the request (security, parameters,
 * body) and the answer (status, headers, body) against the spec on the way. Each break is reported, and
 * listed in the answer's `sl-violations` header as Prism's own server does, so partners see provider
 * drift as it happens.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { redact } from '@credit-apis/contract-core/redact';
import type { Provider } from '../catalog/provider.js';
import { prepare, type PreparedResponse } from '../http/prepared-response.js';
import { violationsHeader } from '../http/violations-header.js';
import { fromPrismResponse, loadPrism, prismHeaders, prismQuery, type PrismDiagnostic } from './engine.js';

export interface ContractViolation {
  readonly side: 'request' | 'response';
  readonly severity: 'error' | 'warning';
  /** Where, as Prism says it: `body.data.0.name`, `header.authorization`. */
  readonly location: string;
  readonly message: string;
}

export interface ContractReport {
  readonly provider: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly violations: readonly ContractViolation[];
}

export type ContractReporter = (report: ContractReport) => void;

export interface ProxyRequest {
  readonly method: string;
  /** Path under the provider prefix. */
  readonly path: string;
  readonly query: URLSearchParams | undefined;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON when it parses, else the raw text; `undefined` without a body. */
  readonly body: unknown;
}

const HOP_BY_HOP = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'content-encoding']);

function toViolations(side: ContractViolation['side'], diagnostics: readonly PrismDiagnostic[]): ContractViolation[] {
  return diagnostics
    .filter((diagnostic) => diagnostic.severity <= 1)
    .map((diagnostic) => ({
      side,
      severity: diagnostic.severity === 0 ? 'error' : 'warning',
      location: (diagnostic.path ?? []).join('.'),
      message: diagnostic.message,
    }));
}

export function createProxy(provider: Provider, upstream: URL, report: ContractReporter) {
  return async function forward(request: ProxyRequest): Promise<PreparedResponse> {
    const engine = loadPrism('the validating proxy (--proxy)');
    const operations = await engine.operations(provider.slug, provider.doc);
    const instance = engine.prism.createInstance(
      {
        isProxy: true,
        upstream,
        mock: { dynamic: false },
        checkSecurity: true,
        validateRequest: true,
        validateResponse: true,
        errors: false,
        upstreamProxy: undefined,
      },
      { logger: engine.logger },
    );
    const headers = prismHeaders(request.headers);
    delete headers.host;
    const result = await instance.request(
      {
        method: request.method.toLowerCase(),
        url: { path: request.path, query: prismQuery(request.query) },
        headers,
        ...(request.body === undefined ? {} : { body: request.body }),
      },
      operations,
    )();
    if (result._tag === 'Left') {
      const violations: ContractViolation[] = [
        { side: 'response', severity: 'error', location: '', message: `upstream call failed: ${result.left.message}` },
      ];
      report({ provider: provider.slug, method: request.method, path: redact(request.path), status: 502, violations });
      return prepare({
        status: 502,
        mediaType: 'application/problem+json',
        body: {
          type: 'about:blank',
          title: 'Bad Gateway',
          status: 502,
          detail: `The proxy could not reach ${upstream.href}: ${result.left.message}`,
        },
      });
    }
    const { output, validations } = result.right;
    const violations = [...toViolations('request', validations.input), ...toViolations('response', validations.output)];
    const answer = fromPrismResponse(output);
    const forwardedHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name.toLowerCase())) forwardedHeaders[name] = value;
    if (violations.length > 0) {
      report({ provider: provider.slug, method: request.method, path: redact(request.path), status: answer.status, violations });
      forwardedHeaders['sl-violations'] = violationsHeader(
        violations.map(({ side, severity, location, message }) => ({
          location: [side, ...location.split('.').filter(Boolean)],
          severity,
          message,
        })),
      );
    }
    const mediaType = answer.mediaType ?? 'application/octet-stream';
    return prepare({ status: answer.status, headers: forwardedHeaders, body: answer.body, mediaType });
  };
}
