import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { actualFacts, collectif, fact, plannedFacts } from '../facts/testing/project-facts.fixtures.js';
import { evaluateNotHomework } from './not-homework.rule.js';

describe('R-ELIG-NOT-HOMEWORK', () => {
  it('R-ELIG-NOT-HOMEWORK planned: homework help plus cultural activities (pédagogie du détour) → met', () => {
    expect(evaluateNotHomework(plannedFacts(), AUDE_2026_2027).status).toBe('met');
  });

  it('R-ELIG-NOT-HOMEWORK planned: only homework help → not met', () => {
    const r = evaluateNotHomework(plannedFacts({ activities: fact(['homework_help']) }), AUDE_2026_2027);
    expect(r.status).toBe('not_met');
  });

  it('R-ELIG-NOT-HOMEWORK actual: sessions that were only homework help → not met', () => {
    const a = collectif('A', 3);
    const homework = { ...a, sessions: a.sessions.map((s) => ({ ...s, activities: ['homework_help' as const] })) };
    expect(evaluateNotHomework(actualFacts({ collectifs: [homework] }), AUDE_2026_2027).status).toBe('not_met');
    expect(evaluateNotHomework(actualFacts(), AUDE_2026_2027).status).toBe('met');
  });

  it('R-ELIG-NOT-HOMEWORK actual: no session held yet → unknown', () => {
    expect(evaluateNotHomework(actualFacts({ collectifs: [] }), AUDE_2026_2027).status).toBe('unknown');
  });
});
