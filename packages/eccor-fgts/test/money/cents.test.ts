/**
 * Money is integer cents in the ECCOR FGTS API (`4570` = R$ 45,70). The conversions are exact: they never
 * multiply a float by 100, and they refuse (RangeError) what they cannot convert exactly.
 */
import { describe, expect, it } from 'vitest';
import { centsToReais, formatReais, reaisToCents } from '../../src/extras.js';

const MAX_CENTS = Number.MAX_SAFE_INTEGER; // 9007199254740991 cents = R$ 90.071.992.547.409,91 (strings only)
/** The largest amount a number of reais holds to the cent: 2^46 × 100 − 1 cents = R$ 70.368.744.177.663,99. */
const MAX_NUMBER_CENTS = 2 ** 46 * 100 - 1;

describe('reaisToCents', () => {
  it.each([
    [45.7, 4570],
    [45.75, 4575],
    [0.07, 7], // 0.07 * 100 === 7.000000000000001 in floating point
    [1.15, 115], // 1.15 * 100 === 114.99999999999999
    [4.35, 435], // 4.35 * 100 === 434.99999999999994
    [0, 0],
    [-0, 0],
    [-12.34, -1234],
    [1000, 100_000],
    [70_368_744_177_663.99, MAX_NUMBER_CENTS],
    [-70_368_744_177_663.99, -MAX_NUMBER_CENTS],
  ])('number %s → %s cents', (reais, cents) => {
    expect(reaisToCents(reais)).toBe(cents);
  });

  it.each([
    ['45,70', 4570],
    ['45,7', 4570],
    ['45.70', 4570],
    ['0,01', 1],
    ['1.234,56', 123_456],
    ['1.234.567,89', 123_456_789],
    ['R$ 1.234,56', 123_456],
    ['-R$ 0,05', -5],
    ['R$45,70', 4570],
    [' 12 ', 1200],
    ['-12,00', -1200],
    ['+3,5', 350],
    ['1234.56', 123_456],
    ['90.071.992.547.409,91', MAX_CENTS],
    ['-90071992547409.91', -MAX_CENTS],
  ])('string %j → %s cents', (reais, cents) => {
    expect(reaisToCents(reais)).toBe(cents);
  });

  it.each([
    [0.1 + 0.2, /0\.30000000000000004: more than two decimals/],
    [1.005, /1\.005: more than two decimals/],
    [Number.NaN, /NaN: not a finite number/],
    [Number.POSITIVE_INFINITY, /Infinity: not a finite number/],
    [1e-7, /more than two decimals/],
    [2 ** 46, /beyond R\$ 70 trillion/],
    [90_071_992_547_409.91, /beyond R\$ 70 trillion/], // the number is 90071992547409.9: the cent is already lost
    [1e21, /beyond R\$ 70 trillion/],
    ['90071992547409.92', /beyond the safe integer range/],
    ['1,005', /more than two decimals/],
    ['1.234', /more than two decimals/], // ambiguous (R$ 1.234 or 1,234): refused rather than guessed
    ['1,234.56', /not an amount in reais/], // US grouping
    ['12.34,56', /not an amount in reais/], // broken grouping
    ['', /not an amount in reais/],
    ['R$', /not an amount in reais/],
    ['45,', /not an amount in reais/],
    ['1e3', /not an amount in reais/],
    ['abc', /not an amount in reais/],
    ['999999999999999999,99', /beyond the safe integer range/],
  ])('%s is refused with a RangeError', (reais, message) => {
    expect(() => reaisToCents(reais)).toThrow(RangeError);
    expect(() => reaisToCents(reais)).toThrow(message);
  });
});

describe('centsToReais', () => {
  it.each([
    [4570, 45.7],
    [7, 0.07],
    [115, 1.15],
    [30, 0.3], // not 0.30000000000000004
    [0, 0],
    [-1234, -12.34],
    [MAX_NUMBER_CENTS, 70_368_744_177_663.99],
  ])('%s cents → %s', (cents, reais) => {
    expect(centsToReais(cents)).toBe(reais);
  });

  it('round-trips with reaisToCents, up to R$ 70 trillion', () => {
    const samples = [0, 1, 7, 99, 100, 115, 435, 4570, 123_456, 99_999_999, MAX_NUMBER_CENTS, MAX_NUMBER_CENTS - 1];
    for (let cents = -2_000; cents <= 2_000; cents += 1) samples.push(cents);
    // Pseudo-random amounts at every magnitude up to the limit (a fixed seed: the same amounts every run).
    let seed = 42;
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i += 1) samples.push(Math.floor(random() * 10 ** (1 + (i % 16))) % MAX_NUMBER_CENTS);
    for (const cents of samples) {
      expect(reaisToCents(centsToReais(cents))).toBe(cents);
      expect(reaisToCents(centsToReais(-cents))).toBe(-cents + 0);
    }
  });

  it.each([[45.7], [Number.NaN], [Number.POSITIVE_INFINITY]])('%s is refused with a RangeError (formatReais too)', (cents) => {
    expect(() => centsToReais(cents)).toThrow(RangeError);
    expect(() => formatReais(cents)).toThrow(RangeError);
  });

  it('refuses amounts a number of reais cannot hold to the cent (formatReais takes them)', () => {
    expect(() => centsToReais(MAX_NUMBER_CENTS + 1)).toThrow(/beyond R\$ 70 trillion/);
    expect(() => centsToReais(MAX_CENTS)).toThrow(RangeError);
    expect(formatReais(MAX_CENTS)).toBe('R$ 90.071.992.547.409,91');
    expect(() => formatReais(MAX_CENTS + 1)).toThrow(RangeError);
  });
});

describe('formatReais', () => {
  it.each([
    [4570, 'R$ 45,70'],
    [0, 'R$ 0,00'],
    [5, 'R$ 0,05'],
    [-5, '-R$ 0,05'],
    [100_000, 'R$ 1.000,00'],
    [123_456_789, 'R$ 1.234.567,89'],
    [MAX_CENTS, 'R$ 90.071.992.547.409,91'],
  ])('%s cents → %j', (cents, text) => {
    expect(formatReais(cents)).toBe(text);
    expect(reaisToCents(text)).toBe(cents);
  });
});
