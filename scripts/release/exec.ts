/** Running the package managers from the release scripts and tests, with their output in the error. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A command and its arguments. */
export type Command = [file: string, args: string[]];

/** pnpm as this process was started with it (`npm_execpath`), else the one on PATH. */
export function pnpm(args: string[]): Command {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(execPath) ? [process.execPath, [execPath, ...args]] : ['pnpm', args];
}

export interface ShOptions {
  /** Milliseconds before the command is killed (and the call fails). */
  timeout?: number;
  env?: NodeJS.ProcessEnv;
}

/** Runs `command` in `cwd`; resolves with its stdout, or fails with the command line, stdout and stderr. */
export async function sh(command: Command, cwd: string, { timeout = 90_000, env }: ShOptions = {}): Promise<string> {
  try {
    const { stdout } = await run(command[0], command[1], {
      cwd,
      timeout,
      maxBuffer: 32 * 1024 * 1024,
      env: { ...process.env, CI: 'true', ...env },
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${[command[0], ...command[1]].join(' ')} (in ${cwd}) failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}
