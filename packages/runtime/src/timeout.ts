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
  /** Stops the timer. */
  dispose(): void;
}

/**
 * `AbortSignal.any(signals)` where the platform has it (Node 20.3+), otherwise a manual combination. The
 * result aborts with the reason of the first signal that aborts.
 * @internal
 */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([...signals]);
  const controller = new AbortController();
  const listeners = new Map<AbortSignal, () => void>();
  const onAbort = (source: AbortSignal): void => {
    for (const [signal, listener] of listeners) signal.removeEventListener('abort', listener);
    controller.abort(source.reason);
  };
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const listener = (): void => onAbort(signal);
    listeners.set(signal, listener);
    signal.addEventListener('abort', listener, { once: true });
  }
  return controller.signal;
}

/**
 * Starts the timer of one attempt. `timeoutMs` that is not a positive finite number below 2^31 ms means no
 * timeout.
 * @internal
 */
export function startAttemptSignal(callerSignal: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    Number.isFinite(timeoutMs) && timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
        }, timeoutMs)
      : undefined;
  const signal = callerSignal ? anySignal([callerSignal, controller.signal]) : controller.signal;
  return {
    signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

/**
 * Waits `ms`, or rejects with the signal's reason as soon as `signal` aborts (the caller's own abort is
 * honoured during a retry's backoff too).
 * @internal
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
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
