import { divideHalfUp } from '../../shared/money.js';

/**
 * Figures shown with a fixed number of decimals are computed on integers and rounded half-up
 * explicitly (no float arithmetic), then rendered as machine-format decimal strings ("12.50").
 */
export function formatScaled(scaled: bigint, decimals: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`;
}

/** Hours as minutes ÷ 60 with 2 decimals, half-up: 95 min → "1.58". */
export function hoursFromMinutes(minutes: number): string {
  return formatScaled(divideHalfUp(BigInt(minutes) * 100n, 60n), 2);
}

/** An exact ratio num/den, kept unreduced so that ratios of several projects can be summed. */
export interface Fraction {
  num: number;
  den: number;
}

/** num/den as a percentage with 1 decimal, half-up ("87.5"); null when den is 0. */
export function percentOneDecimal(num: number, den: number): string | null {
  if (den === 0) return null;
  return formatScaled(divideHalfUp(BigInt(num) * 1000n, BigInt(den)), 1);
}
