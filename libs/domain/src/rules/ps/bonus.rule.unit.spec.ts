import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { sourced } from '../facts/sourced.js';
import { bonusLine, checkBonusRequest } from './bonus.rule.js';

describe('bonuses (R-PS-BONUS)', () => {
  it('R-PS-BONUS: a fixed amount per collectif it is granted on (Aude 335 €)', () => {
    expect(bonusLine('enfants', 3, AUDE_2026_2027).amount).toBe(100_500);
    expect(bonusLine('parents', 0, AUDE_2026_2027).amount).toBe(0);
  });

  it('R-PS-BONUS enfants: fil rouge AND paid external speakers → meets the criteria', () => {
    const r = checkBonusRequest({
      kind: 'enfants',
      structuredProjectOverYear: sourced(true, ['e1']),
      criteria: sourced(['paid_external_speakers'], ['e2']),
    });
    expect(r.meetsCriteria).toBe(true);
    expect(r.criteriaMet).toEqual(['paid_external_speakers']);
    expect(r.explanation.sourceEventIds).toEqual(['e1', 'e2']);
  });

  it('R-PS-BONUS enfants: equipment without a fil rouge → refused with the reason', () => {
    const r = checkBonusRequest({
      kind: 'enfants',
      structuredProjectOverYear: sourced(false),
      criteria: sourced(['educational_equipment']),
    });
    expect(r.meetsCriteria).toBe(false);
    expect(r.reasons).toEqual([expect.stringMatching(/fil rouge/)]);
  });

  it('R-PS-BONUS parents: a parent-support project but no criterion → refused', () => {
    const r = checkBonusRequest({ kind: 'parents', parentSupportProjectOverYear: sourced(true), criteria: sourced([]) });
    expect(r.meetsCriteria).toBe(false);
    expect(r.reasons[0]).toMatch(/specific_parent_actions, paid_external_speakers, targeted_public/);
  });

  it('R-PS-BONUS parents: project AND targeted public (allophone, illettrisme, AEF, gens du voyage) → meets', () => {
    expect(
      checkBonusRequest({ kind: 'parents', parentSupportProjectOverYear: sourced(true), criteria: sourced(['targeted_public']) })
        .meetsCriteria,
    ).toBe(true);
  });
});
