/**
 * The mock as its own process (`node --import tsx src/cli.ts --port 0 --quiet …`), for the tests that need
 * a real process: signals, `kill -9`, two processes on one database. `startCli` resolves at the banner.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
export const cwd = fileURLToPath(new URL('../..', import.meta.url));

export interface Started {
  child: ChildProcessWithoutNullStreams;
  base: string;
  output(): string;
  exited: Promise<number | null>;
}

export function startCli(...args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--quiet', ...args], { cwd });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no banner: ${output}`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+) [\s\S]*\n$/.exec(output);
      if (match?.[1] && output.includes('/_sandbox/')) {
        clearTimeout(timer);
        resolve({ child, base: match[1], output: () => output, exited });
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`exited early: ${output}`));
    });
  });
}

/** Runs the CLI to its end (a refused start, a subcommand): exit code and output. */
export async function runCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}
