/**
 * The mock as its own process (`node --import tsx src/bin.ts --port 0 --quiet …`, through test-kit's one CLI
 * spawner), for the tests that need a real process: signals, `kill -9`, two processes on one database.
 * `startCli` resolves once the banner's sandbox line is printed.
 */
import { fileURLToPath } from 'node:url';
import { runCli as run, startCli as start, type Started } from '@credit-apis/test-kit/cli';

export type { Started };
export const bin = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));
export const cwd = fileURLToPath(new URL('../..', import.meta.url));

export function startCli(...args: string[]): Promise<Started> {
  return start(['--import', 'tsx', bin, '--port', '0', '--quiet', ...args], {
    cwd,
    timeoutMs: 60_000,
    banner: /listening on (http:\/\/\S+) [\s\S]*\n$/,
    ready: (output) => output.includes('/_sandbox/'),
  });
}

/** Runs the CLI to its end (a refused start, a subcommand): exit code and output. */
export function runCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return run(['--import', 'tsx', bin, ...args], { cwd, timeoutMs: 60_000 });
}
