import { AUDE_2026_2027, makeEvent } from '@clas/domain';
import {
  Script,
  applicationContent,
  applicationFiled,
  approval,
  campaignOpened,
  d,
  decisionCorrected,
  decisionRecorded,
  examinationOpened,
  operatorEvents,
  paris,
  seasonProject,
} from './scenario.fixtures.js';

export const ENVELOPE_P1 = seasonProject('p1', 'op1');
export const ENVELOPE_P2 = seasonProject('p2', 'op2');

/**
 * R-BUDGET-ENVELOPE, Aude 2026-2027, in recorded order (the integration specs append it to a
 * store): an envelope of 10 000 €; p1 approved (6 293,80 €), p2 approved beyond the envelope
 * with an override (6 293,80 € more, 2 587,60 € over); an advance of 3 000 € to p1; then,
 * recorded on 1 and 5 December, a supplementary 3 000 € and a correction of p1's cost
 * (18 000 € → 14 000 €: 2 × 2 275 € + 2 × 335 € = 5 220 €).
 */
export function envelopeSeason() {
  const [p1, p2] = [ENVELOPE_P1, ENVELOPE_P2];
  const ref = { cafCode: p1.cafCode, schoolYear: p1.schoolYear };
  const script = new Script();
  script.add(campaignOpened(AUDE_2026_2027, '2026-03-01'));
  for (const p of [p1, p2]) for (const e of operatorEvents(p.operatorId, p.cafCode, '2026-03-10')) script.add(e);
  script.add(applicationFiled(p1, applicationContent(), '2026-06-20'));
  script.add(applicationFiled(p2, applicationContent(), '2026-06-21'));
  for (const p of [p1, p2]) script.add(examinationOpened(p, '2026-09-01'));
  const setId = script.add(makeEvent('BudgetEnvelopeSet', { ...ref, amount: 1_000_000, setOn: d('2026-09-15') }, paris('2026-09-15')));
  script.add(decisionRecorded(p1, approval(), '2026-10-05'));
  const overrideId = script.add(
    makeEvent(
      'CommitteeDecisionRecorded',
      {
        ...p2,
        decisionId: 'dec-p2',
        meetingId: 'cttee-2026-10-05',
        meetingDate: d('2026-10-05'),
        effectiveDate: d('2026-10-05'),
        decision: approval(),
        envelopeOverride: { reason: 'QPV prioritaire', envelope: 1_000_000, committed: 629_380, thisDecision: 629_380, excess: 258_760 },
      },
      paris('2026-10-05', '15:00'),
    ),
  );
  script.add(
    makeEvent(
      'AdvancePaid',
      { ...p1, paymentId: 'adv-1', decisionId: 'dec-p1', amount: 300_000, paidOn: d('2026-11-15') },
      paris('2026-11-15'),
    ),
  );
  const amendedId = script.add(
    makeEvent(
      'BudgetEnvelopeAmended',
      {
        ...ref,
        previousAmount: 1_000_000,
        amount: 1_300_000,
        delta: 300_000,
        reason: 'dotation complémentaire',
        amendedOn: d('2026-12-01'),
      },
      paris('2026-12-01'),
    ),
  );
  const correctionId = script.add(
    decisionCorrected(p1, approval({ forecastOperatingCost: 1_400_000 }), paris('2026-10-05', '14:00'), '2026-12-05'),
    paris('2026-12-05'),
  );
  return { script, setId, overrideId, amendedId, correctionId };
}
