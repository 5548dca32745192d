/**
 * The mock's control routes (`/_mock/…`) and sample calls, for the journal and fault tests.
 */
import type { JournalEntry } from '../../src/control/index.js';
import { sampleRequest } from '../../src/catalog/sample-request.js';
import type { RunningMock } from './mock.js';
import { send, type Sent } from './requests.js';

/** Calls a control route: `controlCall(running, 'POST', '/faults', spec)`. A string body is sent as is. */
export function controlCall(running: RunningMock, method: string, path: string, body?: unknown): Promise<Sent> {
  return send(`${running.url}/_mock${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** `GET /_mock/requests` with these filters. */
export async function journal(running: RunningMock, filter: Record<string, string> = {}): Promise<JournalEntry[]> {
  const answer = await controlCall(running, 'GET', `/requests?${new URLSearchParams(filter).toString()}`);
  if (answer.status !== 200) throw new Error(`GET /_mock/requests answered ${answer.status}: ${answer.text}`);
  return (answer.json as { requests: JournalEntry[] }).requests;
}

/** Adds a fault over HTTP and returns its id. */
export async function addFault(running: RunningMock, spec: unknown): Promise<string> {
  const answer = await controlCall(running, 'POST', '/faults', spec);
  if (answer.status !== 201) throw new Error(`POST /_mock/faults answered ${answer.status}: ${answer.text}`);
  return (answer.json as { id: string }).id;
}

/** Sends the spec's sample request of an operation (examples and a well-formed credential). */
export function callSample(
  running: RunningMock,
  slug: string,
  operationId: string,
  extraHeaders: Record<string, string> = {},
): Promise<Sent> {
  const provider = running.provider(slug);
  const request = sampleRequest(provider, running.operation(slug, operationId));
  return send(`${running.url}/${slug}${request.path}`, {
    method: request.method,
    headers: { ...request.headers, ...extraHeaders },
    ...(request.body === undefined ? {} : { body: request.body }),
  });
}

/** The sample path (with its query) of an operation, under the provider prefix. */
export function samplePath(running: RunningMock, slug: string, operationId: string): string {
  return sampleRequest(running.provider(slug), running.operation(slug, operationId)).path;
}
