import type { LocalDate } from '../../shared/calendar-date.js';
import type { Cents } from '../../shared/money.js';
import { sumCents } from '../../shared/money.js';
import type { Explanation } from '../../shared/recorded-event.js';
import { eventIdsOf } from '../facts/sourced.js';

/** A payment of the Caf (advance, balance) or a recovery (negative amount); every one is an event. */
export interface PaymentFact {
  paymentId: string;
  date: LocalDate;
  amount: Cents;
  kind: 'advance' | 'balance' | 'recovery' | 'other';
  eventIds: readonly string[];
}

export interface AmountDue {
  at: LocalDate | null;
  payable: Cents;
  paymentsCounted: PaymentFact[];
  paid: Cents;
  /** payable − paid: positive = still to pay, negative = to recover. */
  due: Cents;
  toRecover: Cents;
  explanation: Explanation;
}

/** R-PS-PAYMENTS: amount still due at a date = payable − payments made by then (all of them when no date). */
export function amountDue(
  payable: Cents,
  payments: readonly PaymentFact[],
  at: LocalDate | null,
  sourceEventIds: string[] = [],
): AmountDue {
  const paymentsCounted = payments
    .filter((p) => at === null || p.date <= at)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const paid = sumCents(paymentsCounted.map((p) => p.amount));
  const due = payable - paid;
  return {
    at,
    payable,
    paymentsCounted,
    paid,
    due,
    toRecover: Math.max(0, -due),
    explanation: {
      ruleId: 'R-PS-PAYMENTS',
      inputs: {
        payable,
        at,
        payments: paymentsCounted.map((p) => ({ paymentId: p.paymentId, date: p.date, amount: p.amount, kind: p.kind })),
      },
      sourceEventIds: [...new Set([...sourceEventIds, ...eventIdsOf(...paymentsCounted)])],
      output: { paid, due },
    },
  };
}
