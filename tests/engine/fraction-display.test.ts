/**
 * Fraction.toFixed takes a fast path in doubles for small fractions: it must give exactly what the
 * BigInt rounding (half away from zero) gives, for every fraction and number of places, including the
 * ties (x.xx5) and values near 2^53 where a double division can land one off.
 */
import fc from 'fast-check';
import { Fraction, toFixedExact } from '../../src/core/common/fraction';

const same = (num: bigint, den: bigint, places: number) => {
  const f = Fraction.of(num, den);
  expect(f.toFixed(places)).toBe(toFixedExact(f.num, f.den, places));
};

describe('Fraction.toFixed', () => {
  it('matches the exact rounding on small and large fractions', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.bigInt({ min: -10_000n, max: 10_000n }), fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n })),
        fc.oneof(fc.bigInt({ min: 1n, max: 1_000n }), fc.bigInt({ min: 1n, max: 2n ** 58n })),
        fc.integer({ min: 0, max: 8 }),
        (num, den, places) => same(num, den, places),
      ),
      { numRuns: 5000 },
    );
  });

  it('rounds ties away from zero (checked by hand)', () => {
    expect(Fraction.of(1, 8).toFixed(2)).toBe('0.13'); // 0.125
    expect(Fraction.of(-1, 8).toFixed(2)).toBe('-0.13');
    expect(Fraction.of(2, 3).mul(Fraction.of(100)).toFixed(2)).toBe('66.67');
    expect(Fraction.of(7, 10).mul(Fraction.of(100)).toFixed(2)).toBe('70.00');
    expect(Fraction.of(-1, 1000).toFixed(2)).toBe('0.00'); // no "-0.00"
    expect(Fraction.of(17, 2).toFixed(0)).toBe('9');
  });

  it('is exact next to 2^53, where the fast path ends', () => {
    // a = |num|·scale·2 + den just under 2^53 with a quotient just below a whole number.
    for (const den of [3n, 7n, 999_999_937n, 2n ** 26n + 1n]) {
      for (const delta of [-2n, -1n, 0n, 1n, 2n]) {
        const num = (2n ** 53n / (2n * 100n)) - den + delta;
        same(num, den, 2);
        same(num * den - 1n, den, 2);
      }
    }
  });
});
