/**
 * Interleaved timing of async operations within one process: blocks of N sequential calls of each operation,
 * the order rotated every block (A B C, B C A, C A B…), so that none always runs warmer, later, or right after
 * another's garbage. Comparisons are made within a block (same machine state), then summarized across blocks.
 */

/** ms per call of each operation, one value per block. */
export type InterleavedRun<Name extends string> = Record<Name, number[]>;

export async function runInterleaved<Name extends string>(options: {
  operations: Record<Name, () => Promise<unknown>>;
  blocks: number;
  calls: number;
  warmup: number;
}): Promise<InterleavedRun<Name>> {
  const { operations, blocks, calls, warmup } = options;
  const names = Object.keys(operations) as Name[];
  for (let i = 0; i < warmup; i += 1) for (const name of names) await operations[name]();
  const run = Object.fromEntries(names.map((name) => [name, [] as number[]])) as InterleavedRun<Name>;
  for (let block = 0; block < blocks; block += 1) {
    for (let step = 0; step < names.length; step += 1) {
      const name = names[(block + step) % names.length] as Name;
      const operation = operations[name];
      const started = performance.now();
      for (let i = 0; i < calls; i += 1) await operation();
      run[name].push((performance.now() - started) / calls);
    }
  }
  return run;
}

export interface Spread {
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

/** Quantile `q` (0…1) of sorted values, linear between ranks. */
function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)] ?? Number.NaN;
  const high = sorted[Math.ceil(at)] ?? Number.NaN;
  return low + (high - low) * (at - Math.floor(at));
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((x, y) => x - y);
  return {
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** The spread of the per-block ratio `a / b` (each ratio from one block: the same machine state). */
export function ratioSpread(a: number[], b: number[]): Spread {
  return spread(a.map((value, block) => value / (b[block] ?? Number.NaN)));
}
