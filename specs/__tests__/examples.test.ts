import { describe, expect, it } from 'vitest';
import { listExampleSites, listSchemaExampleSites } from '@credit-apis/contract-core';
import { createDocumentValidator, describeError } from '@credit-apis/contract-core/validator';
import { freshBundles } from './bundles.js';

for (const { slug, doc } of freshBundles()) {
  describe(`${slug}: every example validates against its schema (JSON Schema 2020-12, formats on)`, () => {
    const validator = createDocumentValidator(doc);
    const sites = [...listExampleSites(doc), ...listSchemaExampleSites(doc)];

    it('has examples to check', () => {
      expect(sites.length).toBeGreaterThan(0);
    });

    it.each(sites.map((site) => [site.label, site] as const))('%s', (label, site) => {
      const problems = validator.check(site.schemaPointer, site.value).map(describeError);
      expect(problems, `${slug} ${label}:\n  ${problems.join('\n  ')}`).toEqual([]);
    });
  });
}
