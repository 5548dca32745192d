/**
 * `pnpm check:imports`: lists every relative import that crosses a workspace package's root (see
 * `scripts/lib/import-boundaries.ts`) and exits 1 if there is any. `pnpm test` runs the same check
 * (`scripts/__tests__/import-boundaries.test.ts`).
 */
import { fileURLToPath } from 'node:url';
import { describeCrossing, findCrossRootImports } from './lib/import-boundaries.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const crossings = findCrossRootImports(root);
for (const crossing of crossings) console.error(describeCrossing(crossing));
console.error(
  crossings.length === 0
    ? 'import boundaries: no import crosses a package root'
    : `import boundaries: ${crossings.length} imports cross a package root`,
);
process.exitCode = crossings.length === 0 ? 0 : 1;
