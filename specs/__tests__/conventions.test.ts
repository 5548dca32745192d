/** The rules of specs/README.md that redocly lint cannot check. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isObject, listOperations, type Json } from '@credit-apis/contract-core';
import { listProviders, repoRoot } from '../../scripts/lib/providers.js';
import { freshBundles } from './bundles.js';
import { isBareType, knownValues, listSchemas, typesOf } from './schema-nodes.js';

describe('redocly.yaml', () => {
  it('lints exactly the specs that exist', () => {
    const config = readFileSync(join(repoRoot, 'redocly.yaml'), 'utf8');
    const apis = [...config.matchAll(/^ {2}([a-z0-9-]+):\n {4}root: specs\/([a-z0-9-]+)\/openapi\.yaml$/gm)].map((match) => {
      expect(match[1], 'an api alias is its folder name').toBe(match[2]);
      return match[1];
    });
    expect(apis.sort()).toEqual(listProviders().map((p) => p.slug));
  });
});

for (const { slug, doc } of freshBundles()) {
  describe(`${slug}: follows specs/README.md`, () => {
    it('is OpenAPI 3.1', () => {
      expect(String(doc.openapi)).toMatch(/^3\.1\.\d+$/);
    });

    it('lists the local mock server', () => {
      const urls = (Array.isArray(doc.servers) ? doc.servers : []).map((server) => (isObject(server) ? server.url : null));
      expect(urls).toContain(`http://127.0.0.1:4010/${slug}`);
    });

    const operations = listOperations(doc);
    it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.key}`, op] as const))(
      '%s: x-doc-quirks entries have where/documented/chosen',
      (_, { operation }) => {
        const quirks: Json = operation['x-doc-quirks'] ?? [];
        expect(Array.isArray(quirks), 'x-doc-quirks is a list').toBe(true);
        for (const quirk of quirks as Json[]) {
          expect(isObject(quirk) ? Object.keys(quirk).sort() : quirk).toEqual(['chosen', 'documented', 'where']);
          for (const value of Object.values(quirk as Record<string, Json>))
            expect(typeof value === 'string' && value.trim().length > 0).toBe(true);
        }
      },
    );

    const schemas = listSchemas(doc);
    it('gives every integer a format (int32 or int64), so that no generator guesses its width', () => {
      const withoutFormat = schemas
        .filter(({ schema }) => typesOf(schema).includes('integer') && !['int32', 'int64'].includes(String(schema.format)))
        .map(({ pointer }) => pointer);
      expect(withoutFormat).toEqual([]);
    });

    it('writes every open enum in the README form: x-open-enum over anyOf [known values, their bare type]', () => {
      const wrong: string[] = [];
      for (const { pointer, schema } of schemas) {
        const members = Array.isArray(schema.anyOf) ? schema.anyOf : [];
        const marked = schema['x-open-enum'] === true;
        const looksOpen = members.length === 2 && knownValues(doc, members[0]) !== undefined && isBareType(members[1]);
        if (marked && !looksOpen) wrong.push(`${pointer}: x-open-enum needs anyOf [an enum, a bare type]`);
        if (!marked && members.some((member) => knownValues(doc, member)) && members.some(isBareType)) {
          wrong.push(`${pointer}: an enum next to its bare type is an open enum: mark it x-open-enum`);
        }
        if (marked && looksOpen) {
          const other = members[1] as Record<string, Json>;
          if (JSON.stringify(schema.type) !== JSON.stringify(other.type)) wrong.push(`${pointer}: type differs from the bare member's`);
          const allowed = typesOf(other as never);
          const badValue = (knownValues(doc, members[0]) ?? []).find((value) => {
            const type = value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value;
            return !allowed.includes(type) && !(type === 'integer' && allowed.includes('number'));
          });
          if (badValue !== undefined) wrong.push(`${pointer}: known value ${JSON.stringify(badValue)} is not of the bare type`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('uses named examples only (the mock server selects them by name)', () => {
      const singular: string[] = [];
      const visit = (value: Json, path: string): void => {
        if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}/${index}`));
        else if (isObject(value)) {
          if (isObject(value.content)) {
            for (const [mediaType, media] of Object.entries(value.content)) {
              if (isObject(media) && 'example' in media) singular.push(`${path}/content/${mediaType}`);
            }
          }
          for (const [key, child] of Object.entries(value)) visit(child, `${path}/${key}`);
        }
      };
      visit(doc, '#');
      expect(singular).toEqual([]);
    });
  });
}
