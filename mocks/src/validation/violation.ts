/**
 * One reason a request is invalid, independent of ajv and of any provider: where (path, query, header,
 * body), which field (a path of property names and array indices), what rule, in plain words. Provider
 * files turn a list of these into their own error bodies.
 */
import type { ErrorObject } from '@credit-apis/contract-core/validator';

export type ViolationLocation = 'path' | 'query' | 'header' | 'body';

export interface Violation {
  readonly location: ViolationLocation;
  /** Field path: for the body, property names and array indices from the root; else `[parameterName]`. */
  readonly field: readonly (string | number)[];
  /** JSON Schema keyword that failed (`required`, `type`, `enum`…), or `json` / `content-type`. */
  readonly keyword: string;
  /** English sentence, for shapes that have no wording of their own. */
  readonly message: string;
  /** Keyword parameters (`allowedValues`, `format`, `limit`…) for providers that word messages themselves. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The offending value, when there is one (absent for a missing field). */
  readonly value?: unknown;
}

function decodeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Turns a JSON pointer into field steps, using the data to tell array indices from property names. */
export function pointerToField(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const field: (string | number)[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = decodeSegment(raw);
    if (Array.isArray(current)) {
      const index = Number(segment);
      field.push(index);
      current = current[index];
    } else {
      field.push(segment);
      current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return field;
}

function valueAt(data: unknown, field: readonly (string | number)[]): unknown {
  let current = data;
  for (const step of field) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

export function fromAjvErrors(errors: readonly ErrorObject[], location: ViolationLocation, data: unknown): Violation[] {
  return errors.map((error) => {
    let field = pointerToField(error.instancePath, data);
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required' && typeof params.missingProperty === 'string') field = [...field, params.missingProperty];
    if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string')
      field = [...field, params.additionalProperty];
    const value = error.keyword === 'required' ? undefined : valueAt(data, field);
    const where = field.length > 0 ? fieldLabel(location, field) : location;
    const message =
      error.keyword === 'required'
        ? `${where} is required`
        : error.keyword === 'additionalProperties'
          ? `${where} is not allowed`
          : `${where} ${error.message ?? `fails ${error.keyword}`}`;
    return { location, field, keyword: error.keyword, message, params, ...(value === undefined ? {} : { value }) };
  });
}

/** `body.client.bank_account[0].bank_code`, `query.page`, `header.authorization`. */
function fieldLabel(location: ViolationLocation, field: readonly (string | number)[]): string {
  return field.reduce<string>((label, step) => (typeof step === 'number' ? `${label}[${step}]` : `${label}.${step}`), location);
}

/** Property path as the request spells it: `client.bank_account.bank_code`, `[0].type`. */
export function dottedPath(field: readonly (string | number)[]): string {
  return field.reduce<string>((path, step) => (typeof step === 'number' ? `${path}[${step}]` : path === '' ? step : `${path}.${step}`), '');
}
