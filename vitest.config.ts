import { configDefaults, defineConfig } from 'vitest/config';

// Tests of the packed packages (tarball contents, publint, attw, size budgets, installs on each Node version):
// their project builds and packs every publishable package once per run, before its tests, and only when one
// of them is selected.
const PACKED_TESTS = ['scripts/release/test/packed/**/*.test.ts', '**/test/packed-install/**/*.test.ts'];
const exclude = [...configDefaults.exclude, '**/node_modules/**', '**/dist/**'];

export default defineConfig({
  test: {
    reporters: ['default', './scripts/vitest-summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'default',
          include: ['**/*.test.ts'],
          exclude: [...exclude, ...PACKED_TESTS],
          globalSetup: ['specs/__tests__/fresh-bundles.global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'packed',
          include: PACKED_TESTS,
          exclude,
          globalSetup: ['scripts/release/packed.global-setup.ts'],
        },
      },
    ],
  },
});
