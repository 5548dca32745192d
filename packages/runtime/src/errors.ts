/**
 * One class hierarchy for everything the runtime throws. Every message is redacted (no token, secret or CPF)
 * and names the provider, the HTTP method and the path when they are known.
 *
 * ```
 * CreditApisError
 * ├── ApiError<TBody, TStatus>        the provider answered with a non-2xx status (see `unwrap`)
 * │   └── AuthenticationError         the OAuth2 token endpoint refused to issue a token
 * ├── NetworkError                    no HTTP answer (connection refused/reset, DNS, TLS…); `cause` is the original
 * ├── TimeoutError                    an attempt took longer than `timeoutMs`
 * ├── ResponseParseError              the body is neither empty nor JSON (an HTML 502, a truncated body)
 * ├── ResponseValidationError         the body does not match the spec (`@credit-apis/runtime/validate`)
 * └── ConfigurationError              invalid client options
 * ```
 *
 * A caller's own abort is not wrapped: the caller's `AbortSignal.reason` is rethrown as is.
 *
 * Fields are `declare`d and assigned by the constructors (the same own, enumerable properties): as class
 * fields they would be defined twice over in the bundle, 61 B min+gzip of the base entry's 8.5 KiB budget.
 */

/** Where a request went: every transport error and every {@link ApiError} carries it. */
export interface RequestDescription {
  /** Provider slug from the profile, e.g. `eccor-fgts`. */
  provider?: string | undefined;
  /** HTTP method, upper case. */
  method: string;
  /**
   * The operation's path template when known (`/operation/{operation_code}`), otherwise the request's
   * redacted path and query.
   */
  path: string;
}

/** Base class of every error the runtime throws. */
export class CreditApisError extends Error {
  override name = 'CreditApisError';
}

function where(description: RequestDescription): string {
  return `${description.provider ? `${description.provider}: ` : ''}${description.method} ${description.path}`;
}

/** Options of {@link ApiError}'s constructor. */
export interface ApiErrorInit<TBody, TStatus extends number> extends RequestDescription {
  /** HTTP status of the answer. */
  status: TStatus;
  /** The provider's parsed error body (JSON), or `undefined` for an empty body. */
  body: TBody | undefined;
  /** Response headers. */
  headers: Headers;
  /** Correlation/request id the provider sent (see `ProviderProfile.correlationId`). */
  correlationId?: string | undefined;
  /** Redacted, human-readable summary of the body, appended to the message. */
  bodySummary?: string | undefined;
  /** Replaces the generated message (already redacted). */
  message?: string | undefined;
}

/**
 * The provider answered with a non-2xx status. `body` is the provider's parsed error body, typed from the
 * operation's documented error responses when it comes from {@link unwrap}; it is `undefined` when the
 * response had no body (UY3's 401, for one).
 *
 * @typeParam TBody - the error body's type (for `unwrap(result)`, the union of the operation's error bodies).
 * @typeParam TStatus - the status's type; {@link ApiErrorFor} narrows it per documented status.
 */
export class ApiError<TBody = unknown, TStatus extends number = number> extends CreditApisError {
  override name = 'ApiError';
  /** HTTP status (4xx/5xx, or 3xx when redirects were not followed). */
  declare readonly status: TStatus;
  /** The provider's parsed error body, `undefined` when empty. Not redacted: it is data, never logged. */
  declare readonly body: TBody | undefined;
  /** Response headers. */
  declare readonly headers: Headers;
  /** The provider's correlation/request id for this answer, when it sent one. */
  declare readonly correlationId: string | undefined;
  /** Provider slug. */
  declare readonly provider: string | undefined;
  /** HTTP method. */
  declare readonly method: string;
  /** Path template of the operation (or the redacted request path). */
  declare readonly path: string;

  constructor(init: ApiErrorInit<TBody, TStatus>) {
    const id = init.correlationId ? ` (correlation id ${init.correlationId})` : '';
    const summary = init.bodySummary ? `: ${init.bodySummary}` : '';
    super(init.message ?? `${where(init)} answered ${init.status}${id}${summary}`);
    this.status = init.status;
    this.body = init.body;
    this.headers = init.headers;
    this.correlationId = init.correlationId;
    this.provider = init.provider;
    this.method = init.method;
    this.path = init.path;
  }
}

/**
 * The OAuth2 token endpoint did not issue a token (`clientCredentials`). `status` and `body` are the token
 * endpoint's (e.g. `400` and `{"error":"invalid_request"}`); the message never contains the credentials.
 */
export class AuthenticationError<TBody = unknown> extends ApiError<TBody> {
  override name = 'AuthenticationError';
  /** Redacted URL of the token endpoint. */
  declare readonly tokenUrl: string;

  constructor(init: ApiErrorInit<TBody, number> & { tokenUrl: string }) {
    const summary = init.bodySummary ? `: ${init.bodySummary}` : '';
    super({
      ...init,
      message:
        init.message ??
        `${init.provider ? `${init.provider}: ` : ''}token request to ${init.tokenUrl} failed with status ${init.status}${summary}`,
    });
    this.tokenUrl = init.tokenUrl;
  }
}

