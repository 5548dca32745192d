/**
 * The import-boundary rule over the whole workspace (run by `pnpm test`), and the check itself: a crossing
 * planted in a throw-away workspace is reported, in every import form.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCrossing, findCrossRootImports } from '../lib/import-boundaries.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('import boundaries of this workspace', () => {
  it('no import crosses a package root by relative path', () => {
    expect(findCrossRootImports(repoRoot).map(describeCrossing)).toEqual([]);
  });
});

describe('the import-boundary check', () => {
  const root = mkdtempSync(join(tmpdir(), 'credit-apis-boundaries-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('package.json', '{"name":"root","private":true}');
  write('scripts/lib/walk.ts', 'export const walk = 1;\n');
  write('generated/a/openapi.json', '{}');
  write('packages/a/package.json', '{"name":"a"}');
  write('packages/a/src/index.ts', 'export const a = 1;\n');
  write('packages/a/test/helpers/server.ts', 'export const server = 1;\n');
  write('packages/b/package.json', '{"name":"b"}');
  write('packages/b/src/own.ts', 'export const own = 1;\n');
  write(
    'packages/b/test/planted.test.ts',
    [
      "import { own } from '../src/own.js';", // inside b: fine
      "import { a } from '@credit-apis/a';", // by name: fine
      "// import { nope } from '../../a/src/index.js'; (a comment is no import)",
      "import { walk } from '../../../scripts/lib/walk.js';",
      "import type { A } from '../../a/src/index.js';",
      "import spec from '../../../generated/a/openapi.json' with { type: 'json' };",
      "export { server } from '../../a/test/helpers/server.js';",
      "const lazy = await import('../../a/src/index.js?lazy');",
      "const required = require('../../a/src/index.js?required');",
      '',
    ].join('\n'),
  );

  it('reports every form of relative import that leaves the package, and nothing else', () => {
    expect(findCrossRootImports(root).map(({ specifier, from, to }) => `${from} → ${to}: ${specifier}`)).toEqual([
      'packages/b → .: ../../../generated/a/openapi.json',
      'packages/b → .: ../../../scripts/lib/walk.js',
      'packages/b → packages/a: ../../a/src/index.js',
      'packages/b → packages/a: ../../a/src/index.js?lazy',
      'packages/b → packages/a: ../../a/src/index.js?required',
      'packages/b → packages/a: ../../a/test/helpers/server.js',
    ]);
  });

  it('reports a root-package file reaching into a package', () => {
    write('scripts/bench.ts', "import { a } from '../packages/a/src/index.js';\n");
    expect(
      findCrossRootImports(root)
        .filter((crossing) => crossing.from === '.')
        .map((crossing) => crossing.specifier),
    ).toEqual(['../packages/a/src/index.js']);
  });
});
