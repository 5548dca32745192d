/**
 * Lets provider files take their error bodies from the spec instead of repeating them: the value of the
 * first response example with a given name and status anywhere in the document.
 */
import { listOperations } from '@credit-apis/contract-core';
import { follow, isObject, type Json, type JsonObject } from './openapi.js';

export function documentedExample(doc: JsonObject, status: string, name: string): Json | undefined {
  for (const { operation } of listOperations(doc)) {
    const response = isObject(operation.responses) ? follow(doc, operation.responses[status], '#').value : undefined;
    if (!isObject(response) || !isObject(response.content)) continue;
    for (const media of Object.values(response.content)) {
      if (!isObject(media) || !isObject(media.examples)) continue;
      const example = follow(doc, media.examples[name], '#').value;
      if (isObject(example) && 'value' in example) return example.value as Json;
    }
  }
  return undefined;
}
