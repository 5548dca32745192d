/**
 * Time and ids as the providers write them. Both providers are Brazilian and show local times of Brasília
 * (UTC−03:00, without daylight saving time since 2019): ECCOR FGTS with the offset and microseconds
 * (`2023-11-22T08:31:50.034512-03:00`), Nossa Fintech INSS without an offset (`2025-09-17T17:06:48`).
 */
import { randomBytes, randomUUID } from 'node:crypto';

const BRASILIA_OFFSET_MS = -3 * 60 * 60 * 1000;

/** `Date.now()`, replaceable in tests. */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

/** The wall-clock fields of Brasília at `ms`: `2023-11-22T08:31:50.034` (no offset). */
function brasiliaWallClock(ms: number): string {
  return new Date(ms + BRASILIA_OFFSET_MS).toISOString().slice(0, 23);
}

/** `2023-11-22T08:31:50.034000-03:00`: UY3's audit timestamps (six fractional digits, Brasília offset). */
export function uy3Timestamp(ms: number): string {
  return `${brasiliaWallClock(ms)}000-03:00`;
}

/** `1985-04-03T00:00:00-03:00`: the same instant as `iso`, in Brasília time, to the second (UY3's birth dates). */
export function uy3DateTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${brasiliaWallClock(ms).slice(0, 19)}-03:00`;
}

/** `2025-09-17T17:06:48`: Nossa Fintech's local date-times (Brasília, no offset; the API does not say). */
export function localDateTime(ms: number): string {
  return brasiliaWallClock(ms).slice(0, 19);
}

/** `2023-11-22`: the calendar day in Brasília of an instant. */
export function brasiliaDay(ms: number): string {
  return brasiliaWallClock(ms).slice(0, 10);
}

export function newId(): string {
  return randomUUID();
}

/** `#` and 32 lower-case hex digits, as UY3's `correlationId`. */
export function correlationId(): string {
  return `#${randomBytes(16).toString('hex')}`;
}
