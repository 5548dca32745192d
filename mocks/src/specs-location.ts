/**
 * Where the contracts are: the installed `@credit-apis/specs` package, found by name from this module (in
 * the repository that is the workspace's `generated/` folder; in a partner's project, node_modules).
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export function defaultSpecsDir(fail: (message: string) => Error): string {
  try {
    return dirname(createRequire(import.meta.url).resolve('@credit-apis/specs/package.json'));
  } catch {
    throw fail(
      'Cannot find the package @credit-apis/specs (the contracts the mock serves): install it next to @credit-apis/mock-server, or pass specsDir / --specs-dir.',
    );
  }
}
