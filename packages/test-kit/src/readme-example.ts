/**
 * A package's README shows its usage example verbatim from a real file (`examples/basic.ts`) that a test runs.
 * The README marks the block with `<!-- example: examples/basic.ts -->` before a ```ts fence; the file imports
 * the package's sources (`../src/index.js`, `../src/validate.js`…), which the README shows as the published
 * names (`@credit-apis/zemo`, `@credit-apis/zemo/validate`…).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

export interface ReadmeExample {
  /** The file's text, with its imports of the sources replaced by the published names. */
  expected: string;
  /** The README's block, or `undefined` when the README has no marked block for the file. */
  shown: string | undefined;
}

/**
 * The README's example block and the file it must equal. The file's imports of the package's sources are
 * mapped to the published names from `package.json`: `../src/index.js` → its `name`, `../src/<entry>.js` →
 * `<name>/<entry>` for each `exports` entry point.
 *
 * @param packageDir - the package's folder, e.g. `new URL('../../', import.meta.url)`
 */
export function readmeExample(packageDir: URL, file = 'examples/basic.ts'): ReadmeExample {
  const manifest = JSON.parse(readFileSync(new URL('package.json', packageDir), 'utf8')) as {
    name: string;
    exports?: Record<string, unknown>;
  };
  const imports: Record<string, string> = { '../src/index.js': manifest.name };
  for (const entry of Object.keys(manifest.exports ?? {})) {
    if (entry !== '.' && !entry.endsWith('.json')) imports[`../src/${entry.slice(2)}.js`] = `${manifest.name}/${entry.slice(2)}`;
  }
  let expected = readFileSync(new URL(file, packageDir), 'utf8');
  for (const [source, published] of Object.entries(imports)) expected = expected.replaceAll(`from '${source}'`, `from '${published}'`);
  const readme = readFileSync(new URL('README.md', packageDir), 'utf8');
  const marker = `<!-- example: ${file} -->`;
  const at = readme.indexOf(marker);
  const shown = at < 0 ? undefined : /^\s*```ts\n([\s\S]*?)```/.exec(readme.slice(at + marker.length))?.[1];
  return { expected, shown };
}

/** Declares the test that the README shows `examples/basic.ts` as it is (with the published names). */
export function itShowsTheExampleInTheReadme(packageDir: URL): void {
  it('is the code shown in the README', () => {
    const { shown, expected } = readmeExample(packageDir);
    expect(shown).toBe(expected);
  });
}
