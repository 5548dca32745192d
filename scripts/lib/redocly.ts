/**
 * Runs the pinned Redocly CLI (see pnpm-workspace.yaml) as a child process. We call the CLI rather than
 * `@redocly/openapi-core` because the CLI package bundles its own core: the programmatic package is
 * versioned apart and would bundle and lint with different rules than the docs build.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { repoRoot } from './providers.js';

const require = createRequire(import.meta.url);
const cliPath = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runRedocly(args: readonly string[]): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: repoRoot,
      // Telemetry would try the network, which CI does not have.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
