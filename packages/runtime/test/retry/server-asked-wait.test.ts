/**
 * The arithmetic of the waits a server asks for, on a fixed clock: `Retry-After` (delta-seconds or HTTP-date)
 * and the ISO date-time of a rate-limit reset header, in ms from `now`.
 */
import { describe, expect, it } from 'vitest';
import { parseResetDateTime, parseRetryAfter } from '../../src/retry.js';

const now = Date.parse('2026-03-02T12:00:00Z');

describe('Retry-After and rate-limit reset values, read on a fixed clock', () => {
  it('Retry-After in seconds, whole or decimal', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0.1 ', now)).toBe(100);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('Retry-After as an HTTP-date: the time until then (negative once past)', () => {
    expect(parseRetryAfter('Mon, 02 Mar 2026 12:00:02 GMT', now)).toBe(2_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 11:59:59 GMT', now)).toBe(-1_000);
  });

  it('an absent or unreadable Retry-After asks for nothing', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('a negative number or an exponent is neither delta-seconds nor an HTTP-date: it asks for nothing (backoff applies)', () => {
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('2026', now)).toBe(2_026_000); // delta-seconds, not the year 2026
    expect(parseRetryAfter('1e3', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
  });

  it('a reset date-time: the time until then, to the millisecond', () => {
    expect(parseResetDateTime('2026-03-02T12:00:01.250Z', now)).toBe(1_250);
    expect(parseResetDateTime('2026-03-02T12:00:08.0000000Z', now)).toBe(8_000);
    expect(parseResetDateTime('', now)).toBeUndefined();
    expect(parseResetDateTime(null, now)).toBeUndefined();
    expect(parseResetDateTime('not a date', now)).toBeUndefined();
  });
});
