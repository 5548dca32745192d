/**
 * Bundles every spec once per test run, from the sources, and hands the text to the spec tests
 * (`inject('freshBundles')`). The tests check the sources, never a stale committed bundle.
 */
import type { TestProject } from 'vitest/node';
import { bundleProvider } from '../../scripts/lib/bundle.js';
import { listProviders } from '../../scripts/lib/providers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** slug → bundle text exactly as `pnpm generate` would write it. */
    freshBundles: Record<string, string>;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const providers = listProviders();
  const texts = await Promise.all(providers.map((provider) => bundleProvider(provider)));
  project.provide('freshBundles', Object.fromEntries(providers.map((provider, index) => [provider.slug, texts[index] ?? ''])));
}
