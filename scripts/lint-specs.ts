/**
 * `pnpm lint:specs`: `redocly lint` for every provider with the rules of redocly.yaml, failing on any
 * problem, warnings included (the CLI itself exits 0 on warnings, and a warning nobody reads is noise).
 */
import { relative } from 'node:path';
import { listProviders, repoRoot } from './lib/providers.js';
import { runRedocly } from './lib/redocly.js';

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { source: { ref: string }; pointer?: string; start?: { line: number; col: number } }[];
}
interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: LintProblem[];
}

const providers = listProviders();
if (providers.length === 0) {
  console.error('lint:specs: no specs/<slug>/openapi.yaml found');
  process.exit(1);
}

const reports = await Promise.all(
  providers.map(async ({ slug }) => {
    const result = await runRedocly(['lint', slug, '--format=json']);
    try {
      return { slug, report: JSON.parse(result.stdout) as LintReport };
    } catch {
      // Not a report: the CLI itself failed (bad config, unreadable file). Show everything it said.
      console.error(`lint:specs: redocly lint ${slug} exited ${result.code} without a report:\n${result.stdout}${result.stderr}`);
      process.exit(1);
    }
  }),
);

let failed = false;
for (const { slug, report } of reports) {
  const { errors, warnings, ignored } = report.totals;
  console.log(`${slug}: ${errors} errors, ${warnings} warnings${ignored ? `, ${ignored} ignored` : ''}`);
  for (const problem of report.problems) {
    const where = problem.location[0];
    const file = where ? relative(repoRoot, where.source.ref) || where.source.ref : '?';
    const position = where?.start ? `:${where.start.line}:${where.start.col}` : '';
    console.log(
      `  ${file}${position} ${problem.severity} ${problem.ruleId}: ${problem.message}${where?.pointer ? ` (${where.pointer})` : ''}`,
    );
  }
  if (errors + warnings > 0) failed = true;
}
if (failed) {
  console.error('lint:specs: failed (warnings count as failures; suppressions belong in redocly.yaml with a reason)');
  process.exit(1);
}
