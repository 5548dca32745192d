/** Reads a bundle into the collection model (model.ts), generically: no provider is named here. */
import { isObject, type JsonObject } from '@credit-apis/contract-core';
import type { CollectionModel } from './model.js';
import { readEnvironments } from './read-environments.js';
import { readFolders } from './read-requests.js';
import { readOAuth2Flows } from './read-security.js';
import { text } from './read-values.js';

export function readCollectionModel(slug: string, doc: JsonObject): CollectionModel {
  const info = isObject(doc.info) ? doc.info : {};
  const oauth2 = readOAuth2Flows(doc);
  const folders = readFolders(doc, oauth2);
  return {
    slug,
    title: text(info.title) || slug,
    version: text(info.version),
    description: text(info.description),
    environments: readEnvironments(doc, slug, folders, oauth2),
    folders,
    oauth2,
  };
}
