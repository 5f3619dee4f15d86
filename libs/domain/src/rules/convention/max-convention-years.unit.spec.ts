import { describe, expect, it } from '@jest/globals';
import { CONVENTION_PARAMS, d, decision, src, sy } from './testing/convention.fixtures.js';
import { checkConventionLength, type ConventionOperator, maxConventionYears } from './max-convention-years.rule.js';
import { priorSupportedYears } from './prior-supported-years.rule.js';

const START = sy('2026-2027');
const supportFor = (years: string[]) =>
  priorSupportedYears(
    { decisions: years.map((y, i) => decision('p', y, 'approved', `d${i}`)), withdrawals: [], payments: [] },
    'op-1',
    START,
  );
const association = (years: string[]): ConventionOperator => ({
  operatorId: 'op-1',
  kind: 'association',
  centreSocialApproval: null,
  support: supportFor(years),
});
const centreSocial = (from: string, to: string, years: string[] = []): ConventionOperator => ({
  operatorId: 'op-1',
  kind: 'centre_social',
  centreSocialApproval: src({ from: d(from), to: d(to) }, 'ev-agrement'),
  support: supportFor(years),
});

describe('maximum convention length (R-CONV-1)', () => {
  it('R-CONV-1: an operator supported for 2 earlier years may sign a Cof of up to 4 years', () => {
    const r = maxConventionYears(association(['2024-2025', '2025-2026']), CONVENTION_PARAMS, START);
    expect(r).toMatchObject({ eligible: true, maxYears: 4, basis: 'prior_support' });
    expect(r.explanation).toMatchObject({ ruleId: 'R-CONV-1', output: 4, sourceEventIds: ['d0', 'd1'] });
  });

  it('R-CONV-1: an operator supported for only 1 year is not eligible, with the reason', () => {
    const r = maxConventionYears(association(['2025-2026']), CONVENTION_PARAMS, START);
    expect(r.eligible).toBe(false);
    if (r.eligible) return;
    expect(r.maxYears).toBeNull();
    expect(r.reasons).toEqual([
      expect.objectContaining({
        code: 'NOT_SUPPORTED_LONG_ENOUGH',
        ruleId: 'R-CONV-SUPPORT',
        details: { priorApprovedYears: ['2025-2026'], minPriorApprovedYears: 2 },
      }),
    ]);
  });

  it('R-CONV-1: a centre social is aligned on its Caf approval period — years that begin within it, up to 5', () => {
    // Approval 2024-01-01 → 2028-12-31: 2026-2027, 2027-2028, 2028-2029 begin within it.
    expect(maxConventionYears(centreSocial('2024-01-01', '2028-12-31'), CONVENTION_PARAMS, START)).toMatchObject({
      eligible: true,
      maxYears: 3,
      basis: 'centre_social_approval',
    });
    // A long approval is capped at 5.
    expect(maxConventionYears(centreSocial('2026-01-01', '2034-12-31'), CONVENTION_PARAMS, START)).toMatchObject({
      eligible: true,
      maxYears: 5,
      basis: 'centre_social_approval',
    });
    // With 2 prior years as well, the longer basis wins.
    expect(
      maxConventionYears(centreSocial('2024-01-01', '2028-12-31', ['2024-2025', '2025-2026']), CONVENTION_PARAMS, START),
    ).toMatchObject({ maxYears: 4, basis: 'prior_support' });
  });

  it('R-CONV-1: a centre social whose approval ends within a year, or is unknown, and with no prior support, is not eligible', () => {
    const short = maxConventionYears(centreSocial('2024-01-01', '2027-06-30'), CONVENTION_PARAMS, START);
    expect(short.eligible).toBe(false);
    if (!short.eligible) expect(short.reasons.map((r) => r.code)).toEqual(['APPROVAL_PERIOD_TOO_SHORT', 'NOT_SUPPORTED_LONG_ENOUGH']);
    const unknown = maxConventionYears(
      { ...centreSocial('2024-01-01', '2030-12-31'), centreSocialApproval: null },
      CONVENTION_PARAMS,
      START,
    );
    if (!unknown.eligible)
      expect(unknown.reasons.map((r) => r.code)).toEqual(['CENTRE_SOCIAL_APPROVAL_UNKNOWN', 'NOT_SUPPORTED_LONG_ENOUGH']);
    expect(unknown.eligible).toBe(false);
  });

  it('R-CONV-SUPPORT: a convention longer than the allowed maximum is refused with the reason', () => {
    const op = association(['2023-2024', '2025-2026']);
    expect(checkConventionLength(op, CONVENTION_PARAMS, START, 4).ok).toBe(true);
    const tooLong = checkConventionLength(op, CONVENTION_PARAMS, START, 5);
    expect(tooLong).toMatchObject({
      ok: false,
      rejection: { code: 'CONVENTION_TOO_LONG', ruleId: 'R-CONV-SUPPORT', details: { requestedYears: 5, maxYears: 4 } },
    });
    expect(checkConventionLength(centreSocial('2026-01-01', '2034-12-31'), CONVENTION_PARAMS, START, 5).ok).toBe(true);
    expect(checkConventionLength(association([]), CONVENTION_PARAMS, START, 2)).toMatchObject({
      ok: false,
      rejection: { code: 'NOT_ELIGIBLE_FOR_MULTI_YEAR' },
    });
  });
});
