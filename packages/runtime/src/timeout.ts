/**
 * Per-attempt timeout combined with the caller's own `AbortSignal`.
 */

/** The default per-attempt timeout: 30 seconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

// setTimeout fires at once for delays above 2^31 - 1 ms: such a limit means "no limit".
const MAX_TIMER_MS = 2_147_483_647;

/** A signal that aborts when the caller aborts or when the attempt's time is up. @internal */
export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** `true` once the timeout (not the caller) aborted the signal. */
  readonly timedOut: boolean;
  /** Stops the timer and stops following the caller's signal. */
  dispose(): void;
}

/**
 * One attempt's signal: one AbortController, aborted by a timer or, through a listener (the instance itself,
 * as an `EventListener` object), by the caller's signal with its reason, whichever comes first. Cheaper than
 * `AbortSignal.any` (no dependent signal to track) and no closure per attempt.
 */
class Attempt implements AttemptSignal {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  timedOut = false;

  constructor(caller: AbortSignal | undefined, timeoutMs: number) {
    this.#caller = caller;
    if (caller?.aborted) this.#controller.abort(caller.reason);
    else caller?.addEventListener('abort', this);
    this.#timer =
      Number.isFinite(timeoutMs) && timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS ? setTimeout(timeUp, timeoutMs, this, timeoutMs) : undefined;
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The caller aborted. */
  handleEvent(): void {
    this.#controller.abort(this.#caller?.reason);
  }

  expire(timeoutMs: number): void {
    this.timedOut = true;
    this.#controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this);
  }
}

function timeUp(attempt: Attempt, timeoutMs: number): void {
  attempt.expire(timeoutMs);
}

/**
 * Starts the timer of one attempt. `timeoutMs` that is not a positive finite number below 2^31 ms means no
 * timeout.
 * @internal
 */
export function startAttemptSignal(callerSignal: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  return new Attempt(callerSignal, timeoutMs);
}

/**
 * Waits `ms`, or rejects with the signal's reason as soon as `signal` aborts (the caller's own abort is
 * honoured during a retry's backoff too).
 * @internal
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, ms));
  });
  // An abort rejects at once; the timer is cleared either way, so no wait outlives its call.
  return raceSignal(waited, signal).finally(() => clearTimeout(timer));
}

/**
 * Resolves with `promise`, or rejects with the signal's reason as soon as `signal` aborts (the promise goes
 * on for whoever else awaits it: used for the shared token request).
 * @internal
 */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
