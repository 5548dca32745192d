/**
 * The TypeScript samples the docs show compile against the client packages (or, until a package exists, a
 * stand-in over the generated types): a sample that stops compiling fails CI. See sample-typecheck.ts for
 * the switch between the two targets.
 */
import { describe, expect, it } from 'vitest';
import { listOperations } from '@credit-apis/contract-core';
import { TYPESCRIPT, type CodeSample } from '../code-samples.js';
import { docsBundle } from '../docs-bundle.js';
import { sampleTarget, SAMPLES_TARGET_ENV, typecheckSamples, type SampleToCheck } from '../sample-typecheck.js';
import { committedBundles } from './fixtures.js';

/** Extracted from the docs-only copy: exactly the `x-codeSamples` Redoc renders. */
function typescriptSamples(): SampleToCheck[] {
  return committedBundles().flatMap(({ slug, bundle }) =>
    listOperations(docsBundle(bundle, slug).doc).flatMap((op) =>
      ((op.operation['x-codeSamples'] ?? []) as unknown as CodeSample[])
        .filter((sample) => sample.lang === TYPESCRIPT)
        .map((sample) => ({ slug, name: String(op.operation.operationId), source: sample.source })),
    ),
  );
}

describe('TypeScript code samples type-check', () => {
  const samples = typescriptSamples();
  const results = typecheckSamples(samples);
  const slugs = [...new Set(samples.map((sample) => sample.slug))];

  it('there are samples to check', () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  for (const slug of slugs) {
    const target = sampleTarget(slug);
    it(`${slug}: every sample compiles against ${target.kind === 'package' ? `packages/${slug}` : `the stand-in over generated/${slug}/schema.d.ts`} (${SAMPLES_TARGET_ENV}=${process.env[SAMPLES_TARGET_ENV] ?? 'auto'})`, () => {
      const failures = results
        .filter((result) => result.sample.slug === slug && result.errors.length > 0)
        .map((result) => `${slug} ${result.sample.name}:\n  ${result.errors.join('\n  ')}\n--- sample ---\n${result.sample.source}`);
      expect(failures.join('\n\n')).toBe('');
    });
  }

  // Proves that the check can fail: without this, a target that typed everything as `any` would let every
  // sample pass. A path the contract does not have, a method its path does not have, and a result used as
  // something it is not must each be a compile error.
  it.each(slugs)('%s: a sample that strays from the contract does not compile', (slug) => {
    const first = samples.find((sample) => sample.slug === slug);
    if (!first) throw new Error(`no sample for ${slug}`);
    const call = /client\.(\w+)\('([^']+)'/;
    const broken: SampleToCheck[] = [
      { slug, name: 'undocumentedPath', source: first.source.replace(call, "client.$1('$2/undocumented'") },
      { slug, name: 'undocumentedMethod', source: first.source.replace(call, "client.TRACE('$2'") },
      { slug, name: 'wrongResultType', source: `${first.source}export const proof: { notInTheContract: true } = data;\n` },
    ];
    for (const result of typecheckSamples(broken)) {
      expect(result.errors, `${result.sample.name} must not compile`).not.toEqual([]);
    }
  });
});

describe('which client the samples compile against', () => {
  it('the real package as soon as packages/<slug>/package.json exists, else the stand-in', () => {
    expect(sampleTarget('no-such-provider', 'auto').kind).toBe('stand-in');
    expect(sampleTarget('no-such-provider', 'stand-in').kind).toBe('stand-in');
  });

  it(`${SAMPLES_TARGET_ENV}=packages refuses to fall back to the stand-in`, () => {
    expect(() => sampleTarget('no-such-provider', 'packages')).toThrow(/packages\/no-such-provider\/package.json/);
    expect(() => sampleTarget('zemo', 'sometimes')).toThrow(/auto, stand-in or packages/);
  });
});
