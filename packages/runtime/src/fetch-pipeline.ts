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
 *
 * `send` is the loop; each step is a function of its own: `startCall` (what a call works out once),
 * `authorize` (the attempt's credential), `attempt` (one send under its timeout, via `transmit`, logged by
 * `answered` or as an error), `refreshed` (the 401 renewal, once per call), `retryWait` (whether and how long
 * to wait before the next attempt) and `waitToRetry`.
 * @internal
 */
import type { AuthContext, AuthStrategy } from './auth/types.js';
import { extractCorrelationId } from './correlation.js';
import { CreditApisError, NetworkError, TimeoutError } from './errors.js';
import { bufferResponse, readBody } from './internal/body.js';
import { describeCause } from './internal/text.js';
import { OPERATION, read } from './internal/carrier.js';
import { readCallOptions } from './call-options.js';
import { emit, type LogEvent, type Logger } from './logger.js';
import type { ProviderProfile } from './profile.js';
import { redactUrlPath, type Redactor } from '@credit-apis/contract-core/redact';
import { backoffMs, DEFAULT_RETRY, IDEMPOTENT_METHODS, resolveRetryOptions, retryDelayMs, type ResolvedRetryOptions } from './retry.js';
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

/** What a call works out once, before its first attempt. */
interface Call {
  /** openapi-fetch's request: the template of every attempt, never sent itself when it has a body. */
  request: Request;
  method: string;
  operation: string | undefined;
  /** Redacted path and query (or the operation's template when nothing is logged). */
  path: string;
  /** The caller's signal (openapi-fetch's Request follows it, and stays referenced for the whole call). */
  signal: AbortSignal;
  timeoutMs: number;
  retry: ResolvedRetryOptions | undefined;
  /** Retries this call may make: 0 for a method that is not idempotent and not opted in. */
  maxRetries: number;
  /** Logs an event of this call, redacted (nothing is done without a logger). */
  log(event: Omit<LogEvent, 'provider' | 'method' | 'path' | 'operation'>): void;
  /** The strategy's context, built on first use (a call without auth never builds it). */
  authContext(): AuthContext;
  /** The provider's correlation id of the last answer, for log events (found only when there is a logger). */
  correlationId?: string | undefined;
}

/** What one attempt ended with: an answer (its body read), or the error that took its place. */
type Outcome = Response | CreditApisError;

