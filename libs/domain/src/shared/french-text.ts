import type { LocalDate } from './calendar-date.js';
import type { Cents } from './money.js';
import type { Rate } from './money.js';

/**
 * French typography for the summaries a Caf agent pastes into a letter, by hand rather than
 * through Intl so the text never depends on the ICU data a Node build ships. It matches Node 20's
 * `Intl.NumberFormat('fr-FR')`: thousands grouped by a narrow no-break space (U+202F), a no-break
 * space (U+00A0) before "€" and "%", a decimal comma.
 */
export const THOUSANDS_SEPARATOR = '\u202f';
export const UNIT_SPACE = '\u00a0';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR);
}

function signed(cents: Cents, body: (abs: number) => string): string {
  return (cents < 0 ? '-' : '') + body(Math.abs(cents)) + `${UNIT_SPACE}€`;
}

/** 281190 → "2 811,90 €": a computed amount, always with its cents. */
export function euros(cents: Cents): string {
  return signed(cents, (abs) => `${groupThousands(String(Math.floor(abs / 100)))},${String(abs % 100).padStart(2, '0')}`);
}

/** 865200 → "8 652 €", 97550 → "975,50 €": a parameter or a declared amount, without ",00" when whole. */
export function eurosCompact(cents: Cents): string {
  return Math.abs(cents) % 100 === 0 ? signed(cents, (abs) => groupThousands(String(abs / 100))) : euros(cents);
}

/** 325/1000 → "32,5 %", 80/100 → "80 %": at most six decimals (half-up), trailing zeros dropped. */
export function percentText(rate: Rate): string {
  // rate × 100, as a decimal with up to 6 places, in integers: (num × 100 × 10^6) / den.
  const scaled = (BigInt(rate.num) * 100_000_000n * 2n + BigInt(rate.den)) / (2n * BigInt(rate.den));
  const whole = scaled / 1_000_000n;
  const fraction = String(scaled % 1_000_000n)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return `${groupThousands(String(whole))}${fraction ? `,${fraction}` : ''}${UNIT_SPACE}%`;
}

/** "2026-10-20" → "20/10/2026". */
export function frenchDate(day: LocalDate): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** "1 collectif", "2 collectifs", "0 collectif" (French: the singular for 0 and 1). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${Math.abs(count) < 2 ? singular : pluralForm}`;
}
