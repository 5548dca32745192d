/**
 * `node --import tsx mocks/bench/bounded-validation.ts`: what a pathological body (100k unexpected keys) costs
 * the request validator, listing every error versus stopping at the first one (what the mock does past
 * MAX_LISTED_VALUES values, validation/bounds.ts), interleaved in the same run. Prints medians; asserts nothing.
 */
import { MAX_LISTED_VALUES } from '../src/validation/bounds.js';
import { startMock } from '../test/support/mock.js';

const running = await startMock({ bodyLimit: 8 * 1024 * 1024 });
await running.mock.warmUp();
const keys: Record<string, number> = {};
for (let index = 0; index < 100_000; index++) keys[`k${index}`] = index;
const median = (values: number[]): string => (values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN).toFixed(1);
console.log(
  `a body of 100,000 unexpected keys (bodies over ${MAX_LISTED_VALUES.toLocaleString('en')} values are checked up to the first error):`,
);
for (const [slug, operationId] of [
  ['eccor-fgts', 'createNaturalPerson'],
  ['nossa-fintech-inss', 'createOperation'],
] as const) {
  const operation = running.operation(slug, operationId);
  const every: number[] = [];
  const first: number[] = [];
  for (let run = 0; run < 7; run++) {
    for (const large of run % 2 === 0 ? [false, true] : [true, false]) {
      const started = performance.now();
      operation.validator.validate({
        pathParams: {},
        query: undefined,
        headers: {},
        body: { mediaType: 'application/json', value: keys, large },
      });
      (large ? first : every).push(performance.now() - started);
    }
  }
  console.log(`  ${slug} ${operationId}: every error ${median(every)} ms, first error only ${median(first)} ms (medians of 7)`);
}
await running.close();
