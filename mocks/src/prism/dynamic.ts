/**
 * `Prefer: dynamic=true`: an answer generated from the schema by Prism's engine (faker data), after the
 * mock's own security check and validation. The request reaches Prism already checked, so Prism's own
 * checks are off; a `Prefer: example=` still wins over `dynamic`, as in Prism.
 */
import type { Operation, Provider } from '../catalog/provider.js';
import { prepare, type PreparedResponse } from '../http/prepared-response.js';
import { dynamicUnavailable } from '../http/mock-errors.js';
import { fromPrismResponse, loadPrism, PrismNotInstalledError, prismHeaders, prismQuery, type PrismInput } from './engine.js';
import type { IncomingHttpHeaders } from 'node:http';

export interface DynamicRequest {
  readonly provider: Provider;
  readonly operation: Operation;
  /** Path under the provider prefix. */
  readonly path: string;
  readonly query: URLSearchParams | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly code: number | undefined;
}

export async function dynamicAnswer(request: DynamicRequest): Promise<PreparedResponse> {
  let engine: ReturnType<typeof loadPrism>;
  try {
    engine = loadPrism('Prefer: dynamic=true');
  } catch (error) {
    if (error instanceof PrismNotInstalledError) return dynamicUnavailable(error.message);
    throw error;
  }
  const operations = await engine.operations(request.provider.slug, request.provider.doc);
  const input: PrismInput = {
    method: request.operation.info.method,
    url: { path: request.path, query: prismQuery(request.query) },
    headers: prismHeaders(request.headers),
    body: request.body,
  };
  // A fresh config per request: Prism's mocker writes the Accept header's media types into it.
  const instance = engine.prism.createInstance(
    {
      isProxy: false,
      mock: { dynamic: true, ...(request.code === undefined ? {} : { code: request.code }) },
      checkSecurity: false,
      validateRequest: false,
      validateResponse: false,
      errors: false,
      upstreamProxy: undefined,
    },
    { logger: engine.logger },
  );
  const result = await instance.request(input, operations)();
  if (result._tag === 'Left') return dynamicUnavailable(`Prism could not generate an answer: ${result.left.message}`);
  const answer = fromPrismResponse(result.right.output);
  return prepare({
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
    ...(answer.mediaType ? { mediaType: answer.mediaType } : {}),
  });
}
