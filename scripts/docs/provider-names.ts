/**
 * The public names a provider's slug turns into in the client packages (the agreed API of
 * `@credit-apis/<slug>`) and in the samples' environment variables. One place, so that the docs, the
 * samples and the type-check stand-in cannot disagree about a name.
 */

export interface ProviderNames {
  slug: string;
  /** `@credit-apis/eccor-fgts` */
  packageName: string;
  /** `createEccorFgtsClient` */
  factory: string;
  /** `ECCOR_FGTS`: prefix of the environment variables the samples read credentials from. */
  envPrefix: string;
}

export function providerNames(slug: string): ProviderNames {
  const pascal = slug
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return {
    slug,
    packageName: `@credit-apis/${slug}`,
    factory: `create${pascal}Client`,
    envPrefix: slug.toUpperCase().replace(/-/g, '_'),
  };
}

/** Every server list of the kit names the local mock as `http://127.0.0.1:4010/<slug>` (specs/README.md). */
export const MOCK_ORIGIN = 'http://127.0.0.1:4010';
