import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { actualFacts, collectif, fact, plannedFacts } from '../facts/testing/project-facts.fixtures.js';
import { evaluateEligibility } from './evaluate-eligibility.js';

describe('eligibility evaluation (all R-ELIG criteria, cumulative)', () => {
  it('R-ELIG: a complete Aude application is eligible on paper, every criterion reported', () => {
    const e = evaluateEligibility(plannedFacts(), AUDE_2026_2027);
    expect(e.verdict).toBe('eligible');
    expect(e.reasons).toEqual([]);
    expect(e.criteria.map((c) => c.criterion)).toEqual([
      'R-ELIG-PUBLIC',
      'R-ELIG-CHARTER',
      'R-ELIG-NOT-HOMEWORK',
      'R-ELIG-COLLECTIVE',
      'R-ELIG-STAFF',
      'R-ELIG-COORD',
      'R-ELIG-RHYTHM',
      'R-ELIG-AXES',
      'R-ELIG-COFUNDING',
      'R-ELIG-OPERATOR',
      'R-ELIG-NO-SPORT',
      'R-ELIG-TRAINING',
    ]);
    expect(e.explanation.children).toHaveLength(12);
  });

  it('R-ELIG: eligible on paper, short in practice — the actual facts say which criterion fails', () => {
    const e = evaluateEligibility(actualFacts({ collectifs: [collectif('A', 30), collectif('B', 30, 6)] }), AUDE_2026_2027);
    expect(e.basis).toBe('actual');
    expect(e.verdict).toBe('not_eligible');
    expect(e.reasons).toEqual([expect.stringMatching(/^R-ELIG-COLLECTIVE: collectif B: enrolment out of bounds in 30 week/)]);
  });

  it('R-ELIG: waived criteria count as met (rural, 6 children, 1 staff, 1 × 2 h)', () => {
    const facts = plannedFacts({
      rural: fact(true),
      collectifs: [fact({ label: 'A', plannedChildren: 6, plannedStaff: 1, includesChildNeedingReinforcedAttention: false })],
      rhythm: fact({ weeklySessionMinutes: [120], weeks: 30, oneOff: false }),
    });
    const e = evaluateEligibility(facts, AUDE_2026_2027);
    expect(e.verdict).toBe('eligible');
    expect(e.criteria.filter((c) => c.status === 'waived').map((c) => c.criterion)).toEqual([
      'R-ELIG-COLLECTIVE',
      'R-ELIG-STAFF',
      'R-ELIG-RHYTHM',
    ]);
  });

  it('R-ELIG: missing facts make the verdict incomplete, with the unknown criteria as reasons', () => {
    const e = evaluateEligibility(plannedFacts({ coordinator: null, cofunding: null }), AUDE_2026_2027);
    expect(e.verdict).toBe('incomplete');
    expect(e.reasons).toEqual(['R-ELIG-COORD: no coordinator named yet', 'R-ELIG-COFUNDING: budget not known yet']);
  });

  it('R-ELIG: a not-met criterion wins over unknown ones', () => {
    const e = evaluateEligibility(plannedFacts({ coordinator: null, activities: fact(['homework_help']) }), AUDE_2026_2027);
    expect(e.verdict).toBe('not_eligible');
    expect(e.reasons).toEqual(['R-ELIG-NOT-HOMEWORK: only homework help: no "pédagogie du détour" activity']);
  });
});
