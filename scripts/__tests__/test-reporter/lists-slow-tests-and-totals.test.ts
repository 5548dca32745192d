/**
 * The closing lines `pnpm test` prints after vitest's summary: the tests that took more than 1 s (count, then
 * one line each, slowest first) and the runner-neutral `tests: N passed, N failed, N skipped`.
 */
import { describe, expect, it, vi } from 'vitest';
import type { TestModule } from 'vitest/node';
import SummaryReporter from '../../vitest-summary-reporter.js';

interface FakeTest {
  name: string;
  state: 'passed' | 'failed' | 'skipped';
  duration?: number;
}

/** The part of vitest's TestModule the reporter reads. */
function fakeModule(file: string, tests: FakeTest[], state = 'passed'): TestModule {
  const cases = tests.map((test) => ({
    fullName: `suite > ${test.name}`,
    module: { relativeModuleId: file },
    result: () => ({ state: test.state }),
    diagnostic: () => (test.duration === undefined ? undefined : { duration: test.duration }),
  }));
  return { state: () => state, children: { allTests: () => cases.values() } } as unknown as TestModule;
}

function printed(modules: TestModule[]): string[] {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    new SummaryReporter().onTestRunEnd(modules);
    return log.mock.calls.map(([line]) => String(line));
  } finally {
    log.mockRestore();
  }
}

describe('the summary reporter', () => {
  it('lists the tests slower than 1 s, slowest first, with their count, then the totals', () => {
    const lines = printed([
      fakeModule('a.test.ts', [
        { name: 'quick', state: 'passed', duration: 40 },
        { name: 'just over', state: 'passed', duration: 1_001 },
      ]),
      fakeModule('b.test.ts', [
        { name: 'slow and failing', state: 'failed', duration: 2_500 },
        { name: 'exactly one second', state: 'passed', duration: 1_000 },
        { name: 'skipped', state: 'skipped' },
      ]),
    ]);
    expect(lines).toEqual([
      '\nslow tests (> 1 s): 2',
      '    2.5 s  b.test.ts > suite > slow and failing',
      '    1.0 s  a.test.ts > suite > just over',
      '\ntests: 3 passed, 1 failed, 1 skipped',
    ]);
  });

  it('counts a file that failed to load as a failure', () => {
    expect(printed([fakeModule('broken.test.ts', [], 'failed')]).at(-1)).toBe('\ntests: 0 passed, 1 failed, 0 skipped');
  });
});
