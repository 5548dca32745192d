/**
 * PACKAGE LINT: every publishable package, as packed once by this project's global setup, passes publint
 * (strict: its warnings fail too) and attw ("are the types wrong": each entry point's types resolve, for ESM and
 * CJS consumers, under node10, node16 and bundler resolution). Both read the tarball, never the folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../../../lib/providers.js';
import { sh } from '../../exec.js';

const packed = inject('packed');

/**
 * The options the package gives attw in its own `check:package` script (`attw --pack . --profile esm-only …`
 * for an ESM-only package), so that the script and this test check the same thing.
 */
function attwOptions(relativeDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, relativeDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const options = /\battw --pack \.((?: [^&|;]+)?)/.exec(manifest.scripts?.['check:package'] ?? '')?.[1] ?? '';
  return options.trim().split(/\s+/).filter(Boolean);
}
const attw = join(repoRoot, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');

describe('publint and attw pass on every packed package', () => {
  it('a package is published', () => {
    expect(packed.length).toBeGreaterThan(0);
  });

  it.each(packed.map((pkg) => [pkg.name, pkg] as const))('%s: publint --strict finds nothing', async (_name, pkg) => {
    const tarball = readFileSync(pkg.tarball);
    const { messages, pkg: manifest } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      strict: true,
    });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, manifest, { color: false })}`)).toEqual([]);
  });

  it.each(packed.map((pkg) => [pkg.name, pkg] as const))('%s: attw finds no type resolution problem', async (_name, pkg) => {
    // attw exits 1 on a problem; the failure carries its table.
    await sh(
      [process.execPath, [attw, pkg.tarball, ...attwOptions(pkg.relativeDir), '--format', 'table-flipped', '--no-color']],
      repoRoot,
      { timeout: 60_000 },
    );
  });
});
