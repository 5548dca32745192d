/**
 * Interleaved timing of async operations within one process: blocks of N sequential calls of each operation,
 * the order rotated every block (A B C, B C A, C A B…), so that none always runs warmer, later, or right after
 * another's garbage. Comparisons are made within a block (same machine state), then summarized across blocks.
 *
 * Each block is timed twice: wall-clock time, and the CPU time of this process (user + system,
 * `process.cpuUsage()`). On a machine shared with other busy processes the wall clock mostly measures waiting
 * for a core; the CPU time measures the work each operation makes this process do (the server in the same
 * process included, the same for every operation).
 */

/** ms per call of each operation, one value per block. */
export type PerBlock<Name extends string> = Record<Name, number[]>;

/** Wall-clock and CPU ms per call of each operation, one value per block. */
export interface InterleavedRun<Name extends string> {
  wall: PerBlock<Name>;
  cpu: PerBlock<Name>;
}

export async function runInterleaved<Name extends string>(options: {
  operations: Record<Name, () => Promise<unknown>>;
  blocks: number;
  calls: number;
  warmup: number;
}): Promise<InterleavedRun<Name>> {
  const { operations, blocks, calls, warmup } = options;
  const names = Object.keys(operations) as Name[];
  for (let i = 0; i < warmup; i += 1) for (const name of names) await operations[name]();
  const perBlock = (): PerBlock<Name> => Object.fromEntries(names.map((name) => [name, [] as number[]])) as PerBlock<Name>;
  const run: InterleavedRun<Name> = { wall: perBlock(), cpu: perBlock() };
  for (let block = 0; block < blocks; block += 1) {
    for (let step = 0; step < names.length; step += 1) {
      const name = names[(block + step) % names.length] as Name;
      const operation = operations[name];
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < calls; i += 1) await operation();
      run.wall[name].push((performance.now() - started) / calls);
      const cpu = process.cpuUsage(cpuBefore);
      run.cpu[name].push((cpu.user + cpu.system) / 1000 / calls);
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
