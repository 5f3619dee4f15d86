/**
 * Money is integer cents (R-PS-FORMULA: "work in integer cents; never in floating-point euros").
 * Rates are exact fractions. Every rounding is explicit and half-up.
 * @asType integer
 */
export type Cents = number;

export function assertCents(value: number, field = 'amount'): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${field} must be an integer number of cents, got ${value}`);
  return value;
}

/** "2758.28" | "2 758,28" | 2758.28 → 275828 cents, without float arithmetic on strings. */
export function eurosToCents(euros: string | number): Cents {
  const text = typeof euros === 'number' ? euros.toFixed(2) : euros.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new RangeError(`not an amount in euros: ${String(euros)}`);
  const sign = m[1] === '-' ? -1 : 1;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return sign * cents;
}

/** 275828 → "2758.28" (machine format; display formatting belongs to the edge). */
export function centsToEuros(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** An exact rate num/den, e.g. 32.5 % = 325/1000, 80 % = 80/100. */
export interface Rate {
  readonly num: number;
  readonly den: number;
}

export function rate(num: number, den: number): Rate {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0 || num < 0) {
    throw new RangeError(`invalid rate ${num}/${den}`);
  }
  return { num, den };
}

/** "32.5" (percent) → 325/1000 exactly. */
export function percent(text: string): Rate {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new RangeError(`not a percentage: ${text}`);
  const decimals = (m[2] ?? '').length;
  return rate(Number(m[1] + (m[2] ?? '')), 100 * 10 ** decimals);
}

/**
 * round_half_up(numerator / denominator) for integers, denominator > 0.
 * Half-up means half away from zero for the non-negative amounts money rules use;
 * for negatives we round half toward +∞ (the usual "half-up" definition).
 * BigInt keeps it exact whatever the magnitude.
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const twice = 2n * numerator + denominator;
  const q = twice / (2n * denominator);
  // BigInt division truncates toward zero; floor it for negative values.
  return twice < 0n && twice % (2n * denominator) !== 0n ? q - 1n : q;
}

/** round_half_up(amount × rate) in cents. */
export function applyRateHalfUp(amount: Cents, r: Rate): Cents {
  return Number(divideHalfUp(BigInt(amount) * BigInt(r.num), BigInt(r.den)));
}

export function sumCents(values: readonly Cents[]): Cents {
  return values.reduce((a, b) => a + b, 0);
}
