/**
 * Exact rational numbers on BigInt, so that thresholds are never missed by rounding:
 * 7 of 10 votes is exactly 70%, a mean of exactly 85 is exactly 85 (DOMAIN.md, "Comparisons are exact").
 */
export class Fraction {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    if (den === 0n) throw new RangeError('分母不能为 0');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num < 0n ? -num : num, den);
    this.num = g > 1n ? num / g : num;
    this.den = g > 1n ? den / g : den;
  }

  static of(num: bigint | number, den: bigint | number = 1n): Fraction {
    return new Fraction(toBigInt(num), toBigInt(den));
  }

  /** Exact value of a decimal written in a scheme or a cell ("85", "85.5", 0.1 as typed, "1e2"). */
  static fromDecimal(value: number | string): Fraction {
    // Weights, points and thresholds are read for every subject: each distinct one is parsed once.
    let hit = decimals.get(value);
    if (hit === undefined) {
      hit = Fraction.parseDecimal(value);
      if (decimals.size >= 10_000) decimals.clear(); // bounded
      decimals.set(value, hit);
    }
    return hit;
  }

  private static parseDecimal(value: number | string): Fraction {
    const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
    const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new RangeError(`不是数字：${text}`);
    const [, sign, intPart, fracPart = '', expPart] = match;
    const digits = BigInt((intPart || '0') + fracPart) * (sign === '-' ? -1n : 1n);
    const exp = Number(expPart ?? 0) - fracPart.length;
    if (Math.abs(exp) > 400) throw new RangeError(`数字过大或过小：${text}`);
    return exp >= 0 ? new Fraction(digits * 10n ** BigInt(exp), 1n) : new Fraction(digits, 10n ** BigInt(-exp));
  }

  static readonly ZERO = new Fraction(0n, 1n);
  static readonly ONE = new Fraction(1n, 1n);

  add(o: Fraction): Fraction {
    return new Fraction(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Fraction): Fraction {
    return new Fraction(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Fraction): Fraction {
    return new Fraction(this.num * o.num, this.den * o.den);
  }
  div(o: Fraction): Fraction {
    return new Fraction(this.num * o.den, this.den * o.num);
  }
  compare(o: Fraction): number {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  equals(o: Fraction): boolean {
    return this.compare(o) === 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }
  /** Rounded half away from zero to `places` decimals, for display only. */
  toFixed(places: number): string {
    // Every share and score shown is a small fraction: whole-number arithmetic on doubles is exact while
    // every intermediate stays below 2^53, and much cheaper than BigInt. Larger ones take the exact path.
    if (places <= 6) {
      const scale = 10 ** places;
      const num = Number(this.num);
      const den = Number(this.den);
      const a = Math.abs(num) * scale * 2 + den;
      const b = den * 2;
      if (a <= Number.MAX_SAFE_INTEGER && b <= Number.MAX_SAFE_INTEGER) {
        let scaled = Math.floor(a / b);
        // Settle the quotient with exact products, in case the double division rounded onto a whole number.
        if (scaled * b > a) scaled--;
        else if ((scaled + 1) * b <= a) scaled++;
        const intPart = Math.floor(scaled / scale);
        const body = places > 0 ? `${intPart}.${String(scaled - intPart * scale).padStart(places, '0')}` : `${intPart}`;
        return num < 0 && scaled !== 0 ? `-${body}` : body;
      }
    }
    return toFixedExact(this.num, this.den, places);
  }
  toString(): string {
    return this.den === 1n ? `${this.num}` : `${this.num}/${this.den}`;
  }
}

/** Parsed decimals by what was written (a Fraction never changes, so one can be shared). */
const decimals = new Map<number | string, Fraction>();

/** num/den rounded half away from zero to `places` decimals, in BigInt (den > 0). */
export function toFixedExact(num: bigint, den: bigint, places: number): string {
  const scale = 10n ** BigInt(places);
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const scaled = (abs * scale * 2n + den) / (den * 2n);
  const intPart = scaled / scale;
  const frac = (scaled % scale).toString().padStart(places, '0');
  const body = places > 0 ? `${intPart}.${frac}` : `${intPart}`;
  return neg && scaled !== 0n ? `-${body}` : body;
}

/** The share k/n as an exact fraction; null when there is nothing to divide by. */
export function ratio(k: number, n: number): Fraction | null {
  return n === 0 ? null : Fraction.of(k, n);
}

/** A share written as a fraction of the whole, "1/3": 三分之一 is no percentage written in decimals. */
const SHARE_FRACTION = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;

/** Whether a scheme's share is written as a fraction ("1/3", "2/3") rather than as a percentage (70). */
export function isShareFraction(value: number | string): value is string {
  return typeof value === 'string' && SHARE_FRACTION.test(value);
}

/**
 * A share written in a scheme as the exact fraction of the whole: a percentage (70 or "70" for 70%: 7/10),
 * or a fraction as text ("1/3": exactly one third, which 33.33 is not: 9 × 33.33% rounds down to 2, not 3).
 */
export function percent(value: number | string): Fraction {
  if (isShareFraction(value)) {
    const [, num, den] = SHARE_FRACTION.exec(value)!;
    return Fraction.of(BigInt(num), BigInt(den));
  }
  return Fraction.fromDecimal(value).div(Fraction.of(100));
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

function toBigInt(v: bigint | number): bigint {
  if (typeof v === 'bigint') return v;
  if (!Number.isInteger(v)) throw new RangeError(`需要整数：${v}`);
  return BigInt(v);
}

/** The shortest decimal that round-trips the double: what the user typed (0.1 → "0.1"). */
function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`不是有限数字：${n}`);
  return String(n);
}
