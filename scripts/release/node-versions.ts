/**
 * The Node versions the published packages are tested on — the majors `engines` (`>=20.19`) covers that are
 * maintained — and where to find each: this process's node for its own major, else the `node@<major>` package
 * from the npm registry through npx (fetched once, then from the npx cache).
 */
import { sh } from './exec.js';

export const NODE_MAJORS = [20, 22, 24] as const;

/** The path of a `node` binary of `major`; fails when what npx gives is another major. */
export async function nodeBinary(major: number, cwd: string): Promise<string> {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  const path = (await sh(['npx', ['-y', `node@${major}`, '-p', 'process.execPath']], cwd, { timeout: 180_000 })).trim();
  const version = (await sh([path, ['--version']], cwd)).trim();
  if (!version.startsWith(`v${major}.`)) throw new Error(`npx node@${major} gave ${path}, which is ${version}`);
  return path;
}
