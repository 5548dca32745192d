/**
 * The one policy for the mock's control routes (`/_mock/`, `/_sandbox/`): open on a loopback bind, closed
 * beyond it unless `--control` (`control: true`), closed anywhere with `control: false`.
 */
import { describe, expect, it } from 'vitest';
import { controlRoutesEnabled, isLoopbackHost } from '../../src/control/policy.js';

describe('controlRoutesEnabled', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    'localhost',
    'LocalHost',
    'api.localhost',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '::0001',
    '::ffff:127.0.0.1',
    '0:0:0:0:0:ffff:127.0.0.1',
  ])('opens the control routes on the loopback bind %s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
    expect(controlRoutesEnabled({ host })).toBe(true);
  });

  it.each(['0.0.0.0', '::', '10.0.0.5', '192.168.1.20', '::ffff:10.0.0.1', '2001:db8::1', 'mock.internal', '128.0.0.1'])(
    'keeps them closed on %s without --control',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
      expect(controlRoutesEnabled({ host })).toBe(false);
      expect(controlRoutesEnabled({ host, control: undefined })).toBe(false);
    },
  );

  it('treats a missing host as every interface (what server.listen does), so closed', () => {
    expect(controlRoutesEnabled({ host: undefined })).toBe(false);
  });

  it('opens them on any bind with control: true, and closes them even on loopback with control: false', () => {
    expect(controlRoutesEnabled({ host: '0.0.0.0', control: true })).toBe(true);
    expect(controlRoutesEnabled({ host: undefined, control: true })).toBe(true);
    expect(controlRoutesEnabled({ host: '127.0.0.1', control: false })).toBe(false);
  });
});
