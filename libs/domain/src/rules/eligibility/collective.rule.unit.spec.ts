import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { LANDES_2025_2026 } from '../../campaign/parameter-sets/landes-2025-2026.parameters.js';
import { actualFacts, collectif, enrolChildren, fact, plannedFacts } from '../facts/testing/project-facts.fixtures.js';
import { evaluateCollective } from './collective.rule.js';

const planned = (children: number, extra: { rural?: boolean; disability?: boolean } = {}) =>
  plannedFacts({
    rural: fact(extra.rural ?? false),
    collectifs: [
      fact({ label: 'A', plannedChildren: children, plannedStaff: 2, includesChildNeedingReinforcedAttention: extra.disability ?? false }),
    ],
  });

describe('R-ELIG-COLLECTIVE', () => {
  it('R-ELIG-COLLECTIVE: 8 and 12 children are within bounds, 13 never is (even rural)', () => {
    expect(evaluateCollective(planned(8), AUDE_2026_2027).status).toBe('met');
    expect(evaluateCollective(planned(12), AUDE_2026_2027).status).toBe('met');
    expect(evaluateCollective(planned(13, { rural: true }), AUDE_2026_2027).status).toBe('not_met');
  });

  it('R-ELIG-COLLECTIVE rural: 5 children accepted by exception → waived; 4 → not met', () => {
    const r = evaluateCollective(planned(5, { rural: true }), LANDES_2025_2026);
    expect(r.status).toBe('waived');
    expect(r.reasons[0]).toMatch(/rural exception/);
    expect(evaluateCollective(planned(4, { rural: true }), LANDES_2025_2026).status).toBe('not_met');
  });

  it('R-ELIG-COLLECTIVE disability (Aude): 5 children with a child needing reinforced attention → waived; not in Landes', () => {
    expect(evaluateCollective(planned(5, { disability: true }), AUDE_2026_2027).status).toBe('waived');
    expect(evaluateCollective(planned(5, { disability: true }), LANDES_2025_2026).status).toBe('not_met');
  });

  it('R-ELIG-COLLECTIVE actual: a collectif that ran with 7 children in an urban area → not met, weeks listed', () => {
    const r = evaluateCollective(actualFacts({ collectifs: [collectif('A', 3, 7)] }), AUDE_2026_2027);
    expect(r.status).toBe('not_met');
    expect(r.reasons[0]).toMatch(/collectif A: enrolment out of bounds in 3 week\(s\): 2026-11-09 \(7\)/);
    expect(r.explanation.sourceEventIds).toContain('enrol-A-1');
  });

  it('R-ELIG-COLLECTIVE actual: 10 children all year → met; no session yet → unknown', () => {
    expect(evaluateCollective(actualFacts(), AUDE_2026_2027).status).toBe('met');
    expect(evaluateCollective(actualFacts({ collectifs: [collectif('A', 0)] }), AUDE_2026_2027).status).toBe('unknown');
  });

  it('R-ELIG-COLLECTIVE actual rural: 6 children → waived', () => {
    const c = { ...collectif('A', 3, 6), rural: true, enrolments: enrolChildren(6, undefined, {}, 'A') };
    expect(evaluateCollective(actualFacts({ collectifs: [c] }), AUDE_2026_2027).status).toBe('waived');
  });
});
