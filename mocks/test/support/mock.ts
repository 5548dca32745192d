/**
 * Starts the real mock server in process on a free 127.0.0.1 port, with the repository's bundles.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Operation, Provider } from '../../src/catalog/provider.js';
import { createMockServer, defaultOptions, type MockOptions, type MockServer } from '../../src/server.js';
import { defaultSpecsDir } from '../../src/specs-location.js';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
/** The installed @credit-apis/specs (in the workspace, generated/), found by name as the published mock finds it. */
export const generatedDir = defaultSpecsDir((message) => new Error(message));

export interface RunningMock {
  readonly mock: MockServer;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly providers: readonly Provider[];
  provider(slug: string): Provider;
  operation(slug: string, operationId: string): Operation;
  close(): Promise<void>;
}

export async function startMock(overrides: Partial<MockOptions> = {}): Promise<RunningMock> {
  const mock = createMockServer({ ...defaultOptions, generatedDir, docsDir: `${repoRoot}dist/docs`, ...overrides });
  const address = await mock.listen(0, '127.0.0.1');
  const provider = (slug: string): Provider => {
    const found = mock.providers.find((candidate) => candidate.slug === slug);
    if (!found) throw new Error(`no bundle for ${slug} in ${generatedDir}`);
    return found;
  };
  return {
    mock,
    url: `http://127.0.0.1:${address.port}`,
    providers: mock.providers,
    provider,
    operation(slug, operationId) {
      const found = provider(slug).operations.find((candidate) => candidate.info.operationId === operationId);
      if (!found) throw new Error(`no operation ${operationId} in ${slug}`);
      return found;
    },
    close: () => mock.close(),
  };
}

/** Whether `pnpm generate` has written this provider's bundle (a spec may still be in the works). */
export function hasProvider(slug: string): boolean {
  return existsSync(join(generatedDir, slug, 'openapi.json'));
}
