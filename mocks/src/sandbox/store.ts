/**
 * The sandbox's state: in memory, and optionally kept in a JSON file so that a restart loses nothing.
 *
 *   - Load at start: a missing file starts empty (and is written at once, so that a path that cannot be
 *     written fails at start-up, not at the first request); an empty (zero-byte) file starts empty too. A file
 *     that cannot be read, is not JSON or is not a sandbox state is a start-up error naming the file and the
 *     problem: a state file is never silently discarded or overwritten.
 *   - Save: each change marks the state dirty; writes are debounced (`debounceMs`, 20 ms by default) so that a
 *     burst of changes is one write, and there is never more than one write in flight. A write goes to a
 *     temporary file next to the state file, is flushed to disk, then renamed over it: a crash leaves the old
 *     state or the new one, never half of one. `flush()` (called on close) waits for every change to be on disk.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

export class StateFileError extends Error {
  override name = 'StateFileError';
}

export interface StoreOptions<S> {
  /** JSON file to keep the state in; in memory only without it. */
  readonly file?: string | undefined;
  readonly debounceMs?: number;
  /** A fresh, empty state. */
  empty(): S;
  /** Checks a loaded value and returns it as a state; throws a message naming what is wrong. */
  parse(value: unknown): S;
  /** A write failed (disk full, permissions): the state stays dirty and the next change retries. */
  onError?(error: Error): void;
}

export interface Store<S> {
  readonly state: S;
  readonly file: string | undefined;
  /** Marks the state changed: it will be written (debounced). */
  changed(): void;
  /** Resolves when every change so far is on disk (at once without a file). */
  flush(): Promise<void>;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function load<S>(file: string, options: StoreOptions<S>): { state: S; fresh: boolean } {
  let text: string;
  try {
    if (statSync(file, { throwIfNoEntry: false }) === undefined) return { state: options.empty(), fresh: true };
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new StateFileError(`--state-file ${file}: cannot be read (${describe(error)})`);
  }
  if (text.trim() === '') return { state: options.empty(), fresh: true };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`--state-file ${file}: is not valid JSON (${describe(error)}). Fix it, or move it away to start with an empty sandbox: it is never overwritten.`);
  }
  try {
    return { state: options.parse(value), fresh: false };
  } catch (error) {
    throw new StateFileError(`--state-file ${file}: is not a sandbox state file (${describe(error)}). Fix it, or move it away to start with an empty sandbox: it is never overwritten.`);
  }
}

function serialize(state: unknown): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

export function createStore<S>(options: StoreOptions<S>): Store<S> {
  const { file } = options;
  const debounceMs = options.debounceMs ?? 20;
  const onError = options.onError ?? ((error: Error) => process.stderr.write(`sandbox: cannot save the state: ${error.message}\n`));

  if (!file) {
    const state = options.empty();
    return { state, file: undefined, changed() {}, flush: () => Promise.resolve() };
  }

  const { state, fresh } = load(file, options);
  const temporary = `${file}.${process.pid}.tmp`;
  if (fresh) {
    // Written now, synchronously: a path that cannot be written is a start-up error.
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(temporary, serialize(state));
      renameSync(temporary, file);
    } catch (error) {
      throw new StateFileError(`--state-file ${file}: cannot be written (${describe(error)})`);
    }
  }

  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;

  async function write(): Promise<void> {
    dirty = false;
    const text = serialize(state);
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(text);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file as string);
  }

  function startWrite(): Promise<void> {
    writing ??= write()
      .catch((error: unknown) => {
        dirty = true;
        onError(error instanceof Error ? error : new Error(String(error)));
      })
      .finally(() => {
        writing = undefined;
      });
    return writing;
  }

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      // A write in flight: this change is written right after it.
      if (writing) void writing.then(() => dirty && schedule());
      else void startWrite();
    }, debounceMs);
    timer.unref();
  }

  return {
    state,
    file,
    changed() {
      dirty = true;
      schedule();
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
      }
      // At most a few rounds: a change made while a write is in flight needs one more.
      for (let round = 0; round < 5 && (dirty || writing); round++) {
        if (writing) await writing;
        else if (dirty) await startWrite();
      }
    },
  };
}
