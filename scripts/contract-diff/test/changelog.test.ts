/**
 * From a contract diff to a CHANGELOG entry: the bump, the Markdown, and — end to end, in a throwaway git
 * repository laid out like this one — `writeContractChangesets()` comparing the bundle with the release tag,
 * then the real `changeset version` writing the provider's CHANGELOG with the diff in it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../lib/providers.js';
import { writeContractChangesets } from '../changeset.js';
import type { ContractChange } from '../diff.js';
import { bumpFor, contractSection } from '../render.js';
import { getThings, object, ok } from './fixtures.js';

const change = (
  breaking: boolean,
  operation = 'GET /a',
  where = 'response 200 (application/json) name',
  what = 'field removed',
): ContractChange => ({
  kind: 'removed',
  breaking,
  operation,
  where,
  what,
});

describe('the bump a contract diff calls for', () => {
  it('breaking → minor while 0.x and major from 1.0; otherwise patch while 0.x and minor from 1.0; none without changes', () => {
    expect(bumpFor([change(false), change(true)], '0.2.0')).toBe('minor');
    expect(bumpFor([change(true)], '1.4.0')).toBe('major');
    expect(bumpFor([change(false)], '0.2.0')).toBe('patch');
    expect(bumpFor([change(false)], '1.4.0')).toBe('minor');
    expect(bumpFor([], '0.2.0')).toBeUndefined();
  });
});

describe('the CHANGELOG section', () => {
  it('counts the changes, lists the breaking ones first, and gives one line to a change seen in several operations', () => {
    const section = contractSection(
      [change(false, 'GET /b', 'query parameter page', 'added, optional'), change(true, 'GET /a'), change(true, 'GET /c')],
      {
        provider: 'Fixture API',
        since: '@credit-apis/fixture@0.2.0',
        bundle: 'generated/fixture/openapi.json',
      },
    );
    expect(section).toBe(
      [
        'Contract changes since @credit-apis/fixture@0.2.0 (Fixture API, `generated/fixture/openapi.json`): 2 breaking changes, 1 other change.',
        '',
        '**Breaking**',
        '',
        '- `GET /a`, `GET /c` response 200 (application/json) `name`: field removed',
        '',
        '**Other changes**',
        '',
        '- `GET /b` query parameter `page`: added, optional',
        '',
      ].join('\n'),
    );
  });
});

describe('changeset version puts the contract diff in the provider CHANGELOG and in the contracts package CHANGELOG', () => {
  const work = mkdtempSync(join(tmpdir(), 'credit-apis-contract-diff-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  // A throwaway repository: no signing or hooks from the machine's git configuration.
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
      cwd: work,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    });
  const writeBundle = (document: object): void =>
    writeFileSync(join(work, 'generated', 'fixture', 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);

  it('from the release tag to the working tree', { timeout: 60_000 }, () => {
    mkdirSync(join(work, 'generated', 'fixture'), { recursive: true });
    mkdirSync(join(work, 'packages', 'fixture'), { recursive: true });
    mkdirSync(join(work, '.changeset'));
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'fixture-root', private: true }));
    writeFileSync(join(work, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n  - generated\n');
    writeFileSync(
      join(work, 'packages', 'fixture', 'package.json'),
      JSON.stringify({ name: '@credit-apis/fixture', version: '0.2.0' }, null, 2),
    );
    // generated/ is the contracts package, as @credit-apis/specs is here
    writeFileSync(
      join(work, 'generated', 'package.json'),
      JSON.stringify({ name: '@credit-apis/fixture-specs', version: '1.0.0' }, null, 2),
    );
    cpSync(join(repoRoot, '.changeset', 'config.json'), join(work, '.changeset', 'config.json'));
    // changeset version resolves its changelog generator from the repository's node_modules.
    symlinkSync(join(repoRoot, 'node_modules'), join(work, 'node_modules'));
    writeBundle(getThings(ok(object({ id: { type: 'string' }, name: { type: 'string' } }))));
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'release 0.2.0');
    git('tag', '@credit-apis/fixture@0.2.0');

    expect(writeContractChangesets({ root: work })).toEqual([
      { slug: 'fixture', outcome: 'unchanged', base: '@credit-apis/fixture@0.2.0', path: join(work, '.changeset', 'contract-fixture.md') },
    ]);

    writeBundle(getThings(ok(object({ id: { type: 'string' }, total: { type: 'integer' } }))));
    expect(writeContractChangesets({ root: work }).map((result) => result.outcome)).toEqual(['written']);
    // breaking: minor for the 0.x provider, major for the 1.x contracts package
    expect(readFileSync(join(work, '.changeset', 'contract-fixture.md'), 'utf8')).toMatch(
      /^---\n'@credit-apis\/fixture': minor\n'@credit-apis\/fixture-specs': major\n---\n/,
    );

    execFileSync(process.execPath, [join(repoRoot, 'node_modules', '@changesets', 'cli', 'bin.js'), 'version'], {
      cwd: work,
      stdio: 'pipe',
    });
    const changelog = readFileSync(join(work, 'packages', 'fixture', 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('## 0.3.0');
    expect(changelog).toContain(
      'Contract changes since @credit-apis/fixture@0.2.0 (Fixture API, `generated/fixture/openapi.json`): 1 breaking change, 1 other change.',
    );
    expect(changelog).toContain('- `GET /things` response 200 (application/json) `name`: field removed');
    expect(changelog).toContain('- `GET /things` response 200 (application/json) `total`: field added, optional');
    expect(JSON.parse(readFileSync(join(work, 'packages', 'fixture', 'package.json'), 'utf8')).version).toBe('0.3.0');
    const specsChangelog = readFileSync(join(work, 'generated', 'CHANGELOG.md'), 'utf8');
    expect(specsChangelog).toContain('## 2.0.0');
    expect(specsChangelog).toContain('- `GET /things` response 200 (application/json) `name`: field removed');
  });
});
