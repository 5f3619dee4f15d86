import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { localDate } from '../../shared/calendar-date.js';
import { AXIS_OBJECTIVES } from '../facts/objectives.js';
import { actualFacts, fact, plannedFacts } from '../facts/testing/project-facts.fixtures.js';
import { evaluateAxes } from './axes.rule.js';

describe('R-ELIG-AXES', () => {
  it('R-ELIG-AXES: all 14 objectives of the four axes described → met, citing each objective event', () => {
    const r = evaluateAxes(plannedFacts(), AUDE_2026_2027);
    expect(AXIS_OBJECTIVES).toHaveLength(14);
    expect(r.status).toBe('met');
    expect(r.explanation.sourceEventIds).toHaveLength(14);
  });

  it('R-ELIG-AXES: P3 missing and S3 blank → not met, per axis', () => {
    const objectives = { ...plannedFacts().objectives, S3: fact('  ') };
    delete objectives.P3;
    const r = evaluateAxes(plannedFacts({ objectives }), AUDE_2026_2027);
    expect(r.status).toBe('not_met');
    expect(r.reasons).toEqual(['axis parents: objective(s) P3 not described', 'axis school: objective(s) S3 not described']);
    expect(r.explanation.inputs).toMatchObject({
      missing: ['P3', 'S3'],
      axes: { children: true, parents: false, school: false, territory: true },
    });
  });

  it('R-ELIG-AXES actual: an objective not carried out yet is unknown during the year, not met once it is over', () => {
    const objectives = { ...plannedFacts().objectives };
    delete objectives.T1;
    expect(evaluateAxes(actualFacts({ objectives, asOf: localDate('2027-03-01') }), AUDE_2026_2027).status).toBe('unknown');
    expect(evaluateAxes(actualFacts({ objectives, asOf: localDate('2027-08-31') }), AUDE_2026_2027).status).toBe('not_met');
  });
});
