import { describe, expect, it } from '@jest/globals';
import { canContinue, type ConventionScope } from './can-continue.rule.js';
import { bilanPart, fullBilan, sy } from './testing/convention.fixtures.js';

const convention: ConventionScope = {
  conventionId: 'cof-1',
  projectIds: ['primary', 'college'],
  period: { firstYear: sy('2026-2027'), years: 3 },
};

describe('continuing a convention (R-CONV-2)', () => {
  it('R-CONV-2: the first year needs no bilan of its own; a year outside the period cannot go on', () => {
    expect(canContinue(convention, sy('2026-2027'), [])).toMatchObject({
      canContinue: true,
      previousYear: null,
      previousBilanReceived: null,
    });
    expect(canContinue(convention, sy('2029-2030'), [])).toMatchObject({ canContinue: false, reasons: [{ code: 'YEAR_NOT_COVERED' }] });
  });

  it('R-CONV-2: year 2 needs a compliant qualitative, quantitative and financial bilan of every project for year 1', () => {
    const primaryOnly = fullBilan('primary', '2026-2027', '2027-09-20', 'bp');
    const missing = canContinue(convention, sy('2027-2028'), primaryOnly);
    expect(missing).toMatchObject({ canContinue: false, previousYear: '2026-2027', previousBilanReceived: false });
    expect(missing.reasons).toEqual([
      expect.objectContaining({ code: 'PREVIOUS_BILAN_MISSING', details: expect.objectContaining({ projectId: 'college' }) }),
    ]);

    const bothCompliant = [...primaryOnly, ...fullBilan('college', '2026-2027', '2027-09-25', 'bc')];
    const ok = canContinue(convention, sy('2027-2028'), bothCompliant);
    expect(ok).toMatchObject({ canContinue: true, previousBilanReceived: true, reasons: [] });
    expect(ok.eventIds).toHaveLength(6);
  });

  it('R-CONV-2: a bilan received but not (yet) assessed compliant does not let the year go on', () => {
    const bilans = [
      ...fullBilan('primary', '2026-2027', '2027-09-20', 'bp'),
      bilanPart('college', '2026-2027', 'qualitative', 'compliant', '2027-09-21', 'q'),
      bilanPart('college', '2026-2027', 'quantitative', 'pending', '2027-09-21', 'n'),
      bilanPart('college', '2026-2027', 'financial', 'non_compliant', '2027-09-21', 'f'),
    ];
    const r = canContinue(convention, sy('2027-2028'), bilans);
    expect(r).toMatchObject({ canContinue: false, previousBilanReceived: true });
    expect(r.reasons).toEqual([
      expect.objectContaining({
        code: 'PREVIOUS_BILAN_NOT_COMPLIANT',
        details: { projectId: 'college', previousYear: '2026-2027', parts: { quantitative: 'pending', financial: 'non_compliant' } },
      }),
    ]);
    // A bilan of an earlier year does not stand in for the previous one.
    expect(canContinue(convention, sy('2028-2029'), bilans).canContinue).toBe(false);
  });
});
