import { describe, expect, it } from '@jest/globals';
import { localDate } from '../../shared/calendar-date.js';
import { amountDue, type PaymentFact } from './payments.rule.js';

const payments: PaymentFact[] = [
  { paymentId: 'p1', date: localDate('2026-12-01'), amount: 300_000, kind: 'advance', eventIds: ['evt-p1'] },
  { paymentId: 'p2', date: localDate('2027-09-15'), amount: 250_000, kind: 'balance', eventIds: ['evt-p2'] },
];

describe('payments (R-PS-PAYMENTS)', () => {
  it('R-PS-PAYMENTS: due at a date = payable − payments made by then (the day itself included)', () => {
    expect(amountDue(629_380, payments, localDate('2026-11-30')).due).toBe(629_380);
    expect(amountDue(629_380, payments, localDate('2026-12-01')).due).toBe(329_380);
    const all = amountDue(629_380, payments, localDate('2027-12-31'));
    expect(all.paid).toBe(550_000);
    expect(all.due).toBe(79_380);
    expect(all.explanation.sourceEventIds).toEqual(['evt-p1', 'evt-p2']);
  });

  it('R-PS-PAYMENTS: a negative amount due is an amount to recover', () => {
    const r = amountDue(400_000, payments, null);
    expect(r.due).toBe(-150_000);
    expect(r.toRecover).toBe(150_000);
  });
});
