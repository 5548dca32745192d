/**
 * Who may use the mock's own routes that change state (`/_sandbox/…`, `/_mock/…`): a caller on loopback
 * always; a caller from elsewhere only when the mock was started with `--control` (option `control: true`).
 * Reads are open: a hosted sandbox shows its deliveries to partners, but does not let them be replayed or
 * steps be taken for them unless its operator says so.
 */

export interface ControlCaller {
  /** `--control` / `control: true`. */
  readonly control: boolean;
  /** The socket's remote address (`127.0.0.1`, `::1`, `::ffff:127.0.0.1`, …). */
  readonly remoteAddress: string | undefined;
}

export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

export function controlRoutesEnabled(caller: ControlCaller): boolean {
  return caller.control || isLoopback(caller.remoteAddress);
}
