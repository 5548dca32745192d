/**
 * A contract's info.version follows its content: the versions file moves with the version, and a changed
 * contract under an unchanged version is refused (by `pnpm generate` and by the drift test).
 */
import { describe, expect, it } from 'vitest';
import { contractEntry, contractHash, ContractVersionError, nextContractVersions } from '../lib/specs-package.js';

const bundle = (version: unknown, description = 'Operations.'): string =>
  JSON.stringify({ openapi: '3.1.0', info: { title: 'T', version, description }, paths: {} });

describe('contract versions', () => {
  it('hashes the contract without its version, so a bump alone changes no hash', () => {
    expect(contractHash(bundle('0.1.0'))).toBe(contractHash(bundle('0.2.0')));
    expect(contractHash(bundle('0.1.0'))).not.toBe(contractHash(bundle('0.1.0', 'Other words.')));
  });

  it('refuses a changed contract whose version did not change', () => {
    const recorded = nextContractVersions({}, [contractEntry('t', bundle('0.1.0'))]);
    expect(() => nextContractVersions(recorded, [contractEntry('t', bundle('0.1.0', 'Other words.'))])).toThrow(ContractVersionError);
    expect(() => nextContractVersions(recorded, [contractEntry('t', bundle('0.1.0', 'Other words.'))])).toThrow(
      /specs\/t changed but its info.version is still 0\.1\.0/,
    );
  });

  it('records the new hash with the new version', () => {
    const recorded = nextContractVersions({}, [contractEntry('t', bundle('0.1.0'))]);
    const bumped = nextContractVersions(recorded, [contractEntry('t', bundle('0.1.1', 'Other words.'))]);
    expect(bumped.t).toEqual({ version: '0.1.1', sha256: contractHash(bundle('0.1.1', 'Other words.')) });
    expect(nextContractVersions(bumped, [contractEntry('t', bundle('0.1.1', 'Other words.'))])).toEqual(bumped);
  });

  it('needs a semver version', () => {
    for (const version of ['v1', '1.0', 1, undefined])
      expect(() => contractEntry('t', bundle(version)), String(version)).toThrow(/info.version must be a semver version/);
  });
});
