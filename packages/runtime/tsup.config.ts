import { defineConfig } from 'tsup';

// Two entry points (the base client, and /validate with ajv), ESM + CJS, with declaration files for both.
// Code splitting keeps one copy of the shared modules (errors, redaction…) per format, so that
// `instanceof CreditApisError` holds for errors thrown by either entry point.
export default defineConfig({
  entry: { index: 'src/index.ts', validate: 'src/validate/index.ts' },
  format: ['esm', 'cjs'],
  target: 'node20',
  platform: 'neutral',
  dts: true,
  splitting: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  outDir: 'dist',
  external: ['openapi-fetch', 'ajv', 'ajv-formats'],
  // The workspace's private core (redactor, $ref follower, ajv set-up) is bundled: nothing published depends on it.
  noExternal: ['@credit-apis/contract-core'],
});
