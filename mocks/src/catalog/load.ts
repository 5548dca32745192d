/**
 * Finds the providers: every `generated/<slug>/openapi.json` (the bundles `pnpm generate` writes), read
 * as they are, with no bundling at start-up. The list comes from the folder, never from code; a slug that
 * would collide with the mock's own routes is refused.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject, type JsonObject } from './openapi.js';

/** First path segments the mock keeps for itself: the index's docs, the sandbox and the control routes. */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set(['docs', '_sandbox', '_mock']);

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

export interface Bundle {
  readonly slug: string;
  readonly path: string;
  readonly doc: JsonObject;
}

export function loadBundles(generatedDir: string): Bundle[] {
  if (!existsSync(generatedDir)) return [];
  return readdirSync(generatedDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(generatedDir, entry.name, 'openapi.json')))
    .map((entry) => entry.name)
    .sort()
    .map((slug) => {
      if (!SLUG.test(slug) || RESERVED_SEGMENTS.has(slug))
        throw new Error(`generated/${slug}: "${slug}" cannot be a mock prefix (reserved or not a slug)`);
      const path = join(generatedDir, slug, 'openapi.json');
      const doc: unknown = JSON.parse(readFileSync(path, 'utf8'));
      if (!isObject(doc) || typeof doc.openapi !== 'string') throw new Error(`${path} is not an OpenAPI document`);
      return { slug, path, doc };
    });
}
