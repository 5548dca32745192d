/**
 * What an API client's collection holds, read from a bundled contract (read.ts): one request per operation
 * (its sample values, credential and documented answers), one environment per documented host plus the
 * local mock, and the OAuth2 client-credentials flows a script must run before the requests that need a
 * token. The Postman and Bruno writers share this model, so both collections say the same thing.
 */
export interface Variable {
  readonly name: string;
  readonly value: string;
  /** A credential: written as a secret where the format has one, empty outside the mock. */
  readonly secret: boolean;
}

export interface Environment {
  /** File-safe name: `homologacao`, `mock`. */
  readonly id: string;
  /** Shown to the user: the server's description up to its first remark. */
  readonly name: string;
  readonly description: string;
  readonly variables: readonly Variable[];
}

export interface Parameter {
  readonly name: string;
  readonly value: string;
  readonly enabled: boolean;
  readonly description: string;
}

export type Auth =
  | { readonly kind: 'none' }
  | { readonly kind: 'bearer'; readonly tokenVariable: string; readonly oauth2?: OAuth2Flow }
  | { readonly kind: 'basic'; readonly usernameVariable: string; readonly passwordVariable: string }
  | { readonly kind: 'apiKey'; readonly in: 'header' | 'query'; readonly name: string; readonly variable: string };

export interface Body {
  readonly mediaType: string;
  /** JSON text (pretty-printed), or the raw text of another media type. */
  readonly text: string;
  /** For `application/x-www-form-urlencoded`: the fields, in order. */
  readonly fields?: readonly Parameter[];
}

export interface ResponseExample {
  /** `200 productPage — 200 OK`: status, example name and summary. */
  readonly name: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly contentType: string | undefined;
  readonly body: string | undefined;
}

/** What a test can check cheaply: the body's JSON type, its required members and their types. */
export interface ShallowSchema {
  readonly type: readonly string[];
  readonly required: readonly string[];
  readonly properties: Readonly<Record<string, readonly string[]>>;
}

export interface RequestModel {
  readonly operationId: string;
  readonly name: string;
  readonly description: string;
  readonly method: string;
  /** The OpenAPI path template: `/v1/NaturalPerson/{id}`. */
  readonly path: string;
  /** Variable holding the base URL: `baseUrl`, or the operation's own (`requestTokenBaseUrl`). */
  readonly baseUrlVariable: string;
  readonly pathParameters: readonly Parameter[];
  readonly query: readonly Parameter[];
  readonly headers: readonly Parameter[];
  readonly body: Body | undefined;
  readonly auth: Auth;
  /** Documented 2xx statuses (all documented statuses when there is none): what a test accepts. */
  readonly successStatuses: readonly number[];
  /** The same as the contract writes them (`200`, `2XX`), to show. */
  readonly successKeys: readonly string[];
  readonly examples: readonly ResponseExample[];
  /** Per success status key (`200`, `2XX`) with a JSON body. */
  readonly schemas: Readonly<Record<string, ShallowSchema>>;
}

export interface Folder {
  readonly name: string;
  readonly description: string;
  readonly requests: readonly RequestModel[];
}

export interface OAuth2Flow {
  readonly scheme: string;
  /** Variables: the token the script stores, the token URL, the client's id and secret. */
  readonly tokenVariable: string;
  readonly tokenUrlVariable: string;
  readonly clientIdVariable: string;
  readonly clientSecretVariable: string;
  readonly scope: string;
  readonly description: string;
}

export interface CollectionModel {
  readonly slug: string;
  readonly title: string;
  readonly version: string;
  readonly description: string;
  readonly environments: readonly Environment[];
  readonly folders: readonly Folder[];
  readonly oauth2: readonly OAuth2Flow[];
}

export class CollectionModelError extends Error {
  override name = 'CollectionModelError';
}
