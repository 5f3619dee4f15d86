import { describe, expect, it } from '@jest/globals';
import { euros, eurosCompact, frenchDate, percentText, plural } from './french-text.js';
import { localDate } from './calendar-date.js';
import { rate } from './money.js';

describe('French typography of the summaries', () => {
  it('euros: a narrow no-break space between thousands, a no-break space before €, a decimal comma', () => {
    expect(euros(281_190)).toBe('2\u202f811,90\u00a0€');
    expect(euros(562_380_000)).toBe('5\u202f623\u202f800,00\u00a0€');
    expect(euros(5)).toBe('0,05\u00a0€');
    expect(euros(-12_000)).toBe('-120,00\u00a0€');
  });

  it("euros: the same text as Node's Intl.NumberFormat('fr-FR') currency format", () => {
    const intl = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
    for (const cents of [0, 5, 97_500, 281_190, 629_380, 123_456_789]) expect(euros(cents)).toBe(intl.format(cents / 100));
  });

  it('eurosCompact: whole euros without ",00" (parameters, declared costs), cents otherwise', () => {
    expect(eurosCompact(865_200)).toBe('8\u202f652\u00a0€');
    expect(eurosCompact(33_500)).toBe('335\u00a0€');
    expect(eurosCompact(97_550)).toBe('975,50\u00a0€');
  });

  it('percentText: exact rates with a decimal comma and a no-break space before %', () => {
    expect(percentText(rate(325, 1000))).toBe('32,5\u00a0%');
    expect(percentText(rate(80, 100))).toBe('80\u00a0%');
    expect(percentText(rate(1, 3))).toBe('33,333333\u00a0%');
  });

  it('frenchDate and plural', () => {
    expect(frenchDate(localDate('2026-10-05'))).toBe('05/10/2026');
    expect(plural(0, 'critère')).toBe('0 critère');
    expect(plural(2, 'critère')).toBe('2 critères');
  });
});
