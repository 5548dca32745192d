/** Types of `size.mjs` for its TypeScript caller (scripts/bench-client.ts). */
export interface Measured {
  /** Bytes, minified. */
  minified: number;
  /** Bytes, minified and gzipped. */
  gzipped: number;
  /** The npm packages bundled in. */
  packages: string[];
}
export function measure(entry: string | { contents: string }, options?: { resolveDir?: string }): Promise<Measured>;
export function kB(bytes: number, digits?: number): string;
