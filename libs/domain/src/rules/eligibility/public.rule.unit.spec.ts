import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { actualFacts, fact, plannedFacts } from '../facts/testing/project-facts.fixtures.js';
import { evaluatePublic } from './public.rule.js';

describe('R-ELIG-PUBLIC', () => {
  it('R-ELIG-PUBLIC planned: CP–CE2, oriented with the school and the parents, orientation recorded → met, with the application event', () => {
    const r = evaluatePublic(plannedFacts(), AUDE_2026_2027);
    expect(r).toMatchObject({ criterion: 'R-ELIG-PUBLIC', status: 'met', reasons: [] });
    expect(r.explanation.sourceEventIds).toEqual(['evt-application']);
  });

  it('R-ELIG-PUBLIC planned: a maternelle level and no parental agreement → not met, both said', () => {
    const r = evaluatePublic(
      plannedFacts({
        targetPublic: fact({
          schoolLevels: ['GS', 'CP'],
          orientedWithParentsAgreement: false,
          needIdentifiedWithSchool: true,
          orientationRecorded: true,
        }),
      }),
      AUDE_2026_2027,
    );
    expect(r.status).toBe('not_met');
    expect(r.reasons).toEqual(['levels outside CP..Terminale: GS', "children are not oriented with the parents' agreement"]);
  });

  it('R-ELIG-PUBLIC planned: no description yet → unknown', () => {
    expect(evaluatePublic(plannedFacts({ targetPublic: null }), AUDE_2026_2027).status).toBe('unknown');
  });

  it('R-ELIG-PUBLIC actual: a child whose orienting person is not recorded → not met, naming the child id only', () => {
    const facts = actualFacts();
    const children = [
      ...facts.children,
      fact({ childId: 'child-x', schoolLevel: 'CM1', orientedBy: null, parentalConsent: true }, 'evt-child-x'),
    ];
    const r = evaluatePublic({ ...facts, children }, AUDE_2026_2027);
    expect(r.status).toBe('not_met');
    expect(r.reasons).toEqual(['child child-x: who oriented the child is not recorded']);
    expect(r.explanation.sourceEventIds).toContain('evt-child-x');
  });

  it('R-ELIG-PUBLIC actual: all children in range, oriented, with consent → met; none enrolled → unknown', () => {
    expect(evaluatePublic(actualFacts(), AUDE_2026_2027).status).toBe('met');
    expect(evaluatePublic(actualFacts({ children: [] }), AUDE_2026_2027).status).toBe('unknown');
  });
});
