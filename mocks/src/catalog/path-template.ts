/**
 * OpenAPI path templates (`/v1/NaturalPerson/{id}/BankAccount`) turned into matchers once, at start-up.
 * A template without parameters is matched by string equality (a Map lookup); the others by segment, with
 * concrete segments winning over templated ones, as OpenAPI requires (`/v1/Product/active` before
 * `/v1/Product/{id}`).
 */
export interface PathTemplate {
  readonly template: string;
  readonly parameterNames: readonly string[];
  /** Raw (still percent-encoded) parameter values, or `undefined` when the path does not match. */
  match(segments: readonly string[]): string[] | undefined;
  /** Number of concrete segments: more is more specific. */
  readonly specificity: number;
  readonly isStatic: boolean;
}

type Part = { literal: string } | { prefix: string; suffix: string };

export function compilePathTemplate(template: string): PathTemplate {
  const parameterNames: string[] = [];
  const parts: Part[] = template
    .split('/')
    .slice(1)
    .map((segment) => {
      const open = segment.indexOf('{');
      const close = segment.indexOf('}', open);
      if (open === -1 || close === -1) return { literal: segment };
      // One parameter per segment, possibly with fixed text around it (`{id}.json`).
      parameterNames.push(segment.slice(open + 1, close));
      return { prefix: segment.slice(0, open), suffix: segment.slice(close + 1) };
    });
  const specificity = parts.filter((part) => 'literal' in part).length;
  return {
    template,
    parameterNames,
    specificity,
    isStatic: parameterNames.length === 0,
    match(segments) {
      if (segments.length !== parts.length) return undefined;
      const values: string[] = [];
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i] as Part;
        const segment = segments[i] as string;
        if ('literal' in part) {
          if (segment !== part.literal) return undefined;
          continue;
        }
        const { prefix, suffix } = part;
        if (segment.length <= prefix.length + suffix.length || !segment.startsWith(prefix) || !segment.endsWith(suffix)) return undefined;
        values.push(segment.slice(prefix.length, segment.length - suffix.length));
      }
      return values;
    },
  };
}
