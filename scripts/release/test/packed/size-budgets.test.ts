/**
 * SIZE BUDGETS: what a consumer's bundler ships for each published client, measured by size-limit with the
 * checks of `.size-limit.mjs` (the entry and all it imports, esbuild, minified, gzipped; 1 KiB = 1024 B) on the
 * packages built by this project's global setup. A budget exceeded fails with the figure.
 * The budgets (issue 16): the runtime alone and each provider's base entry (runtime included) ≤ 8.5 KiB; a base
 * entry with its `/extras` ≤ 1.5 KiB more.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../lib/providers.js';
import { sh } from '../../exec.js';
import { publishablePackages } from '../../workspace.js';

interface SizeCheck {
  name: string;
  size: number;
  sizeLimit: number;
  passed: boolean;
}

const KiB = 1024;
const BASE_BUDGET = 8.5 * KiB; // 8704 B
const EXTRAS_MORE = 1.5 * KiB;
const EXTRAS_BUDGET = BASE_BUDGET + EXTRAS_MORE;
const kB = (bytes: number): string => `${(bytes / KiB).toFixed(2)} KiB (${bytes} B)`;

let checks: SizeCheck[] = [];
beforeAll(async () => {
  // size-limit exits 1 when a budget is exceeded; its JSON report is on stdout either way.
  const sizeLimit = join(repoRoot, 'node_modules', 'size-limit', 'bin.js');
  const stdout = await sh([process.execPath, [sizeLimit, '--json']], repoRoot, { timeout: 120_000 }).catch((error: Error) => {
    const { stdout: report = '' } = error.cause as { stdout?: string };
    if (!report.trimStart().startsWith('[')) throw error;
    return report;
  });
  checks = JSON.parse(stdout) as SizeCheck[];
}, 120_000);

/** The published clients: the runtime and every publishable package built on it. */
const clients = publishablePackages().filter(
  (pkg) => pkg.name === '@credit-apis/runtime' || pkg.manifest.dependencies?.['@credit-apis/runtime'] !== undefined,
);

describe('size budgets of the published clients', () => {
  it('every published client has a budgeted base entry, and one with its /extras when it exports them', () => {
    const expected = clients.flatMap((pkg) => [pkg.name, ...('./extras' in (pkg.manifest.exports ?? {}) ? [`${pkg.name} + /extras`] : [])]);
    expect(checks.map((check) => check.name).sort()).toEqual(expected.sort());
  });

  it('the runtime and each provider base entry fit in 8.5 KiB min+gzip', () => {
    for (const check of checks.filter((each) => !each.name.endsWith('/extras'))) {
      expect(check.size, `${check.name}: ${kB(check.size)} min+gzip, over the ${kB(check.sizeLimit)} budget`).toBeLessThanOrEqual(
        check.sizeLimit,
      );
      expect(check.sizeLimit, `${check.name}: the budget in .size-limit.mjs is 8.5 KiB`).toBe(BASE_BUDGET);
    }
  });

  it('/extras adds at most 1.5 KiB min+gzip to its base entry', () => {
    for (const check of checks.filter((each) => each.name.endsWith(' + /extras'))) {
      const base = checks.find((each) => each.name === check.name.replace(' + /extras', ''));
      expect(check.size, `${check.name}: ${kB(check.size)} min+gzip, over the ${kB(check.sizeLimit)} budget`).toBeLessThanOrEqual(
        check.sizeLimit,
      );
      expect(check.sizeLimit, `${check.name}: the budget in .size-limit.mjs is the base budget + 1.5 KiB`).toBe(EXTRAS_BUDGET);
      const more = check.size - (base?.size ?? 0);
      expect(
        more,
        `${check.name}: ${kB(more)} more than ${base?.name} (${kB(base?.size ?? 0)}), over the ${kB(EXTRAS_MORE)} budget`,
      ).toBeLessThanOrEqual(EXTRAS_MORE);
    }
  });
});
