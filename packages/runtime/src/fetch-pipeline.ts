/**
 * The `fetch` the runtime gives openapi-fetch: one call in, one Response out, with authentication, a
 * timeout per attempt, retries, the 401 refresh and redacted logging in between.
 *
 * Per attempt: the request openapi-fetch built is the template, never consumed: a request with a body is
 * sent as a fresh copy (`request.clone()`: a sent body cannot be sent again), a body-less one is given to the
 * platform's fetch as is, with the attempt's init (fetch makes its own Request of the two); the
 * `Authorization` header of the auth strategy, a signal that combines the caller's with the attempt's timeout, and the whole body read
 * before the attempt ends (so that the timeout covers slow bodies and a connection cut mid-body is a
 * network error of that attempt).
 * @internal
 */
import type { AuthContext, AuthStrategy } from './auth/types.js';
import { extractCorrelationId } from './correlation.js';
import { CreditApisError, NetworkError, TimeoutError } from './errors.js';
import { bufferResponse, readBody } from './internal/body.js';
import { OPERATION, read } from './internal/carrier.js';
import { readCallOptions } from './call-options.js';
import { emit, type LogEvent, type Logger } from './logger.js';
import type { ProviderProfile } from './profile.js';
import { redactUrlPath, type Redactor } from '@credit-apis/contract-core/redact';
import {
  backoffMs,
  DEFAULT_RETRY,
  IDEMPOTENT_METHODS,
  resolveRetryOptions,
  retryDelayMs,
  type ResolvedRetryOptions,
} from './retry.js';
import { sleep, startAttemptSignal } from './timeout.js';

/** Everything the pipeline needs from the client. */
export interface PipelineConfig {
  profile: ProviderProfile;
  fetch: typeof fetch;
  /** `fetch` is the platform's (no custom fetch given): body-less requests are then sent without a copy. */
  direct?: boolean;
  auth: AuthStrategy | undefined;
  retry: ResolvedRetryOptions | false;
  timeoutMs: number;
  logger: Logger | undefined;
  redactor: Redactor;
}

// The platform's fetch, as found when the runtime was loaded (a stub installed later gets copies, as before).
const platformFetch = globalThis.fetch;

