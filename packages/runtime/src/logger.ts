/**
 * The optional logging hook. The runtime never logs by itself: give `logger` to see what it does. Every
 * event is redacted before it reaches the hook (no token, no secret, no CPF, in the path, the query, the
 * messages or the errors), and never carries a body.
 */
import type { ValidationIssue } from './errors.js';

/** Severity of a {@link LogEvent}. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * What happened:
 * - `response`: an attempt got an HTTP answer (`info`);
 * - `retry`: the call will be sent again after `retryInMs` (`warn`);
 * - `error`: an attempt failed without an answer (network error, timeout) (`error`);
 * - `token`: the OAuth2 token endpoint was called (`info`, `error` when it refused);
 * - `validation`: a response does not match the spec (`warn`, from `@credit-apis/runtime/validate`).
 */
export type LogEventType = 'response' | 'retry' | 'error' | 'token' | 'validation';

/** One structured, redacted event. */
export interface LogEvent {
  level: LogLevel;
  type: LogEventType;
  /** One readable, redacted line. */
  message: string;
  /** Provider slug. */
  provider: string;
  /** HTTP method. */
  method: string;
  /** Request path and query, redacted (`/persons/***?registrationNumber=***`). */
  path: string;
  /** Path template of the operation (`/persons/{id}`), when known. */
  operation?: string | undefined;
  /** 1 for the first send of a call, 2 for its first retry… */
  attempt: number;
  /** HTTP status, when there was an answer. */
  status?: number | undefined;
  /** Duration of the attempt (or token request) in milliseconds. */
  durationMs?: number | undefined;
  /** The provider's correlation/request id, when it sent one. */
  correlationId?: string | undefined;
  /** For `retry`: how long the client waits before the next attempt. */
  retryInMs?: number | undefined;
  /** For `error` and failed `token`/`retry` events: the error's name and redacted message. */
  error?: { name: string; message: string } | undefined;
  /** For `validation`: the differences found. */
  issues?: readonly ValidationIssue[] | undefined;
}

/** A function that receives every event. */
export type LogFunction = (event: LogEvent) => void;

/**
 * An object with one method per level, called with the event's message and the event. `console` is one,
 * and so are pino/winston-style loggers: `logger: console`.
 */
export interface LevelLogger {
  debug?(message: string, event: LogEvent): void;
  info?(message: string, event: LogEvent): void;
  warn?(message: string, event: LogEvent): void;
  error?(message: string, event: LogEvent): void;
}

/** The `logger` option: a function of the event, or an object with a method per level. */
export type Logger = LogFunction | LevelLogger;

/**
 * Sends `event` to `logger`. A logger that throws never breaks a request.
 * @internal
 */
export function emit(logger: Logger | undefined, event: LogEvent): void {
  if (!logger) return;
  try {
    if (typeof logger === 'function') logger(event);
    else logger[event.level]?.(event.message, event);
  } catch {
    // A broken logger must not turn a successful call into a failure.
  }
}
