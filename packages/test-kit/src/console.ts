/** Silences `console` for the current test and records its calls; restored when the test finishes. */
import { onTestFinished, vi, type MockInstance } from 'vitest';

type Level = 'info' | 'warn' | 'error';

export function captureConsole(): Record<Level, MockInstance<(...args: unknown[]) => void>> {
  const spies = {
    info: vi.spyOn(console, 'info').mockImplementation(() => undefined),
    warn: vi.spyOn(console, 'warn').mockImplementation(() => undefined),
    error: vi.spyOn(console, 'error').mockImplementation(() => undefined),
  };
  onTestFinished(() => {
    for (const spy of Object.values(spies)) spy.mockRestore();
  });
  return spies;
}
