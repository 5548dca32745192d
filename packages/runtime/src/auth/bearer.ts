/**
 * `Authorization: Bearer <token>` with a token the caller already has.
 */
import { ConfigurationError } from '../errors.js';
import type { AuthStrategy } from './types.js';

/** A token, or a function (sync or async) called before each attempt that returns the current token. */
export type BearerToken = string | (() => string | Promise<string>);

/**
 * Sends `Authorization: Bearer <token>` on every request. With a function, it is called before every attempt,
 * so a token refreshed elsewhere in the application is picked up. A 401 is returned as is (use
 * {@link clientCredentials} for tokens the client should manage).
 *
 * @example
 * createBancoCdcClient({ environment: 'staging', auth: bearer(process.env.BANCO_CDC_TOKEN ?? '') });
 * createBancoCdcClient({ environment: 'staging', auth: bearer(() => tokenStore.current()) });
 */
export function bearer(tokenOrProvider: BearerToken): AuthStrategy {
  const staticToken = typeof tokenOrProvider === 'string' ? tokenOrProvider : undefined;
  return {
    async authorize() {
      const token = typeof tokenOrProvider === 'string' ? tokenOrProvider : await tokenOrProvider();
      if (typeof token !== 'string' || token.length === 0) {
        throw new ConfigurationError('bearer(): the token is empty');
      }
      return `Bearer ${token}`;
    },
    secrets: () => (staticToken ? [staticToken] : []),
  };
}
