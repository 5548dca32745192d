/**
 * The one CLI spawner of the tests: runs a Node program (`node <args>`) as a child process, collects its
 * output, and either waits for its banner (a long-running server) or for its exit (a command refusing its
 * flags). Every child is killed after a bounded time, so that no test leaves a process behind.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface Started {
  child: ChildProcessWithoutNullStreams;
  /** The URL the banner named (`http://127.0.0.1:<port>`). */
  url: string;
  /** stdout and stderr so far. */
  output(): string;
  /** The exit code (`null` after a signal). */
  exited: Promise<number | null>;
  /** Resolves once the process exited and its stdout and stderr are drained: `output()` then holds everything. */
  closed: Promise<void>;
  /** Resolves once `text` has been printed (stdout or stderr): wait for a log line instead of polling for it. */
  printed(text: string): Promise<void>;
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) when not ready, or not exited, after this long. Default 15 s. */
  timeoutMs?: number;
}

export interface StartOptions extends SpawnOptions {
  /** Matches the banner; its first group is the URL. Default: `listening on (http://…) `. */
  banner?: RegExp;
  /** Further condition on the whole output before the program counts as started (e.g. a second banner line). */
  ready?: (output: string) => boolean;
}

const LISTENING = /listening on (http:\/\/\S+) /;

/** Starts `node ...args` and resolves once its banner is printed. */
export function startCli(args: readonly string[], options: StartOptions = {}): Promise<Started> {
  const child = spawn(process.execPath, [...args], { cwd: options.cwd, env: options.env });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const printed = (text: string): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (!output.includes(text)) return;
        child.stdout.off('data', check);
        child.stderr.off('data', check);
        resolve();
      };
      // Added after the collecting listeners: `output` already holds the chunk when `check` runs.
      child.stdout.on('data', check);
      child.stderr.on('data', check);
      check();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no banner: ${output}`));
    }, options.timeoutMs ?? 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = (options.banner ?? LISTENING).exec(output)?.[1];
      if (url && (options.ready?.(output) ?? true)) {
        clearTimeout(timer);
        resolve({ child, url, output: () => output, exited, closed, printed });
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`exited early: ${output}`));
    });
  });
}

/** Runs `node ...args` to its end; resolves with its exit code and stderr. */
export async function runCli(
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...args], { cwd: options.cwd, env: options.env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}