/**
 * The request got no HTTP answer: connection refused or reset, DNS or TLS failure, a body cut short by the
 * connection closing. `cause` is the original error from `fetch`.
 */
export class NetworkError extends CreditApisError {
  override name = 'NetworkError';
  /** Provider slug. */
  declare readonly provider: string | undefined;
  /** HTTP method. */
  declare readonly method: string;
  /** Path template of the operation (or the redacted request path). */
  declare readonly path: string;
  /** Attempt number (1 for the first send) that failed last. */
  declare readonly attempt: number;

  constructor(init: RequestDescription & { attempt: number; reason: string; cause: unknown }) {
    super(`${where(init)} failed without an HTTP answer (attempt ${init.attempt}): ${init.reason}`, {
      cause: init.cause,
    });
    this.provider = init.provider;
    this.method = init.method;
    this.path = init.path;
    this.attempt = init.attempt;
  }
}

/** An attempt took longer than the client's `timeoutMs` (per attempt, headers and body). */
export class TimeoutError extends CreditApisError {
  override name = 'TimeoutError';
  /** Provider slug. */
  declare readonly provider: string | undefined;
  /** HTTP method. */
  declare readonly method: string;
  /** Path template of the operation (or the redacted request path). */
  declare readonly path: string;
  /** The limit that was exceeded, in milliseconds. */
  declare readonly timeoutMs: number;
  /** Attempt number (1 for the first send) that timed out last. */
  declare readonly attempt: number;

  constructor(init: RequestDescription & { timeoutMs: number; attempt: number }) {
    super(`${where(init)} timed out after ${init.timeoutMs} ms (attempt ${init.attempt})`);
    this.provider = init.provider;
    this.method = init.method;
    this.path = init.path;
    this.timeoutMs = init.timeoutMs;
    this.attempt = init.attempt;
  }
}

/**
 * The provider answered with a body that is neither empty nor JSON: an HTML error page from a gateway (a
 * 502), a truncated JSON document. Our providers always answer JSON or nothing, so this is never data.
 */
export class ResponseParseError extends CreditApisError {
  override name = 'ResponseParseError';
  /** Provider slug. */
  declare readonly provider: string | undefined;
  /** HTTP method. */
  declare readonly method: string;
  /** Path template of the operation (or the redacted request path). */
  declare readonly path: string;
  /** HTTP status of the answer. */
  declare readonly status: number;
  /** The response's `Content-Type`, if any. */
  declare readonly contentType: string | undefined;
  /** The start of the body, redacted (at most 200 characters). */
  declare readonly bodySnippet: string;
  /** The provider's correlation/request id, when it sent one. */
  declare readonly correlationId: string | undefined;

  constructor(
    init: RequestDescription & {
      status: number;
      contentType: string | undefined;
      bodySnippet: string;
      correlationId?: string | undefined;
      cause?: unknown;
    },
  ) {
    const type = init.contentType ? ` (${init.contentType})` : '';
    super(`${where(init)} answered ${init.status} with a body that is not valid JSON${type}: ${init.bodySnippet}`, {
      cause: init.cause,
    });
    this.provider = init.provider;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.contentType = init.contentType;
    this.bodySnippet = init.bodySnippet;
    this.correlationId = init.correlationId;
  }
}

/** One difference between a response and the spec, found by `@credit-apis/runtime/validate`. */
export interface ValidationIssue {
  /** JSON Pointer into the body (`/data/amount`); `''` for the body itself. */
  instancePath: string;
  /** The JSON Schema keyword that failed (`type`, `required`, `unevaluatedProperties`…) or `status`/`content`. */
  keyword: string;
  /** What is wrong, redacted (`must be string`, `is not in the spec`). */
  message: string;
}

/** A response does not match the provider's spec (thrown by `validateResponses` in `throw` mode). */
export class ResponseValidationError extends CreditApisError {
  override name = 'ResponseValidationError';
  /** Provider slug. */
  declare readonly provider: string | undefined;
  /** HTTP method. */
  declare readonly method: string;
  /** Path template of the operation (or the redacted request path). */
  declare readonly path: string;
  /** HTTP status of the answer. */
  declare readonly status: number;
  /** The response's media type (`application/json`), if any. */
  declare readonly mediaType: string | undefined;
  /** Every difference found. */
  declare readonly issues: readonly ValidationIssue[];

  constructor(init: RequestDescription & { status: number; mediaType: string | undefined; issues: readonly ValidationIssue[] }) {
    const list = init.issues.map((issue) => `${issue.instancePath || '(body)'} ${issue.message}`).join('; ');
    super(`${where(init)} answered ${init.status} with a body that does not match the spec: ${list}`);
    this.provider = init.provider;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.mediaType = init.mediaType;
    this.issues = init.issues;
  }
}

/** Invalid options given to `createProviderClient`, an auth strategy or a call. */
export class ConfigurationError extends CreditApisError {
  override name = 'ConfigurationError';
}
