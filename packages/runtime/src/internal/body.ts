/** Reading response bodies once. @internal */
import { attach, BODY, read, type BufferedBody } from './carrier.js';
import { parseJsonBody, type JsonParse } from './text.js';

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const decoder = new TextDecoder();

/**
 * A Response whose body the runtime has already read: `text()` and `json()` answer from that text, without
 * building a stream and reading it again (what a `new Response(bytes)` would make openapi-fetch do on every
 * call); the other readers, `body` and `clone()` work on a copy of the bytes, made only when asked. Its body
 * can be read any number of times.
 */
class BufferedResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer> | null;
  readonly #text: string;
  /** The answer as fetch gave it (its body read): its headers, url and redirected are this one's. */
  readonly #raw: Response;
  #stream: Response['body'] | undefined;

  constructor(bytes: Uint8Array<ArrayBuffer> | null, text: string, raw: Response) {
    // Status only: the headers are the answer's own object (no copy), and a constructed Response has an
    // empty url, so the real one is kept for callers who look at it.
    super(null, { status: raw.status, statusText: raw.statusText });
    this.#bytes = bytes;
    this.#text = text;
    this.#raw = raw;
  }

  override get headers(): Headers {
    return this.#raw.headers;
  }

  override get url(): string {
    return this.#raw.url;
  }

  override get redirected(): boolean {
    return this.#raw.redirected;
  }

  override get body(): Response['body'] {
    return (this.#stream ??= this.#copy().body);
  }

  override async text(): Promise<string> {
    return this.#text;
  }

  override async json(): Promise<unknown> {
    // The runtime's middleware has parsed the text already (to check it and find the correlation id): the
    // first reader (openapi-fetch) gets that value, and the cache lets go of it, so that no later reader shares
    // an object the caller may change.
    const body = read<BufferedBody>(this, BODY);
    const parsed = body?.parsed;
    if (!body || parsed?.kind !== 'json') return JSON.parse(this.#text);
    body.parsed = undefined;
    return parsed.value;
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#copy().arrayBuffer();
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  override blob(): Promise<Blob> {
    return this.#copy().blob();
  }

  override formData(): Promise<FormData> {
    return this.#copy().formData();
  }

  override clone(): Response {
    return new BufferedResponse(this.#bytes, this.#text, this.#raw);
  }

  /** A plain Response of the same bytes, status and headers. */
  #copy(): Response {
    return new Response(this.#bytes, this);
  }
}

/**
 * Reads the whole body of `raw` (under the attempt's signal, so the timeout covers it) and returns an
 * equivalent Response whose body can be read again, with the text kept on it.
 */
export async function bufferResponse(raw: Response): Promise<Response> {
  const nullBody = raw.body === null || NULL_BODY_STATUSES.has(raw.status);
  const bytes = nullBody ? null : new Uint8Array(await raw.arrayBuffer());
  const text = bytes ? decoder.decode(bytes) : '';
  const response = new BufferedResponse(bytes, text, raw);
  const body: BufferedBody = { text };
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
