import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { LANDES_2025_2026 } from '../../campaign/parameter-sets/landes-2025-2026.parameters.js';
import { actualFacts, collectif, fact, plannedFacts } from '../facts/testing/project-facts.fixtures.js';
import { evaluateNoSport } from './no-sport.rule.js';

describe('R-ELIG-NO-SPORT', () => {
  it('R-ELIG-NO-SPORT Aude: a programme with sport → not met; without → met', () => {
    expect(evaluateNoSport(plannedFacts({ activities: fact(['cultural', 'sport']) }), AUDE_2026_2027).status).toBe('not_met');
    expect(evaluateNoSport(plannedFacts(), AUDE_2026_2027).status).toBe('met');
  });

  it('R-ELIG-NO-SPORT Landes: not a rule of the campaign → met whatever the programme', () => {
    const r = evaluateNoSport(plannedFacts({ activities: fact(['sport']) }), LANDES_2025_2026);
    expect(r.status).toBe('met');
    expect(r.reasons).toEqual(['not a rule of this campaign']);
  });

  it('R-ELIG-NO-SPORT actual: a held session with a sports activity → not met, dated', () => {
    const c = collectif('A', 2);
    const sessions = c.sessions.map((s, i) => (i === 1 ? { ...s, activities: ['sport' as const] } : s));
    const r = evaluateNoSport(actualFacts({ collectifs: [{ ...c, sessions }] }), AUDE_2026_2027);
    expect(r.status).toBe('not_met');
    expect(r.reasons).toEqual(['session of 2026-11-11 had a physical or sports activity']);
    expect(r.explanation.sourceEventIds).toEqual(['A-0-1']);
  });
});