/** Builds the fetch function handed to openapi-fetch's `createClient`. */
export function createFetchPipeline(config: PipelineConfig): (request: Request) => Promise<Response> {
  const { profile, redactor, logger, auth } = config;
  const provider = profile.name;
  const clientRetry = config.retry || { ...DEFAULT_RETRY, maxRetries: 0 };
  /** Emits `event` with its message, correlation id and error redacted (nothing is done without a logger). */
  const log = (event: LogEvent): void => {
    if (!logger) return;
    const { correlationId, error } = event;
    emit(logger, {
      ...event,
      message: redactor.redact(event.message),
      correlationId: correlationId === undefined ? undefined : redactor.redact(correlationId),
      error: error && { name: error.name, message: redactor.redact(error.message) },
    });
  };
  const authLog: AuthContext['log'] = (event) => log({ attempt: 1, ...event, provider, path: redactor.redact(event.path) });

  function startCall(request: Request): Call {
    const options = readCallOptions(request);
    const method = request.method.toUpperCase();
    const operation = read<string>(request, OPERATION);
    // Redacting costs a URL parse and a few regular expressions per call: without a logger nothing is
    // logged, and errors name the operation's template.
    const path = logger || operation === undefined ? redactUrlPath(request.url, redactor) : operation;
    const signal = request.signal;
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    const retry = options.retry === false ? undefined : options.retry ? resolveRetryOptions(options.retry, clientRetry) : clientRetry;
    const idempotent = IDEMPOTENT_METHODS.has(method) || (options.retry !== false && options.retry?.idempotent === true);
    let context: AuthContext | undefined;
    return {
      request,
      method,
      operation,
      path,
      signal,
      timeoutMs,
      retry,
      maxRetries: retry && idempotent ? retry.maxRetries : 0,
      log: (event) => log({ ...event, provider, method, path, operation }),
      authContext: () => (context ??= { provider, fetch: config.fetch, timeoutMs, signal, log: authLog }),
    };
  }

  let lastCredential: string | undefined;
  /** The strategy's credential for one attempt (none without a strategy, or when the caller set its own). */
  async function authorize(call: Call): Promise<string | undefined> {
    if (!auth || call.request.headers.has('authorization')) return undefined;
    const credential = await auth.authorize(call.authContext());
    // A cached token comes back call after call: it is remembered (with and without its scheme) once.
    if (credential !== lastCredential) {
      lastCredential = credential;
      redactor.add(credential);
      redactor.add(credential.replace(/^\S+\s+/, ''));
    }
    return credential;
  }

  /** Sends one attempt under its own timeout and reads its whole body (so the timeout covers slow bodies). */
  async function attempt(call: Call, credential: string | undefined, number: number): Promise<Outcome> {
    const started = performance.now();
    const timer = startAttemptSignal(call.signal, call.timeoutMs);
    let response: Response | undefined;
    let failure: unknown;
    try {
      response = await bufferResponse(await transmit(call.request, credential, timer.signal));
    } catch (cause) {
      if (call.signal.aborted) throw call.signal.reason;
      failure = cause;
    } finally {
      timer.dispose();
    }
    const durationMs = Math.round(performance.now() - started);
    if (response) return logger ? answered(call, response, durationMs, number) : response;
    const described = { provider, method: call.method, path: call.operation ?? call.path, attempt: number };
    const error: CreditApisError = timer.timedOut
      ? new TimeoutError({ ...described, timeoutMs: call.timeoutMs })
      : new NetworkError({ ...described, reason: redactor.redact(describeCause(failure)), cause: failure });
    // (`log` turns an error into its name and redacted message.)
    call.log({ level: 'error', type: 'error', message: error.message, attempt: number, durationMs, error });
    return error;
  }

  /** Hands the attempt to the transport: `request` itself stays untouched, to be sent again by a retry. */
  function transmit(request: Request, credential: string | undefined, signal: AbortSignal): Promise<Response> {
    // The signal goes in fetch's init, not in a temporary `new Request(…, { signal })`: in Node 20's undici a
    // Request forwards aborts only while it is alive, and fetch() keeps only its own copy, so a collected
    // temporary Request would swallow the timeout and the caller's abort.
    const init: RequestInit = { signal };
    if (config.direct && request.body === null && globalThis.fetch === platformFetch) {
      // No body: fetch builds its own Request from openapi-fetch's and this init, the credential in a copy of
      // its headers.
      if (credential) {
        const headers = new Headers(request.headers);
        headers.set('Authorization', credential);
        init.headers = headers;
      }
      return config.fetch(request, init);
    }
    // A fresh copy per attempt: a sent body cannot be sent again.
    const outgoing = request.clone();
    if (credential) outgoing.headers.set('Authorization', credential);
    return config.fetch(outgoing, init);
  }

  /**
   * An attempt got an answer: logs it, with the provider's correlation id (for log events only: the
   * response's own, for errors, is found by the response check).
   */
  async function answered(call: Call, response: Response, durationMs: number, number: number): Promise<Response> {
    const correlationId = extractCorrelationId(profile, response.headers, (await readBody(response)).parsed);
    call.correlationId = correlationId;
    call.log({
      level: 'info',
      type: 'response',
      message: `${provider}: ${call.method} ${call.path} → ${response.status} in ${durationMs} ms (attempt ${number})`,
      attempt: number,
      status: response.status,
      durationMs,
      correlationId,
    });
    return response;
  }

  /**
   * How long to wait before sending the call again, or `undefined` when it is not sent again: retries left,
   * and a failure without an answer (backoff) or a retried status (the server's wait, else backoff).
   */
  function retryWait(call: Call, outcome: Outcome, retriesDone: number): number | undefined {
    const { retry } = call;
    if (!retry || retriesDone >= call.maxRetries) return undefined;
    if (outcome instanceof CreditApisError) return backoffMs(retriesDone, retry);
    if (!retry.statuses.includes(outcome.status)) return undefined;
    return retryDelayMs(outcome.headers, retriesDone, retry, profile.rateLimitResetHeader);
  }

  /** Announces the retry, then waits (the caller's abort ends the wait at once). */
  async function waitToRetry(call: Call, outcome: Outcome, wait: number, number: number): Promise<void> {
    const failed = outcome instanceof CreditApisError;
    const what = failed ? `failed (${outcome.name})` : `→ ${outcome.status}`;
    call.log({
      level: 'warn',
      type: 'retry',
      message: `${provider}: ${call.method} ${call.path} ${what}, retrying in ${wait} ms`,
      attempt: number,
      retryInMs: wait,
      ...(failed ? { error: outcome } : { status: outcome.status, correlationId: call.correlationId }),
    });
    await sleep(wait, call.signal);
  }

  /**
   * After a 401 to the strategy's credential: whether the strategy renewed it (the call is then sent again);
   * a strategy without `refresh` gives the 401 back as is.
   */
  async function refreshed(call: Call, credential: string, number: number): Promise<boolean> {
    if (!auth?.refresh || !(await auth.refresh(credential, call.authContext()))) return false;
    call.log({
      level: 'warn',
      type: 'retry',
      message: `${provider}: ${call.method} ${call.path} → 401, renewing the credential and sending once more`,
      attempt: number,
      status: 401,
      retryInMs: 0,
      correlationId: call.correlationId,
    });
    return true;
  }

  return async function send(request: Request): Promise<Response> {
    const call = startCall(request);
    // Every call, not once: the redactor forgets its oldest secrets first (tokens rotate), and adding moves
    // these back to the newest, so the client secret is never the one forgotten.
    for (const secret of auth?.secrets?.() ?? []) redactor.add(secret);
    let retriesDone = 0;
    let refreshTried = false;
    for (let number = 1; ; number += 1) {
      if (call.signal.aborted) throw call.signal.reason;
      const credential = await authorize(call);
      const outcome = await attempt(call, credential, number);
      if (outcome instanceof Response && outcome.status === 401 && credential && !refreshTried) {
        refreshTried = true; // once per call
        if (await refreshed(call, credential, number)) continue;
      }
      const wait = retryWait(call, outcome, retriesDone);
      if (wait === undefined) {
        if (outcome instanceof CreditApisError) throw outcome;
        return outcome;
      }
      await waitToRetry(call, outcome, wait, number);
      retriesDone += 1;
    }
  };
}
