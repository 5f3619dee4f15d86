import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { LANDES_2025_2026 } from '../../campaign/parameter-sets/landes-2025-2026.parameters.js';
import { localDate } from '../../shared/calendar-date.js';
import { actualFacts, fact, plannedFacts } from '../facts/testing/project-facts.fixtures.js';
import { evaluateTraining } from './training.rule.js';

describe('R-ELIG-TRAINING', () => {
  it('R-ELIG-TRAINING Aude planned: the operator commits to the "fondamentaux" module → met; refuses → not met', () => {
    expect(evaluateTraining(plannedFacts(), AUDE_2026_2027).status).toBe('met');
    expect(evaluateTraining(plannedFacts({ trainingCommitment: fact(false) }), AUDE_2026_2027).status).toBe('not_met');
  });

  it('R-ELIG-TRAINING Aude actual: a new staff member who has not attended → not met; experienced staff are not concerned', () => {
    const staff = [
      fact({ staffId: 'new-1', isNew: true, criminalRecordCheckedOn: localDate('2026-06-01'), fondamentauxTrainingOn: null }, 'evt-new-1'),
      fact({ staffId: 'old-1', isNew: false, criminalRecordCheckedOn: localDate('2026-06-01'), fondamentauxTrainingOn: null }, 'evt-old-1'),
    ];
    const r = evaluateTraining(actualFacts({ staff }), AUDE_2026_2027);
    expect(r.status).toBe('not_met');
    expect(r.reasons).toEqual(['new staff new-1 has not attended the "fondamentaux" module']);
    expect(evaluateTraining(actualFacts(), AUDE_2026_2027).status).toBe('met');
  });

  it('R-ELIG-TRAINING: a training dated after asOf has not happened yet', () => {
    const staff = [fact({ staffId: 'new-1', isNew: true, criminalRecordCheckedOn: null, fondamentauxTrainingOn: localDate('2027-09-01') })];
    expect(evaluateTraining(actualFacts({ staff }), AUDE_2026_2027).status).toBe('not_met');
  });

  it('R-ELIG-TRAINING Landes: not a rule of the campaign → met', () => {
    expect(evaluateTraining(plannedFacts({ trainingCommitment: fact(false) }), LANDES_2025_2026).status).toBe('met');
  });
});
