/**
 * Prints one plain closing line, `tests: N passed, N failed, N skipped`, after vitest's own summary, so that
 * CI logs (and tools that read them) get a runner-neutral count. Added next to the default reporter.
 *
 * Before it, the tests that took more than 1 s (`slow tests (> 1 s): N`, then one line each, slowest first):
 * the loop stays fast only if that list is watched. A test that waits on the wall clock for behaviour shows up
 * here; a long one that is slow by nature (a packed install, a spawned CLI) stays, and says so by its name.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';

/** Tests above this many milliseconds are listed. */
export const SLOW_TEST_MS = 1_000;

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const slow: { test: TestCase; duration: number }[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
        const duration = test.diagnostic()?.duration ?? 0;
        if (duration > SLOW_TEST_MS) slow.push({ test, duration });
      }
      // A file that failed to load has no tests but must still count as a failure.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) counts.failed += 1;
    }
    slow.sort((a, b) => b.duration - a.duration);
    console.log(`\nslow tests (> ${SLOW_TEST_MS / 1000} s): ${slow.length}`);
    for (const { test, duration } of slow) {
      console.log(`  ${(duration / 1000).toFixed(1).padStart(5)} s  ${test.module.relativeModuleId} > ${test.fullName}`);
    }
    console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
