/**
 * @credit-apis/specs, as a consumer resolves it by name: every contract at `<slug>.json` and `<slug>.yaml`
 * (the same document), listed in the index with its version, and a generator's default server is the
 * provider's own host (documented hosts before the local mock).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { providers } from '@credit-apis/specs';
import { freshBundles } from '../../specs/__tests__/bundles.js';

const require = createRequire(import.meta.url);
const isLocal = (url: string): boolean => /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(url);

describe('@credit-apis/specs', () => {
  const bundles = freshBundles();

  it('lists every provider in its index, with the version of its contract', () => {
    expect(providers.map((entry) => entry.slug)).toEqual(bundles.map((bundle) => bundle.slug));
    for (const bundle of bundles) {
      const info = bundle.doc.info as { version: string; title: string };
      expect(providers.find((entry) => entry.slug === bundle.slug)).toMatchObject({ version: info.version, title: info.title });
    }
  });

  it.each(bundles.map((bundle) => [bundle.slug, bundle] as const))('%s: .json and .yaml resolve by name to the bundle', (slug, bundle) => {
    expect(readFileSync(require.resolve(`@credit-apis/specs/${slug}.json`), 'utf8')).toBe(bundle.text);
    expect(parse(readFileSync(require.resolve(`@credit-apis/specs/${slug}.yaml`), 'utf8'))).toEqual(bundle.doc);
  });

  it.each(bundles.map((bundle) => [bundle.slug, bundle.doc] as const))(
    '%s: the documented hosts come before the local mock in servers',
    (_slug, doc) => {
      const urls = ((doc.servers ?? []) as { url: string }[]).map((server) => server.url);
      expect(urls.length).toBeGreaterThan(0);
      expect(isLocal(urls[0] as string), `first server ${urls[0]}`).toBe(false);
      const firstLocal = urls.findIndex(isLocal);
      if (firstLocal !== -1) expect(urls.slice(firstLocal).every(isLocal), urls.join(', ')).toBe(true);
    },
  );
});
