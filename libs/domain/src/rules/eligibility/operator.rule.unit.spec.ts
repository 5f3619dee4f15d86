import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { localDate } from '../../shared/calendar-date.js';
import { actualFacts, assignStaff, collectif, fact, plannedFacts } from '../facts/testing/project-facts.fixtures.js';
import { evaluateOperator } from './operator.rule.js';

describe('R-ELIG-OPERATOR', () => {
  it('R-ELIG-OPERATOR: insurance, laïcité charter and every criminal-record extract dated before asOf → met', () => {
    const r = evaluateOperator(plannedFacts(), AUDE_2026_2027);
    expect(r.status).toBe('met');
    expect(r.explanation.sourceEventIds).toEqual(['evt-insurance', 'evt-charter', 'evt-staff-1', 'evt-staff-2']);
  });

  it('R-ELIG-OPERATOR: no insurance and no charter → not met (missing declarations block approval)', () => {
    const r = evaluateOperator(plannedFacts({ operator: { insurance: null, laiciteCharterSignedOn: null } }), AUDE_2026_2027);
    expect(r.status).toBe('not_met');
    expect(r.reasons).toEqual(['no civil liability insurance declared', 'laïcité charter not signed']);
  });

  it('R-ELIG-OPERATOR: an expired insurance, or a declaration dated after asOf, does not count', () => {
    const expired = plannedFacts({
      operator: {
        ...plannedFacts().operator,
        insurance: fact({ declaredOn: localDate('2025-01-01'), validUntil: localDate('2026-06-30') }),
      },
    });
    expect(evaluateOperator(expired, AUDE_2026_2027).reasons).toEqual(['insurance expired on 2026-06-30']);
    const late = plannedFacts({ operator: { ...plannedFacts().operator, laiciteCharterSignedOn: fact(localDate('2026-09-01')) } });
    expect(evaluateOperator(late, AUDE_2026_2027).status).toBe('not_met');
  });

  it('R-ELIG-OPERATOR: a staff member without a criminal-record extract → not met', () => {
    const staff = [fact({ staffId: 'staff-9', isNew: true, criminalRecordCheckedOn: null, fondamentauxTrainingOn: null })];
    expect(evaluateOperator(plannedFacts({ staff }), AUDE_2026_2027).reasons).toEqual(['staff staff-9: no criminal-record extract']);
  });

  it('R-ELIG-OPERATOR actual: a staff member assigned to a collectif but never declared → not met', () => {
    const c = { ...collectif('A', 2), staffAssignments: assignStaff(['staff-1', 'staff-ghost']) };
    expect(evaluateOperator(actualFacts({ collectifs: [c] }), AUDE_2026_2027).reasons).toEqual([
      'staff staff-ghost: assigned to a collectif without any declaration',
    ]);
  });

  it('R-ELIG-OPERATOR: staff not known yet → unknown', () => {
    expect(evaluateOperator(plannedFacts({ staff: null }), AUDE_2026_2027).status).toBe('unknown');
  });
});
