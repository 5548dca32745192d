/**
 * Waiting for something to happen without polling. A `Signal` is told when something may have changed (a
 * request arrived, a stream sent data, a commit was made); `until(check)` checks at once, re-checks at each
 * notice and resolves when `check` holds. The timeout is only the bound of a failure, never the mechanism: it
 * rejects with what was awaited and, when the caller says how, what was seen.
 */

export interface WaitOptions {
  /** How long before giving up (5 s unless told). */
  readonly timeoutMs?: number;
  /** What is awaited, for the failure message: `'three notifications'`. */
  readonly what?: string;
  /** What there is instead, for the failure message: `'2 requests: …'`. */
  readonly seen?: () => string;
}

export type Check = () => boolean | Promise<boolean>;

export interface Signal {
  /** Something may have changed: every pending `until` checks again. */
  notify(): void;
  until(check: Check, options?: WaitOptions): Promise<void>;
}

export const DEFAULT_WAIT_MS = 5000;

/** `timed out after 5000 ms waiting for three notifications; seen: 2 requests`. */
function timeoutMessage(options: WaitOptions, timeoutMs: number): string {
  let seen = '';
  try {
    if (options.seen) seen = `; seen: ${options.seen()}`;
  } catch (error) {
    seen = `; seen: (could not describe: ${String(error)})`;
  }
  return `timed out after ${timeoutMs} ms waiting for ${options.what ?? 'a condition'}${seen}`;
}

export function createSignal(): Signal {
  const waiters = new Set<() => void>();
  return {
    notify() {
      for (const waiter of [...waiters]) waiter();
    },
    until(check, options = {}) {
      const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
      // Made at the call, so that its stack holds the test's line (one made in the timer would not).
      const failure = new Error('timed out');
      return new Promise<void>((resolve, reject) => {
        let done = false;
        let checking = false;
        let again = false;
        const finish = (error?: unknown): void => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          waiters.delete(waiter);
          if (error === undefined) resolve();
          else reject(error);
        };
        // One check at a time (an async one reads a database): a notice during a check makes one more.
        const evaluate = async (): Promise<void> => {
          checking = true;
          try {
            do {
              again = false;
              if (await check()) return finish();
            } while (again && !done);
          } catch (error) {
            finish(error);
          } finally {
            checking = false;
          }
        };
        const waiter = (): void => {
          if (done) return;
          if (checking) again = true;
          else void evaluate();
        };
        const timer = setTimeout(() => {
          failure.message = timeoutMessage(options, timeoutMs);
          finish(failure);
        }, timeoutMs);
        waiters.add(waiter);
        void evaluate();
      });
    },
  };
}

/** `promise`, or a rejection naming `what` after `timeoutMs` (for a wait that has its own event, such as an idle worker). */
export function within<T>(promise: Promise<T>, options: WaitOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
  // Made at the call, like until's.
  const failure = new Error('timed out');
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      failure.message = timeoutMessage(options, timeoutMs);
      reject(failure);
    }, timeoutMs);
  });
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}
