/**
 * Every answer an operation can give from its spec, computed once: for each documented status, the answer
 * of each named example (and the first one), with the status's documented headers. Which answer is the
 * default follows Prism's static negotiator (NegotiatorHelpers + InternalHelpers of @stoplight/prism-http
 * 5.12): the lowest 2xx status by string order, else `default`, else the first response; within it the
 * `*\/*` content, else the best of application/json and `*\/*`, else the first; then the first example,
 * else a static sample of the schema, else an empty body. test/prism-equivalence proves it.
 */
import { prepare, type PreparedResponse } from '../http/prepared-response.js';
import { childPointer, followObject, isObject, type Json, type JsonObject } from './openapi.js';
import { staticSample } from './static-sample.js';

export interface StatusAnswers {
  /** As documented: `200`, `4XX` or `default`. */
  readonly status: string;
  /** Answer without an example preference: the first example (or sample, or empty body). */
  readonly first: PreparedResponse;
  readonly byExample: ReadonlyMap<string, PreparedResponse>;
  /** Documented headers with their example values, for answers the provider files build. */
  readonly headers: Readonly<Record<string, string>>;
  /** Media type of the body, if the status documents one. */
  readonly mediaType: string | undefined;
}

export interface ResponseTable {
  readonly statuses: readonly StatusAnswers[];
  /** Answer when the request states no preference (Prism's static choice). */
  readonly preferred: StatusAnswers | undefined;
  /** The concrete status code the preferred answer is sent with. */
  readonly defaultAnswer: PreparedResponse | undefined;
  /** Answer for a requested status code: exact, then `NXX`, then `default` (Prism's order). */
  forCode(code: number): { answers: StatusAnswers; status: number } | undefined;
}

/** Prism's findBestHttpContentByMediaType for ['application/json', '*\/*'] when no Accept is sent. */
function pickContent(content: JsonObject): [string, JsonObject] | undefined {
  const entries = Object.entries(content).filter((entry): entry is [string, JsonObject] => isObject(entry[1]));
  return (
    entries.find(([mediaType]) => mediaType === '*/*') ??
    entries.find(([mediaType]) => mediaType.toLowerCase() === 'application/json') ??
    entries[0]
  );
}

function headerValue(doc: JsonObject, header: JsonObject, pointer: string): string | undefined {
  // Prism: the header's first example; else, with a schema, the static sample when it is a string or a number.
  let value: unknown;
  if ('example' in header) value = header.example;
  else if (isObject(header.examples) && Object.keys(header.examples).length > 0) {
    const [name, first] = Object.entries(header.examples)[0] ?? [];
    value = name === undefined ? undefined : followObject(doc, first, childPointer(pointer, 'examples', name))?.value.value;
  } else if (header.schema !== undefined) value = staticSample(doc, header.schema, childPointer(pointer, 'schema'));
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function documentedHeaders(doc: JsonObject, response: JsonObject, pointer: string): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!isObject(response.headers)) return headers;
  for (const [name, raw] of Object.entries(response.headers)) {
    if (name.toLowerCase() === 'content-type') continue;
    const header = followObject(doc, raw, childPointer(pointer, 'headers', name));
    if (!header) continue;
    const value = headerValue(doc, header.value, header.pointer);
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

function concreteStatus(status: string, requested?: number): number {
  if (requested !== undefined) return requested;
  if (status === 'default') return 200;
  // Ranges answer with their first code (Prism's withResponseRangesNormalized: 2XX → 200).
  return /^\dXX$/i.test(status) ? Number(`${status[0]}00`) : Number(status);
}

function buildStatus(doc: JsonObject, status: string, raw: Json | undefined, pointer: string, code: number): StatusAnswers {
  const response = followObject(doc, raw, pointer);
  const headers = response ? documentedHeaders(doc, response.value, response.pointer) : {};
  const content = response && isObject(response.value.content) ? pickContent(response.value.content) : undefined;
  const byExample = new Map<string, PreparedResponse>();
  if (!content) {
    const empty = prepare({ status: code, headers });
    return { status, first: empty, byExample, headers, mediaType: undefined };
  }
  const [mediaType, media] = content;
  const mediaPointer = childPointer(response?.pointer ?? pointer, 'content', mediaType);
  const answer = (body: unknown): PreparedResponse => prepare({ status: code, headers, body, mediaType });
  if (isObject(media.examples)) {
    for (const [name, rawExample] of Object.entries(media.examples)) {
      const example = followObject(doc, rawExample, childPointer(mediaPointer, 'examples', name));
      // An example without an inline value (externalValue) is skipped, as Prism cannot serve it either.
      if (example && 'value' in example.value) byExample.set(name, answer(example.value.value));
    }
  } else if ('example' in media) {
    // http-spec turns the singular `example` into an example named `default`.
    byExample.set('default', answer(media.example));
  }
  const firstExample = byExample.values().next();
  let first: PreparedResponse;
  if (!firstExample.done) first = firstExample.value;
  else if (media.schema !== undefined) first = answer(staticSample(doc, media.schema, childPointer(mediaPointer, 'schema')));
  else first = answer(undefined);
  return { status, first, byExample, headers, mediaType };
}

export function buildResponseTable(doc: JsonObject, responses: Json | undefined, pointer: string): ResponseTable {
  const statuses: StatusAnswers[] = [];
  const cache = new Map<string, StatusAnswers>();
  const raws = isObject(responses) ? responses : {};
  const answersFor = (status: string, code: number): StatusAnswers => {
    const key = `${status}:${code}`;
    let answers = cache.get(key);
    if (!answers) {
      answers = buildStatus(doc, status, raws[status], childPointer(pointer, status), code);
      cache.set(key, answers);
    }
    return answers;
  };
  for (const status of Object.keys(raws)) statuses.push(answersFor(status, concreteStatus(status)));

  const twoXX = statuses
    .filter((answers) => /^2(\d\d|XX)$/.test(answers.status))
    .sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
  const preferred = twoXX[0] ?? statuses.find((answers) => answers.status === 'default') ?? statuses[0];

  return {
    statuses,
    preferred,
    defaultAnswer: preferred?.first,
    forCode(code) {
      const text = String(code);
      if (text in raws) return { answers: answersFor(text, code), status: code };
      const range = `${text[0]}XX`;
      if (range in raws) return { answers: answersFor(range, code), status: code };
      if ('default' in raws) return { answers: answersFor('default', code), status: code };
      return undefined;
    },
  };
}
