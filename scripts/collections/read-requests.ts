/** One request per operation, grouped in folders by the operation's first tag. */
import { deref, isObject, listOperations, type JsonObject, type OperationRef } from '@credit-apis/contract-core';
import { CollectionModelError, type Body, type Folder, type OAuth2Flow, type Parameter, type RequestModel } from './model.js';
import { readExamples, readSchemas, successStatuses } from './read-responses.js';
import { readAuth } from './read-security.js';
import { ownServers } from './read-servers.js';
import { asText, isJson, sampleValue, text } from './read-values.js';

function readParameters(doc: JsonObject, ref: OperationRef, where: string): Parameter[] {
  return ref.parameters
    .filter((parameter) => parameter.in === where)
    .map((parameter) => {
      const value = sampleValue(doc, parameter);
      return {
        name: text(parameter.name),
        value: asText(value),
        // A required parameter is sent; an optional one only when the spec gives it an example.
        enabled: where === 'path' || parameter.required === true || (where === 'query' && value !== undefined && hasOwnExample(parameter)),
        description: text(parameter.description),
      };
    });
}

function hasOwnExample(parameter: JsonObject): boolean {
  return 'example' in parameter || isObject(parameter.examples);
}

function readBody(doc: JsonObject, operation: JsonObject): { body: Body | undefined; others: string[] } {
  const requestBody = deref(doc, operation.requestBody);
  const content = isObject(requestBody) && isObject(requestBody.content) ? requestBody.content : undefined;
  const [mediaType, media] = content ? (Object.entries(content)[0] ?? []) : [];
  if (mediaType === undefined || !isObject(media)) return { body: undefined, others: [] };
  const value = sampleValue(doc, media);
  const others = isObject(media.examples)
    ? Object.entries(media.examples)
        .slice(1)
        .map(([name, raw]) => {
          const example = deref(doc, raw);
          const summary = isObject(example) ? text(example.summary) : '';
          const shown = isObject(example) && 'value' in example ? JSON.stringify(example.value, null, 2) : '';
          return `Documented request example \`${name}\`${summary === '' ? '' : ` (${summary})`}:\n\n\`\`\`json\n${shown}\n\`\`\``;
        })
    : [];
  if (/x-www-form-urlencoded/i.test(mediaType)) {
    const fields = Object.entries(isObject(value) ? value : {}).map(([name, field]) => ({
      name,
      value: asText(field),
      enabled: true,
      description: '',
    }));
    return { body: { mediaType, text: new URLSearchParams(fields.map((field) => [field.name, field.value])).toString(), fields }, others };
  }
  const bodyText = value === undefined ? '' : isJson(mediaType) ? JSON.stringify(value, null, 2) : asText(value);
  return { body: { mediaType, text: bodyText }, others };
}

function readRequest(doc: JsonObject, ref: OperationRef, flows: readonly OAuth2Flow[]): RequestModel {
  const operationId = text(ref.operation.operationId);
  if (operationId === '') throw new CollectionModelError(`${ref.method.toUpperCase()} ${ref.key} has no operationId`);
  const { body, others } = readBody(doc, ref.operation);
  const statuses = successStatuses(ref.operation);
  const description = [text(ref.operation.description), ...others].filter((part) => part !== '').join('\n\n');
  return {
    operationId,
    name: text(ref.operation.summary) || operationId,
    description,
    method: ref.method.toUpperCase(),
    path: ref.key,
    baseUrlVariable: ownServers(doc, ref)?.variable ?? 'baseUrl',
    pathParameters: readParameters(doc, ref, 'path'),
    query: readParameters(doc, ref, 'query'),
    headers: readParameters(doc, ref, 'header'),
    body,
    auth: readAuth(doc, ref, flows),
    successStatuses: [...new Set(statuses.flatMap((status) => status.codes))].sort((a, b) => a - b),
    successKeys: statuses.map((status) => status.key),
    examples: readExamples(doc, ref.operation),
    schemas: readSchemas(doc, ref.operation, statuses),
  };
}

export function readFolders(doc: JsonObject, flows: readonly OAuth2Flow[]): Folder[] {
  const tags = Array.isArray(doc.tags) ? doc.tags.filter(isObject) : [];
  const folders = new Map<string, { description: string; requests: RequestModel[] }>();
  for (const tag of tags) folders.set(text(tag.name), { description: text(tag.description), requests: [] });
  for (const ref of listOperations(doc)) {
    // Webhooks are sent by the provider, not requests a partner makes.
    if (ref.kind !== 'paths') continue;
    const tag = Array.isArray(ref.operation.tags) ? text(ref.operation.tags[0]) : '';
    const name = tag === '' ? 'Operations' : tag;
    const folder = folders.get(name) ?? { description: '', requests: [] };
    folder.requests.push(readRequest(doc, ref, flows));
    folders.set(name, folder);
  }
  return [...folders.entries()].filter(([, folder]) => folder.requests.length > 0).map(([name, folder]) => ({ name, ...folder }));
}
