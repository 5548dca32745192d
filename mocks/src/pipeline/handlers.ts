/**
 * What answers a request once it has been routed, authenticated and validated: a chain of handlers, the
 * first one to return an answer wins. Today the chain is `Prefer: dynamic=true` (Prism) then the static
 * answer precomputed from the spec. It is also the extension point of the sandbox mode to come: a stateful
 * handler (created resources, status flows) goes in front and answers what it knows, leaving the rest to
 * the static answer.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Operation, Provider } from '../catalog/provider.js';
import type { StatusAnswers } from '../catalog/responses.js';
import type { Preference } from '../http/prefer.js';
import { internalError, unknownExample, unknownStatus } from '../http/mock-errors.js';
import type { PreparedResponse } from '../http/prepared-response.js';
import { dynamicAnswer } from '../prism/dynamic.js';
import type { ParsedBody } from '../validation/request-validator.js';

export interface Exchange {
  readonly provider: Provider;
  readonly operation: Operation;
  /** Path under the provider prefix: `/api/operations/0196…`. */
  readonly path: string;
  /** Decoded path parameters by name. */
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: URLSearchParams | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: ParsedBody | undefined;
  readonly preference: Preference;
}

export type AnswerHandler = (exchange: Exchange) => PreparedResponse | undefined | Promise<PreparedResponse | undefined>;

function examplesByStatus(operation: Operation): Record<string, string[]> {
  return Object.fromEntries(operation.responses.statuses.map((answers) => [answers.status, [...answers.byExample.keys()]]));
}

function label(operation: Operation): string {
  return `${operation.info.method.toUpperCase()} ${operation.info.path}`;
}

/** The answer precomputed from the spec, as chosen by `Prefer: code=…, example=…` or Prism's static rules. */
export const staticAnswer: AnswerHandler = ({ operation, preference }) => {
  const { responses } = operation;
  let chosen: StatusAnswers | undefined;
  if (preference.code !== undefined) {
    const found = responses.forCode(preference.code);
    if (!found)
      return unknownStatus(
        preference.code,
        label(operation),
        responses.statuses.map((answers) => answers.status),
      );
    chosen = found.answers;
  }
  if (preference.example !== undefined) {
    const name = preference.example;
    if (chosen)
      return chosen.byExample.get(name) ?? unknownExample(name, label(operation), { [chosen.status]: [...chosen.byExample.keys()] });
    // Without a code, Prism looks in the default status only; the mock also finds the example in the others.
    const holder = [responses.preferred, ...responses.statuses].find((answers) => answers?.byExample.has(name));
    return holder?.byExample.get(name) ?? unknownExample(name, label(operation), examplesByStatus(operation));
  }
  return chosen?.first ?? responses.defaultAnswer ?? internalError(`${label(operation)} documents no response.`);
};

/** `Prefer: dynamic=true` without an example: Prism generates the body from the schema. */
export const dynamicHandler: AnswerHandler = (exchange) => {
  if (exchange.preference.dynamic !== true || exchange.preference.example !== undefined) return undefined;
  return dynamicAnswer({
    provider: exchange.provider,
    operation: exchange.operation,
    path: exchange.path,
    query: exchange.query,
    headers: exchange.headers,
    body: exchange.body?.value,
    code: exchange.preference.code,
  });
};
