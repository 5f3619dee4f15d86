import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { LANDES_2025_2026 } from '../../campaign/parameter-sets/landes-2025-2026.parameters.js';
import { localDate } from '../../shared/calendar-date.js';
import { actualFacts, collectif, fact, plannedFacts } from '../facts/testing/project-facts.fixtures.js';
import { evaluateRhythm } from './rhythm.rule.js';

const plan = (minutes: number[], weeks: number, rural = false, oneOff = false) =>
  plannedFacts({ rural: fact(rural), rhythm: fact({ weeklySessionMinutes: minutes, weeks, oneOff }) });

describe('R-ELIG-RHYTHM', () => {
  it('R-ELIG-RHYTHM: 2 × 90 min over 27 weeks → met; over 26 weeks → not met', () => {
    expect(evaluateRhythm(plan([90, 90], 27), AUDE_2026_2027).status).toBe('met');
    expect(evaluateRhythm(plan([90, 90], 26), AUDE_2026_2027).reasons).toEqual(['26 weeks planned, at least 27 required']);
  });

  it('R-ELIG-RHYTHM rural: 1 × 120 min a week → waived; urban → not met', () => {
    expect(evaluateRhythm(plan([120], 30, true), AUDE_2026_2027).status).toBe('waived');
    expect(evaluateRhythm(plan([120], 30, false), AUDE_2026_2027).status).toBe('not_met');
  });

  it('R-ELIG-RHYTHM Landes 2025-2026: 2 × 60 min over 28 weeks is met there, 27 weeks is not', () => {
    const landes = (weeks: number) => ({ ...plan([60, 60], weeks), schoolYear: LANDES_2025_2026.schoolYear });
    expect(evaluateRhythm(landes(28), LANDES_2025_2026).status).toBe('met');
    expect(evaluateRhythm(landes(27), LANDES_2025_2026).status).toBe('not_met');
  });

  it('R-ELIG-RHYTHM: a one-off action is never eligible', () => {
    const r = evaluateRhythm(plan([180, 180], 30, false, true), AUDE_2026_2027);
    expect(r.status).toBe('not_met');
    expect(r.reasons).toContain('a one-off action is never eligible');
  });

  it('R-ELIG-RHYTHM actual: 30 weeks at the rhythm → met; 20 weeks by the end of the year → not met', () => {
    expect(evaluateRhythm(actualFacts(), AUDE_2026_2027).status).toBe('met');
    const r = evaluateRhythm(actualFacts({ asOf: localDate('2027-08-31'), collectifs: [collectif('A', 20)] }), AUDE_2026_2027);
    expect(r.status).toBe('not_met');
    expect(r.reasons).toEqual(['collectif A: 20 weeks at the rhythm, 27 required']);
  });

  it('R-ELIG-RHYTHM actual: 10 weeks in by January with the year still open → unknown, not yet not met', () => {
    const r = evaluateRhythm(actualFacts({ asOf: localDate('2027-01-20'), collectifs: [collectif('A', 10)] }), AUDE_2026_2027);
    expect(r.status).toBe('unknown');
    expect(r.reasons[0]).toMatch(/10 of 27 weeks so far/);
  });

  it('R-ELIG-RHYTHM actual rural: weeks of one 2-hour session → waived', () => {
    const c = { ...collectif('A', 28, 6, [120]), rural: true };
    expect(evaluateRhythm(actualFacts({ collectifs: [c] }), AUDE_2026_2027).status).toBe('waived');
  });
});
