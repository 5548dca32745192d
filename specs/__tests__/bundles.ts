/** The freshly bundled specs of this test run, parsed (see fresh-bundles.global-setup.ts). */
import { inject } from 'vitest';
import type { JsonObject } from '@credit-apis/contract-core';

export function freshBundles(): { slug: string; text: string; doc: JsonObject }[] {
  return Object.entries(inject('freshBundles')).map(([slug, text]) => ({ slug, text, doc: JSON.parse(text) as JsonObject }));
}
