/**
 * @credit-apis/mock-server: every credit-apis provider on one port, answering from its contract.
 *   startMockServer(options)  for test runners (a vitest/jest globalSetup) and scripts
 *   main(argv)                the `credit-apis-mock` command
 */
export { startMockServer, MockServerOptionsError } from './start.js';
export type { MockServerOptions, MockSandboxOptions, MockProviderInfo, RunningMockServer } from './start.js';
export { main, parseCli, UsageError, USAGE } from './cli.js';
export type { CliIo } from './cli.js';
export type { ContractReport, ContractReporter, ContractViolation } from './prism/proxy.js';
export { PrismNotInstalledError } from './prism/engine.js';
export { FaultSpecError } from './control/fault-spec.js';
export type { ActiveFault, FaultEffect, FaultSpec } from './control/fault-spec.js';
export type { JournalEntry, JournalFilter } from './control/journal.js';
export type { MockControlHandle } from './control/index.js';
