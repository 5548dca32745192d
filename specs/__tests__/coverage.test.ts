import { describe, expect, it } from 'vitest';
import { listOperations } from '@credit-apis/contract-core';
import { listProviders } from '../../scripts/lib/providers.js';
import { freshBundles } from './bundles.js';
import { documented } from './documented-operations.js';

const bundles = freshBundles();

describe('every provider with a spec is in the documented list', () => {
  it('lists the same providers as specs/', () => {
    expect(
      listProviders()
        .map((p) => p.slug)
        .sort(),
    ).toEqual(Object.keys(documented).sort());
  });
});

for (const { slug, doc } of bundles) {
  const expected = documented[slug] ?? { operations: [], webhooks: [] };
  const inSpec = listOperations(doc);
  const specOperations = inSpec.filter((op) => op.kind === 'paths').map((op) => `${op.method.toUpperCase()} ${op.key}`);
  const specWebhooks = inSpec.filter((op) => op.kind === 'webhooks').map((op) => op.key);

  describe(`${slug}: the spec has exactly the documented operations`, () => {
    it.each(expected.operations.map((op) => [`${op.method} ${op.path}`, op.source] as const))('%s (seed %s)', (operation) => {
      expect(specOperations, `${slug} lacks ${operation}`).toContain(operation);
    });
    it.each(expected.webhooks.map((hook) => [hook.name, hook.source] as const))('webhook %s (seed %s)', (name) => {
      expect(specWebhooks, `${slug} lacks webhook ${name}`).toContain(name);
    });
    it('has nothing the documents do not define', () => {
      const known = new Set(expected.operations.map((op) => `${op.method} ${op.path}`));
      const knownHooks = new Set(expected.webhooks.map((hook) => hook.name));
      expect(
        specOperations.filter((op) => !known.has(op)),
        'undocumented operations',
      ).toEqual([]);
      expect(
        specWebhooks.filter((name) => !knownHooks.has(name)),
        'undocumented webhooks',
      ).toEqual([]);
    });
  });
}
