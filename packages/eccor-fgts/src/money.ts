/**
 * Money helpers. The API carries money as **integer cents** (`4570` = R$ 45,70). These conversions are exact:
 * they work on the decimal digits (never `x * 100` on a float), and refuse what they cannot convert exactly
 * (`RangeError`) instead of rounding silently.
 */

/**
 * Below 2^46 (R$ 70.368.744.177.664) a double's spacing is under a cent, so every amount in cents has a number
 * of reais of its own that prints with at most two decimals; above it, neighbouring cents share a number.
 */
const MAX_NUMBER_REAIS = 2 ** 46;

const fail = (what: unknown, why: string): never => {
  throw new RangeError(`${typeof what === 'string' ? JSON.stringify(what) : String(what)}: ${why}`);
};

/**
 * Integer cents to reais: `centsToReais(4570) === 45.7`. The result is the double nearest to the exact
 * decimal value (an integer divided by 100 is correctly rounded), so `reaisToCents(centsToReais(c)) === c`.
 *
 * @throws RangeError when `cents` is not an integer (NaN, ±Infinity, a fraction) or is beyond what a number of
 * reais holds exactly: |cents| < 2^46 × 100 (R$ 70 trillion). Use `formatReais` for larger amounts.
 */
export function centsToReais(cents: number): number {
  if (!Number.isInteger(cents)) fail(cents, 'cents must be an integer');
  if (Math.abs(cents) >= MAX_NUMBER_REAIS * 100) fail(cents, 'beyond R$ 70 trillion, a number of reais cannot hold every cent');
  return cents / 100 + 0;
}

/**
 * Reais to integer cents, exactly: `reaisToCents(45.7) === 4570`, `reaisToCents('45,70') === 4570`.
 *
 * - A number is read by its shortest decimal representation (`String(45.7)` is `'45.7'`), so float noise
 *   never turns into a cent: `reaisToCents(0.1 + 0.2)` (`0.30000000000000004`) throws instead of guessing.
 *   Numbers must be below R$ 70 trillion (2^46), where a double still tells every cent apart.
 * - A string may use `,` or `.` as the decimal separator, with an optional `R$` and sign: `'45,70'`,
 *   `'45.7'`, `'-R$ 1.234,56'` (with a `,`, dots are thousands separators, in groups of three), `'1234.56'`.
 *
 * @throws RangeError for NaN, ±Infinity, more than two decimals (`1.005`), a malformed string, a number from
 * R$ 70 trillion, or a result beyond the safe integers (±2^53 − 1 cents).
 */
export function reaisToCents(reais: number | string): number {
  let text: string;
  if (typeof reais === 'number') {
    if (!Number.isFinite(reais)) fail(reais, 'not a finite number');
    if (Math.abs(reais) >= MAX_NUMBER_REAIS) fail(reais, 'beyond R$ 70 trillion, a number cannot hold every cent: pass a string');
    text = String(reais); // the shortest form that reads back as the same number; exponent form only below 1e-6
    if (text.includes('e')) fail(reais, 'more than two decimals');
  } else {
    text = reais.trim().replace(/^([+-]?)\s*R\$\s*/, '$1');
    if (text.includes(',')) {
      if (!/^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+$/.test(text)) fail(reais, 'not an amount in reais');
      text = text.replace(/\./g, '').replace(',', '.');
    }
  }
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return fail(reais, 'not an amount in reais');
  const [, sign, units = '', decimals = ''] = match;
  if (decimals.length > 2) fail(reais, 'more than two decimals: round it first');
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) fail(reais, 'beyond the safe integer range of cents');
  return sign === '-' ? -cents + 0 : cents;
}

/**
 * Integer cents as Brazilian reais: `formatReais(123456) === 'R$ 1.234,56'`, `formatReais(-5) === '-R$ 0,05'`.
 * Plain spaces and digits (no `Intl`), so the output is the same everywhere; `reaisToCents` reads it back.
 *
 * @throws RangeError when `cents` is not a safe integer.
 */
export function formatReais(cents: number): string {
  if (!Number.isSafeInteger(cents)) fail(cents, 'cents must be a safe integer');
  const digits = String(Math.abs(cents)).padStart(3, '0');
  const units = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, '.');
  return `${cents < 0 ? '-' : ''}R$ ${units},${digits.slice(-2)}`;
}
