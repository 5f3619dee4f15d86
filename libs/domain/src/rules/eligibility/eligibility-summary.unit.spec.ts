import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { actualFacts, collectif, fact, plannedFacts } from '../facts/testing/project-facts.fixtures.js';
import { eligibilityAnswerSummary, eligibilitySummary } from './eligibility-summary.js';
import { evaluateEligibility } from './evaluate-eligibility.js';

describe('eligibilitySummary: the verdict and each criterion in French, from the explanation (R-ELIG)', () => {
  it('R-ELIG: a complete Aude application — eligible, every criterion met', () => {
    expect(evaluateEligibility(plannedFacts(), AUDE_2026_2027).summary).toBe(
      'Éligibilité sur le projet déposé : éligible ; 12 critères remplis sur 12',
    );
  });

  it('R-ELIG-COLLECTIVE R-ELIG-STAFF R-ELIG-RHYTHM: the rural exceptions are named as waived and count as met', () => {
    const facts = plannedFacts({
      rural: fact(true),
      collectifs: [fact({ label: 'A', plannedChildren: 6, plannedStaff: 1, includesChildNeedingReinforcedAttention: false })],
      rhythm: fact({ weeklySessionMinutes: [120], weeks: 30, oneOff: false }),
    });
    expect(evaluateEligibility(facts, AUDE_2026_2027).summary).toBe(
      'Éligibilité sur le projet déposé : éligible ; par dérogation : taille des collectifs (R-ELIG-COLLECTIVE), ' +
        'encadrement (R-ELIG-STAFF), rythme des séances (R-ELIG-RHYTHM) ; 12 critères remplis sur 12',
    );
  });

  it('R-ELIG-COORD R-ELIG-COFUNDING: missing facts — incomplete, the criteria to establish named', () => {
    expect(evaluateEligibility(plannedFacts({ coordinator: null, cofunding: null }), AUDE_2026_2027).summary).toBe(
      'Éligibilité sur le projet déposé : dossier incomplet ; à établir : coordinateur (R-ELIG-COORD), cofinancement (R-ELIG-COFUNDING) ; ' +
        '10 critères remplis sur 12',
    );
  });

  it('R-ELIG-COLLECTIVE: eligible on paper, short in practice — not eligible on what happened', () => {
    const e = evaluateEligibility(actualFacts({ collectifs: [collectif('A', 30), collectif('B', 30, 6)] }), AUDE_2026_2027);
    expect(e.summary).toMatch(/^Éligibilité sur le réalisé : non éligible ; non remplis : taille des collectifs \(R-ELIG-COLLECTIVE\)/);
  });

  it('R-ELIG: the text reads the tree — a verdict changed in the explanation is the verdict it says', () => {
    const { explanation } = evaluateEligibility(plannedFacts(), AUDE_2026_2027);
    const altered = { ...explanation, output: { ...(explanation.output as Record<string, unknown>), verdict: 'not_eligible' } };
    expect(eligibilitySummary(altered)).toMatch(/^Éligibilité sur le projet déposé : non éligible ;/);
  });

  it('R-ELIG: the whole answer — planned then actual, or why nothing was evaluated', () => {
    expect(eligibilityAnswerSummary({ summary: 'A' }, { summary: 'B' })).toBe('A. B');
    expect(eligibilityAnswerSummary(null, null)).toBe("Éligibilité non évaluée : la campagne n'a pas de paramètres à cette date");
  });
});
