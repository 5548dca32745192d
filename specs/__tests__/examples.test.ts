import { describe, expect, it } from 'vitest';
import { listExampleSites, listSchemaExampleSites } from '../../scripts/lib/openapi-walk.js';
import { createSpecValidator } from '../../scripts/lib/schema-validator.js';
import { freshBundles } from './bundles.js';

for (const { slug, doc } of freshBundles()) {
  describe(`${slug}: every example validates against its schema (JSON Schema 2020-12, formats on)`, () => {
    const validator = createSpecValidator(doc);
    const sites = [...listExampleSites(doc), ...listSchemaExampleSites(doc)];

    it('has examples to check', () => {
      expect(sites.length).toBeGreaterThan(0);
    });

    it.each(sites.map((site) => [site.label, site] as const))('%s', (label, site) => {
      const problems = validator.check(site.schema, site.value);
      expect(problems, `${slug} ${label}:\n  ${(problems ?? []).join('\n  ')}`).toBeNull();
    });
  });
}
