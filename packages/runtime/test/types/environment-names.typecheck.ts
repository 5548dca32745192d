/**
 * Type test, checked by `tsc` (the root `pnpm typecheck`), never run: `environment` accepts only the names
 * of the profile's environments. Each `@ts-expect-error` fails the type check if the line below it compiles.
 */
import {
  ApiError,
  createProviderClient,
  unwrap,
  type ApiErrorFor,
  type ClientOptions,
  type EnvironmentOf,
  type ProviderProfile,
  type ResultError,
} from '../../src/index.js';
import type { components, paths } from '../fixtures/things-api.js';
import { createThingsClient, thingsProfile, type ThingsEnvironment } from '../helpers/clients.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

// The names come from the profile.
assertType<Equal<ThingsEnvironment, 'homologacao' | 'producao' | 'mock'>>();

// Through a provider package's factory.
createThingsClient({ environment: 'homologacao' });
createThingsClient({ environment: 'mock' });
// @ts-expect-error 'staging' is not an environment of this profile
createThingsClient({ environment: 'staging' });
// @ts-expect-error environment names are case-sensitive
createThingsClient({ environment: 'Producao' });

// Through createProviderClient itself, with the names inferred from the profile…
createProviderClient(thingsProfile, { environment: 'producao' });
// @ts-expect-error 'production' is not an environment of this profile
createProviderClient(thingsProfile, { environment: 'production' });

// …or given with the paths.
createProviderClient<paths, EnvironmentOf<typeof thingsProfile>>(thingsProfile, { environment: 'mock' });
// @ts-expect-error 'sandbox' is not an environment of this profile
createProviderClient<paths, EnvironmentOf<typeof thingsProfile>>(thingsProfile, { environment: 'sandbox' });

// A profile literal (no `as const`) keeps its names too.
createProviderClient({ name: 'x', environments: { hml: 'https://hml.invalid' } }, { environment: 'hml' });
// @ts-expect-error 'prd' is not an environment of this profile
createProviderClient({ name: 'x', environments: { hml: 'https://hml.invalid' } }, { environment: 'prd' });

// ClientOptions<Env> on its own.
const options: ClientOptions<ThingsEnvironment> = { environment: 'producao', timeoutMs: 10_000 };
// @ts-expect-error not one of the names
const wrong: ClientOptions<ThingsEnvironment> = { environment: 'dev' };

// A profile must give string URLs.
// @ts-expect-error environments map names to URLs
const badProfile: ProviderProfile = { name: 'x', environments: { hml: 42 } };

// Per-status error typing.
type GetThing = paths['/things/{id}']['get'];
type GetThingError = ApiErrorFor<GetThing>;
assertType<Equal<GetThingError['status'], 401 | 404 | 429>>();
declare const caught: GetThingError;
if (caught.status === 404) {
  const body: components['schemas']['ErrorEnvelope'] | undefined = caught.body;
  void body;
}
if (caught.status === 401) {
  const body: undefined = caught.body;
  void body;
}

// unwrap's error type is the union of the documented error bodies.
declare const result: Awaited<ReturnType<ReturnType<typeof createThingsClient>['GET']>>;
void result;
async function errorTypes() {
  const client = createThingsClient({ environment: 'mock' });
  const res = await client.GET('/things/{id}', { params: { path: { id: 'x' } } });
  // The 401 has no body: undefined is part of the error type.
  assertType<Equal<ResultError<typeof res>, components['schemas']['ErrorEnvelope'] | undefined>>();
  const thing = unwrap(res);
  assertType<Equal<typeof thing, components['schemas']['Thing']>>();
  // @ts-expect-error path parameters stay required and typed
  await client.GET('/things/{id}', { params: { path: {} } });
  const error = new ApiError<components['schemas']['ErrorEnvelope']>({
    method: 'GET',
    path: '/things/{id}',
    status: 404,
    body: undefined,
    headers: new Headers(),
  });
  void error;
}

export { options, wrong, badProfile, errorTypes };
