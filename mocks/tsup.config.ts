import { defineConfig } from 'tsup';

// The published mock: ESM only (Node >=20.19 can require() it), the library entry with its declarations
// and the bin. Everything under src/ (and the private workspace packages it imports, bundled through
// `noExternal`) ends up in dist/; the dependencies of package.json stay external, Prism included, which is
// loaded on first use only.
export default defineConfig({
  entry: { index: 'src/index.ts', bin: 'src/bin.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: { entry: { index: 'src/index.ts' } },
  splitting: true,
  sourcemap: false,
  clean: true,
  treeshake: true,
  outDir: 'dist',
  noExternal: ['@credit-apis/contract-core'],
});
