import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { fact, plannedFacts } from '../facts/testing/project-facts.fixtures.js';
import { evaluateCoordinator } from './coord.rule.js';

const withCoordinator = (level: number | null, experience: boolean | null) =>
  plannedFacts({
    coordinator: fact({ personId: 'c', levelYearsAfterBac: level, animationOrEducationExperience: experience }, 'evt-coord'),
  });

describe('R-ELIG-COORD', () => {
  it('R-ELIG-COORD: Bac+2 with experience in animation → met, citing the coordinator event', () => {
    const r = evaluateCoordinator(withCoordinator(2, true), AUDE_2026_2027);
    expect(r.status).toBe('met');
    expect(r.explanation.sourceEventIds).toEqual(['evt-coord']);
  });

  it('R-ELIG-COORD: Bac+1 → not met; no experience → not met', () => {
    expect(evaluateCoordinator(withCoordinator(1, true), AUDE_2026_2027).reasons).toEqual(['qualification Bac+1 below the required Bac+2']);
    expect(evaluateCoordinator(withCoordinator(3, false), AUDE_2026_2027).status).toBe('not_met');
  });

  it('R-ELIG-COORD: no coordinator named, or level not declared → unknown', () => {
    expect(evaluateCoordinator(plannedFacts({ coordinator: null }), AUDE_2026_2027).status).toBe('unknown');
    expect(evaluateCoordinator(withCoordinator(null, true), AUDE_2026_2027).status).toBe('unknown');
  });
});
