/**
 * When the mock serves its control routes (`/_mock/`, and the sandbox's `/_sandbox/`): they change what the
 * mock answers and show what it was sent, so they are open by default only to the machine itself. A bind
 * beyond loopback (`--host 0.0.0.0`, a container's interface) needs `--control` (option `control: true`);
 * `control: false` closes them even on loopback.
 */
import { isIP } from 'node:net';

export interface ControlPolicyInput {
  /** The address the server binds (`--host`); `undefined` binds every interface, as `server.listen` does. */
  readonly host: string | undefined;
  /** `--control` / `control: true` opens the routes on any bind; `false` closes them; `undefined` decides by `host`. */
  readonly control?: boolean | undefined;
}

export function controlRoutesEnabled({ host, control }: ControlPolicyInput): boolean {
  return control ?? isLoopbackHost(host);
}

/** `127.0.0.0/8`, `::1` (also bracketed or IPv4-mapped) and `localhost`: addresses only this machine reaches. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const lower = bare.toLowerCase();
  if (lower === 'localhost' || lower.endsWith('.localhost')) return true;
  const version = isIP(lower);
  if (version === 4) return lower.startsWith('127.');
  if (version !== 6) return false;
  const mapped = /^(?:::|(?:0{1,4}:){5})ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return (mapped[1] as string).startsWith('127.');
  // Every spelling of ::1 (`::1`, `0:0:0:0:0:0:0:1`, `::0001`).
  const groups = expandIpv6(lower);
  return groups?.slice(0, 7).every((group) => group === 0) === true && groups[7] === 1;
}

function expandIpv6(address: string): number[] | undefined {
  if (address.includes('.')) return undefined;
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => Number.parseInt(group, 16));
}
