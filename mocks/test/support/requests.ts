/**
 * Sends an operation's sample request (spec examples and a well-formed credential) to a running mock.
 */
import type { Operation, Provider } from '../../src/catalog/provider.js';
import { sampleRequest } from '../../src/catalog/sample-request.js';

export interface Sent {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON when its content type says JSON, else `undefined`. */
  readonly json: unknown;
}

export async function send(url: string, init: RequestInit = {}): Promise<Sent> {
  const response = await fetch(url, init);
  const text = await response.text();
  const isJson = /json/i.test(response.headers.get('content-type') ?? '');
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text === '' || !isJson ? undefined : (JSON.parse(text) as unknown),
  };
}

export function sendSample(
  base: string,
  provider: Provider,
  operation: Operation,
  extraHeaders: Record<string, string> = {},
  bodyExample?: string,
): Promise<Sent> {
  const request = sampleRequest(provider, operation, bodyExample);
  return send(`${base}/${provider.slug}${request.path}`, {
    method: request.method,
    headers: { ...request.headers, ...extraHeaders },
    ...(request.body === undefined ? {} : { body: request.body }),
  });
}
