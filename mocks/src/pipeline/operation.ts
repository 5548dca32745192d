/**
 * A request that found its provider's operation, from there to its answer: a fault that answers in its place,
 * else credentials, the body (within the limit, parsed by its media type), validation, `Prefer`, then the
 * answer chain (handlers.ts). Every answer goes out with the provider's live headers (rate limits…).
 *
 * The fast path stays synchronous: only a request with a body, or a handler that answers later (Prism), goes
 * through a promise (a `void` return is an answer already written; the server then adds no promise hop).
 */
import type { Operation } from '../catalog/provider.js';
import type { TakenFault } from '../control/faults.js';
import { badPreference, payloadTooLarge } from '../http/mock-errors.js';
import { readPreference } from '../http/prefer.js';
import { prepare, type PreparedResponse } from '../http/prepared-response.js';
import { announcesBody, readBody } from '../http/read-body.js';
import { NO_HEADERS, type OperationRequest } from '../http/request-context.js';
import { violationsHeader } from '../http/violations-header.js';
import { parseBody } from '../validation/parse-body.js';
import type { AnswerHandler, Exchange } from './handlers.js';

export type AnswerOperation = (request: OperationRequest) => void | Promise<void>;

const EMPTY_ANSWER: PreparedResponse = prepare({ status: 200 });

function decodeParameter(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Sends an answer of the operation with the headers the provider adds to it. */
function reply(request: OperationRequest, answer: PreparedResponse): void {
  const extra = request.provider.profile.extraHeaders?.(answer.status, request.operation.info) ?? NO_HEADERS;
  request.send(answer, extra);
}

function parse(request: OperationRequest, bytes: Buffer): ReturnType<typeof parseBody> {
  return parseBody(bytes, request.req.headers['content-type'], request.provider.profile.lenientJson === true);
}

/** The body as the journal keeps it: its parsed value, or its text when it does not parse. */
function journalBody(request: OperationRequest, bytes: Buffer): unknown {
  const parsed = parse(request, bytes);
  return parsed.ok ? parsed.body.value : bytes.toString('utf8');
}

function pathParameters(request: OperationRequest): Record<string, string> {
  const { pathNames, pathValues } = request;
  const pathParams: Record<string, string> = {};
  for (let i = 0; i < pathNames.length; i++) pathParams[pathNames[i] as string] = decodeParameter(pathValues[i] as string);
  return pathParams;
}

function withViolations(answer: PreparedResponse, violations: ReturnType<Operation['validator']['validate']>): PreparedResponse {
  const listed = violationsHeader(
    violations.map((violation) => ({ location: [violation.location, ...violation.field], message: violation.message })),
  );
  return { ...answer, headers: [...answer.headers, 'sl-violations', listed] };
}

export function createOperationPipeline(handlers: readonly AnswerHandler[], bodyLimit: number): AnswerOperation {
  /** A fault with a `status` or `reset` answers in place of the operation: nothing after routing runs. */
  function answerFault(request: OperationRequest, fault: TakenFault): Promise<void> {
    return readBody(request.req, bodyLimit).then((read) => {
      if (read.kind === 'aborted') return;
      if (read.kind === 'ok') request.body = journalBody(request, read.bytes);
      request.send(fault.answer ?? EMPTY_ANSWER);
    });
  }

  function readThenAnswer(request: OperationRequest): Promise<void> {
    const { operation } = request;
    return readBody(request.req, bodyLimit).then((read) => {
      if (read.kind === 'aborted') return;
      if (read.kind === 'too-large') return reply(request, payloadTooLarge(bodyLimit));
      if (read.kind === 'none') return answerValid(request, undefined);
      if (!operation.body) {
        request.body = journalBody(request, read.bytes);
        return answerValid(request, undefined);
      }
      const parsed = parse(request, read.bytes);
      request.body = parsed.ok ? parsed.body.value : read.bytes.toString('utf8');
      if (!parsed.ok) return reply(request, operation.malformed(parsed.mediaType, parsed.reason));
      return answerValid(request, parsed.body);
    });
  }

  /** Validation and `Prefer`, then the handlers. */
  function answerValid(request: OperationRequest, body: Exchange['body']): void | Promise<void> {
    const { operation, req, query } = request;
    const pathParams = pathParameters(request);
    const violations = operation.validator.validate({ pathParams, query, headers: req.headers, body });
    if (violations.length > 0) return reply(request, withViolations(operation.invalid(violations), violations));
    const preferred = readPreference(req.headers.prefer, query);
    if (!preferred.ok) return reply(request, badPreference(preferred.detail));
    const exchange: Exchange = {
      provider: request.provider,
      operation,
      path: request.rest,
      pathParams,
      query,
      headers: req.headers,
      body,
      preference: preferred.preference,
    };
    return runHandlers(request, exchange, 0);
  }

  function runHandlers(request: OperationRequest, exchange: Exchange, from: number): void | Promise<void> {
    for (let i = from; i < handlers.length; i++) {
      const result = (handlers[i] as AnswerHandler)(exchange);
      if (result instanceof Promise)
        return result.then((answer) => (answer ? reply(request, answer) : runHandlers(request, exchange, i + 1)));
      if (result) return reply(request, result);
    }
  }

  return (request) => {
    const { fault, operation } = request;
    if (fault && (fault.answer || fault.effect.reset)) return answerFault(request, fault);
    const failed = operation.security.failure(request.req.headers, request.query);
    if (failed) return reply(request, operation.unauthorized(failed));
    if (!announcesBody(request.req)) return answerValid(request, undefined);
    return readThenAnswer(request);
  };
}