/** Builds the fetch function handed to openapi-fetch's `createClient`. */
export function createFetchPipeline(config: PipelineConfig): (request: Request) => Promise<Response> {
  const { profile, redactor, logger, auth } = config;
  const provider = profile.name;
  const clientRetry = config.retry || { ...DEFAULT_RETRY, maxRetries: 0 };
  const redactError = (error: LogEvent['error']): LogEvent['error'] =>
    error && { name: error.name, message: redactor.redact(error.message) };
  const authLog: AuthContext['log'] = (event) => {
    if (!logger) return;
    emit(logger, {
      attempt: 1,
      ...event,
      provider,
      message: redactor.redact(event.message),
      path: redactor.redact(event.path),
      error: redactError(event.error),
    });
  };

  return async function send(request: Request): Promise<Response> {
    const call = readCallOptions(request);
    const method = request.method.toUpperCase();
    const operation = read<string>(request, OPERATION);
    // The redacted path and query, for log events and messages. Redacting costs a URL parse and a few regular
    // expressions per call: without a logger nothing is logged, and errors name the operation's template.
    const path = logger || operation === undefined ? redactUrlPath(request.url, redactor) : operation;
    // openapi-fetch's Request follows the caller's signal (it is built with it) and stays referenced here
    // for the whole call, so its signal keeps following.
    const callerSignal = request.signal;
    const timeoutMs = call.timeoutMs ?? config.timeoutMs;

    const retry = call.retry === false ? undefined : call.retry ? resolveRetryOptions(call.retry, clientRetry) : clientRetry;
    const idempotent = IDEMPOTENT_METHODS.has(method) || (call.retry !== false && call.retry?.idempotent === true);
    const maxRetries = retry && idempotent ? retry.maxRetries : 0;

    const log = (event: Omit<LogEvent, 'provider' | 'method' | 'path' | 'operation'>): void => {
      if (!logger) return; // no redaction work for events nobody receives
      emit(logger, {
        ...event,
        message: redactor.redact(event.message),
        provider,
        method,
        path,
        operation,
        correlationId: event.correlationId === undefined ? undefined : redactor.redact(event.correlationId),
        error: redactError(event.error),
      });
    };
    let authContext: AuthContext | undefined;
    const context = (): AuthContext =>
      (authContext ??= {
        provider,
        fetch: config.fetch,
        timeoutMs,
        signal: callerSignal,
        log: authLog,
      });
    for (const secret of auth?.secrets?.() ?? []) redactor.add(secret);

    let attempt = 0;
    let retriesDone = 0;
    let refreshed = false;
    for (;;) {
      attempt += 1;
      if (callerSignal.aborted) throw callerSignal.reason;

      let credential: string | undefined;
      if (auth && !request.headers.has('authorization')) {
        credential = await auth.authorize(context());
        redactor.add(credential);
        redactor.add(credential.replace(/^\S+\s+/, ''));
      }

      const started = performance.now();
      const timer = startAttemptSignal(callerSignal, timeoutMs);
      let response: Response | undefined;
      let failure: unknown;
      try {
        // The signal goes in fetch's init, not in a temporary `new Request(…, { signal })`: in Node 20's
        // undici a Request forwards aborts only while it is alive, and fetch() keeps only its own copy, so a
        // collected temporary Request would swallow the timeout and the caller's abort.
        const init: RequestInit = { signal: timer.signal };
        let outgoing = request;
        if (config.direct && request.body === null && globalThis.fetch === platformFetch) {
          // No body: fetch builds its own Request from openapi-fetch's (which it leaves untouched, to be sent
          // again by a retry) and this init, the credential in a copy of its headers.
          if (credential) {
            const headers = new Headers(request.headers);
            headers.set('Authorization', credential);
            init.headers = headers;
          }
        } else {
          // A fresh copy per attempt: openapi-fetch's request is the template (a sent body cannot be sent again).
          outgoing = request.clone();
          if (credential) outgoing.headers.set('Authorization', credential);
        }
        response = await bufferResponse(await config.fetch(outgoing, init));
      } catch (cause) {
        if (callerSignal.aborted) throw callerSignal.reason;
        failure = cause;
      } finally {
        timer.dispose();
      }
      const durationMs = Math.round(performance.now() - started);

      if (!response) {
        const described = { provider, method, path: operation ?? path };
        const error: CreditApisError = timer.timedOut
          ? new TimeoutError({ ...described, timeoutMs, attempt })
          : new NetworkError({ ...described, attempt, reason: redactor.redact(describeCause(failure)), cause: failure });
        log({ level: 'error', type: 'error', message: error.message, attempt, durationMs, error: errorSummary(error) });
        if (retry && retriesDone < maxRetries) {
          const wait = backoffMs(retriesDone, retry);
          log({
            level: 'warn',
            type: 'retry',
            message: `${provider}: ${method} ${path} failed (${error.name}), retrying in ${wait} ms`,
            attempt,
            retryInMs: wait,
            error: errorSummary(error),
          });
          await sleep(wait, callerSignal);
          retriesDone += 1;
          continue;
        }
        throw error;
      }

      // The correlation id is for log events only (the response's own is found by the response check).
      let correlationId: string | undefined;
      if (logger) {
        correlationId = extractCorrelationId(profile, response.headers, (await readBody(response)).parsed);
        log({
          level: 'info',
          type: 'response',
          message: `${provider}: ${method} ${path} → ${response.status} in ${durationMs} ms (attempt ${attempt})`,
          attempt,
          status: response.status,
          durationMs,
          correlationId,
        });
      }

      if (response.status === 401 && credential && auth?.refresh && !refreshed) {
        refreshed = true;
        if (await auth.refresh(credential, context())) {
          log({
            level: 'warn',
            type: 'retry',
            message: `${provider}: ${method} ${path} → 401, renewing the credential and sending once more`,
            attempt,
            status: 401,
            retryInMs: 0,
            correlationId,
          });
          continue;
        }
      }

      if (retry && retriesDone < maxRetries && retry.statuses.includes(response.status)) {
        const wait = retryDelayMs(response.headers, retriesDone, retry, profile.rateLimitResetHeader);
        log({
          level: 'warn',
          type: 'retry',
          message: `${provider}: ${method} ${path} → ${response.status}, retrying in ${wait} ms`,
          attempt,
          status: response.status,
          retryInMs: wait,
          correlationId,
        });
        await sleep(wait, callerSignal);
        retriesDone += 1;
        continue;
      }
      return response;
    }
  };
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`;
}

function errorSummary(error: Error): { name: string; message: string } {
  return { name: error.name, message: error.message };
}
