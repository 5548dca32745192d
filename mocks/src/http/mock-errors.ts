/**
 * The mock's own errors, for what no provider documents: unknown provider or path, wrong method, body too
 * large, a `Prefer` asking for something the spec does not have. RFC 9457 problem details
 * (`application/problem+json`), so they never look like a provider's answer. What they echo of the request
 * (a path, an error's message) goes through the shared redactor: no CPF, e-mail or secret comes back.
 */
import { redact } from '@credit-apis/contract-core/redact';
import { prepare, type PreparedResponse } from './prepared-response.js';

export function problem(
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): PreparedResponse {
  return prepare({
    status,
    mediaType: 'application/problem+json',
    headers,
    body: { type: 'about:blank', title, status, detail, ...extra },
  });
}

export interface ProviderLink {
  readonly slug: string;
  readonly baseUrl: string;
}

export function notFound(path: string, providers: readonly ProviderLink[]): PreparedResponse {
  return problem(
    404,
    'Not Found',
    `No provider of the mock serves ${redact(path)}. Each provider is served under its own prefix; GET / lists them.`,
    { providers },
  );
}

export function noSuchOperation(slug: string, path: string, paths: readonly string[]): PreparedResponse {
  return problem(404, 'Not Found', `The ${slug} spec has no path matching ${redact(path)}.`, { paths });
}

export function methodNotAllowed(method: string, path: string, allow: string): PreparedResponse {
  return problem(405, 'Method Not Allowed', `${method} is not documented for ${path}.`, { allow: allow.split(', ') }, { Allow: allow });
}

export function payloadTooLarge(limit: number): PreparedResponse {
  // No `Connection: close`: the rest of the body is still read (read-body.ts), then the connection may go on.
  return problem(413, 'Payload Too Large', `The request body is over the mock's limit of ${limit} bytes (--body-limit).`);
}

/** `available`: example names by status, for the statuses the request could pick from. */
export function unknownExample(
  example: string,
  operation: string,
  available: Readonly<Record<string, readonly string[]>>,
): PreparedResponse {
  return problem(
    400,
    'Unknown Example',
    `Prefer example="${example}" names no example of ${operation} (statuses ${Object.keys(available).join(', ')}).`,
    { examples: available },
  );
}

export function unknownStatus(code: number, operation: string, statuses: readonly string[]): PreparedResponse {
  return problem(400, 'Unknown Status', `Prefer code=${code} is not a documented status of ${operation}.`, { statuses });
}

/** A credential failure where neither the operation, the provider file nor another operation documents a 401. */
export function undocumentedUnauthorized(scheme: string, challenge: string | undefined): PreparedResponse {
  return problem(
    401,
    'Unauthorized',
    `Missing or malformed credential for security scheme "${scheme}" (mock server: the provider documents no 401).`,
    {},
    challenge ? { 'WWW-Authenticate': challenge } : {},
  );
}

export function badPreference(detail: string): PreparedResponse {
  return problem(400, 'Bad Prefer Header', detail);
}

export function originNotAllowed(origin: string): PreparedResponse {
  return problem(
    403,
    'Origin Not Allowed',
    `The mock does not allow browser calls from ${origin}; start it with --cors-origin ${origin} (or --cors-origin '*').`,
  );
}

export function sandboxNotEnabled(): PreparedResponse {
  return problem(
    404,
    'Sandbox Not Enabled',
    'The /_sandbox/ prefix belongs to the stateful sandbox mode: start the mock with --sandbox (pnpm start --sandbox).',
  );
}

export function internalError(detail: string): PreparedResponse {
  return problem(500, 'Mock Server Error', redact(detail));
}

export function dynamicUnavailable(detail: string): PreparedResponse {
  return problem(501, 'Dynamic Answer Unavailable', detail);
}
