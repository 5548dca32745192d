/**
 * The generated collections hold the contract whole: every operation is a request in both, and its saved
 * responses (Postman) and examples (Bruno, read back with Bruno's own parser) are exactly its documented
 * answers — every status, every named example, the same bodies. The environments of both formats agree.
 * The documented answers are listed here from the bundle, independently of the generator.
 */
import { parseEnvironment, parseRequest } from '@usebruno/filestore';
import { describe, expect, it } from 'vitest';
import { freshBundles } from '../../../specs/__tests__/bundles.js';
import { generateCollections, type GeneratedFile } from '../../collections/index.js';
import { deref, isObject, listOperations, type Json, type JsonObject } from '@credit-apis/contract-core';

interface Answer {
  status: number;
  body: Json | undefined;
}

function sorted(answers: Answer[]): Answer[] {
  return [...answers].sort((a, b) => a.status - b.status || JSON.stringify(a.body ?? null).localeCompare(JSON.stringify(b.body ?? null)));
}

/** `METHOD /path/{param}` → the answers its responses document (a status without an example: no body). */
function documentedAnswers(doc: JsonObject): Map<string, Answer[]> {
  const found = new Map<string, Answer[]>();
  for (const { kind, key, method, operation } of listOperations(doc)) {
    if (kind !== 'paths') continue;
    const answers: Answer[] = [];
    for (const [status, raw] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
      if (!/^[1-5](\d\d|XX)$/i.test(status)) continue;
      const code = Number(status.replace(/XX$/i, '00'));
      const response = deref(doc, raw);
      const bodies: Json[] = [];
      for (const media of Object.values(isObject(response) && isObject(response.content) ? response.content : {})) {
        if (!isObject(media)) continue;
        if ('example' in media) bodies.push(media.example as Json);
        for (const example of Object.values(isObject(media.examples) ? media.examples : {})) {
          const value = deref(doc, example);
          if (isObject(value) && 'value' in value) bodies.push(value.value as Json);
        }
      }
      if (bodies.length === 0) answers.push({ status: code, body: undefined });
      for (const body of bodies) answers.push({ status: code, body });
    }
    found.set(`${method.toUpperCase()} ${key}`, sorted(answers));
  }
  return found;
}

function parsedBody(text: string | undefined): Json | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/** `{{baseUrl}}/v1/x/:id?q=1` → `/v1/x/{id}`. */
function template(url: string): string {
  return url
    .replace(/^\{\{[^}]+\}\}/, '')
    .replace(/\?.*$/, '')
    .replace(/:([^/]+)/g, '{$1}');
}

interface PostmanItem {
  request: { method: string; url: { raw: string } };
  response: { code: number; body: string }[];
  item?: PostmanItem[];
}

function postmanAnswers(files: readonly GeneratedFile[]): Map<string, Answer[]> {
  const collection = JSON.parse(files.find((file) => file.path === 'postman_collection.json')?.text ?? '{}') as { item: PostmanItem[] };
  const requests = collection.item.flatMap((folder) => folder.item ?? []);
  return new Map(
    requests.map((item) => [
      `${item.request.method} ${template(item.request.url.raw)}`,
      sorted(item.response.map((response) => ({ status: response.code, body: parsedBody(response.body) }))),
    ]),
  );
}

interface BrunoRequest {
  request: { method: string; url: string };
  examples?: { response: { status: number; body?: { content?: string } } }[];
}

function brunoAnswers(files: readonly GeneratedFile[]): Map<string, Answer[]> {
  const requests = files
    .filter((file) => file.path.endsWith('.bru') && !/\/(folder|collection)\.bru$|^bruno\/(collection\.bru|environments\/)/.test(file.path))
    .map((file) => parseRequest(file.text, { format: 'bru' }) as BrunoRequest);
  return new Map(
    requests.map((request) => [
      `${request.request.method.toUpperCase()} ${template(request.request.url)}`,
      sorted(
        (request.examples ?? []).map((example) => ({
          status: Number(example.response.status),
          body: parsedBody(example.response.body?.content),
        })),
      ),
    ]),
  );
}

function environments(files: readonly GeneratedFile[]): {
  postman: Record<string, Record<string, string>>;
  bruno: Record<string, Record<string, string>>;
} {
  const postman: Record<string, Record<string, string>> = {};
  const bruno: Record<string, Record<string, string>> = {};
  for (const file of files) {
    const postmanId = /^postman_environment\.(.+)\.json$/.exec(file.path)?.[1];
    if (postmanId) {
      const { values } = JSON.parse(file.text) as { values: { key: string; value: string }[] };
      postman[postmanId] = Object.fromEntries(values.map((entry) => [entry.key, entry.value]));
    }
    const brunoId = /^bruno\/environments\/(.+)\.bru$/.exec(file.path)?.[1];
    if (brunoId) {
      const { variables } = parseEnvironment(file.text, { format: 'bru' }) as { variables: { name: string; value: string }[] };
      bruno[brunoId] = Object.fromEntries(variables.map((variable) => [variable.name, variable.value]));
    }
  }
  return { postman, bruno };
}

describe.each(freshBundles())('the collections of $slug hold every documented answer', ({ slug, text, doc }) => {
  const files = generateCollections(slug, text);
  const documented = documentedAnswers(doc);

  it('Postman: every operation is a request whose saved responses are its documented answers', () => {
    expect(postmanAnswers(files)).toEqual(documented);
  });

  it("Bruno: every operation is a request whose examples are its documented answers (read by Bruno's parser)", () => {
    expect(brunoAnswers(files)).toEqual(documented);
  });

  it('Postman and Bruno have the same environments: the documented hosts and the mock', () => {
    const { postman, bruno } = environments(files);
    expect(Object.keys(postman)).toContain('mock');
    expect(Object.keys(postman).length).toBe(
      (Array.isArray(doc.servers)
        ? doc.servers.filter((server) => isObject(server) && server.url !== `http://127.0.0.1:4010/${slug}`).length
        : 0) + 1,
    );
    // Bruno keeps secrets' values out of its files: compare the names, and the values of what is not secret.
    for (const [id, values] of Object.entries(postman)) {
      expect(Object.keys(bruno[id] ?? {}), id).toEqual(Object.keys(values));
      for (const [name, value] of Object.entries(bruno[id] ?? {})) if (value !== '') expect(value, `${id} ${name}`).toBe(values[name]);
    }
  });
});
