/**
 * The packed-install tests rebuild some packages' dist/ (tsup cleans it first), and vitest runs them in
 * parallel: a lock folder (mkdir is atomic) makes one build-and-pack wait for the other. A lock left by a
 * killed run is taken over after 5 minutes. The same few lines are in packages/eccor-fgts' packed test.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export async function withBuildLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const lock = join(root, 'node_modules', '.packed-install.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = (() => {
        try {
          return Date.now() - statSync(lock).mtimeMs;
        } catch {
          return 0;
        }
      })();
      if (age > 300_000) rmSync(lock, { recursive: true, force: true });
      // Another process holds it: poll, since no event crosses processes.
      else await delay(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
