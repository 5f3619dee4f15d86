import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { actualFacts, assignStaff, collectif, fact, plannedFacts } from '../facts/testing/project-facts.fixtures.js';
import { evaluateStaff } from './staff.rule.js';

const planned = (children: number, staff: number, rural: boolean) =>
  plannedFacts({
    rural: fact(rural),
    collectifs: [fact({ label: 'A', plannedChildren: children, plannedStaff: staff, includesChildNeedingReinforcedAttention: false })],
  });

describe('R-ELIG-STAFF', () => {
  it('R-ELIG-STAFF: 2 staff per collectif → met; 1 for 10 urban children → not met', () => {
    expect(evaluateStaff(planned(10, 2, false), AUDE_2026_2027).status).toBe('met');
    expect(evaluateStaff(planned(10, 1, false), AUDE_2026_2027).status).toBe('not_met');
  });

  it('R-ELIG-STAFF rural: 1 staff for fewer than 8 children → waived; for 8 children → not met', () => {
    expect(evaluateStaff(planned(6, 1, true), AUDE_2026_2027).status).toBe('waived');
    expect(evaluateStaff(planned(8, 1, true), AUDE_2026_2027).status).toBe('not_met');
  });

  it('R-ELIG-STAFF actual: a staff member leaving mid-year leaves later sessions under-staffed → not met', () => {
    const c = collectif('A', 4);
    const staffAssignments = [
      ...assignStaff(['staff-1']),
      { staffId: 'staff-2', from: c.sessions[0].date, to: c.sessions[3].date, eventIds: ['assign-2'] },
    ];
    const r = evaluateStaff(actualFacts({ collectifs: [{ ...c, staffAssignments }] }), AUDE_2026_2027);
    expect(r.status).toBe('not_met');
    expect(r.reasons[0]).toMatch(/^collectif A: under-staffed on 2026-11-23 \(1\)/);
  });

  it('R-ELIG-STAFF actual: 2 staff on every session → met; no session → unknown', () => {
    expect(evaluateStaff(actualFacts(), AUDE_2026_2027).status).toBe('met');
    expect(evaluateStaff(actualFacts({ collectifs: [] }), AUDE_2026_2027).status).toBe('unknown');
  });
});
