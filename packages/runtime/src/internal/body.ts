/** Reading response bodies once. @internal */
import { attach, BODY, read, type BufferedBody } from './carrier.js';
import { parseJsonBody, type JsonParse } from './text.js';

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const decoder = new TextDecoder();

/**
 * Reads the whole body of `raw` (under the attempt's signal, so the timeout covers it) and returns an
 * equivalent Response whose body can be read again, with the text kept on it.
 */
export async function bufferResponse(raw: Response): Promise<Response> {
  const nullBody = raw.body === null || NULL_BODY_STATUSES.has(raw.status);
  const bytes = nullBody ? null : new Uint8Array(await raw.arrayBuffer());
  const response = new Response(bytes, raw as ResponseInit);
  // A constructed Response has an empty url: keep the real one for callers who look at it.
  Object.defineProperties(response, {
    url: { value: raw.url, enumerable: true },
    redirected: { value: raw.redirected, enumerable: true },
  });
  const body: BufferedBody = { text: bytes ? decoder.decode(bytes) : '' };
  attach(response, BODY, body);
  return response;
}

/** The body's text and JSON parse, from the buffer when the runtime read it, else from a clone. */
export async function readBody(response: Response): Promise<{ text: string; parsed: JsonParse }> {
  let body = read<BufferedBody>(response, BODY);
  if (!body) {
    body = { text: response.body === null ? '' : await response.clone().text() };
    attach(response, BODY, body);
  }
  body.parsed ??= parseJsonBody(body.text);
  return { text: body.text, parsed: body.parsed };
}
