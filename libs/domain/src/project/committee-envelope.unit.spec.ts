import { describe, expect, it } from '@jest/globals';
import { audeCampaign, d, paris } from '../testing/fixtures.js';
import {
  DECISION_AT,
  MEETING_ID,
  PROJECT,
  heldMeeting,
  applicationContent,
  approved,
  approvalTerms,
  examinationOpened,
  filed,
} from '../testing/project-fixtures.js';
import { specification } from '../testing/specification.js';
import type { ProjectCommand } from './project.commands.js';
import type { DecisionMeetingFacts, EnvelopeContext } from './project.context.js';
import { projectDecider } from './project.decider.js';

const spec = specification(projectDecider);
const underExamination = [filed(), examinationOpened()];

/**
 * The default approval (2 collectifs on 18 000 €, bonus enfants on 2) commits, by R-PS-FORMULA…R-PS-80:
 * 2 × round(32,5 % × 8 652 €) = 2 × 2 811,90 € + 2 × 335 € = 6 293,80 €.
 */
const COMMITMENT = 629_380;
const envelope = (amount: number, committedByOthers: number): { envelope: EnvelopeContext; meeting: DecisionMeetingFacts } => ({
  meeting: heldMeeting(),
  envelope: { envelope: amount, parameters: audeCampaign(), committedByOthers },
});

const approve = (envelopeOverride?: { reason: string }): ProjectCommand => ({
  type: 'RecordCommitteeDecision',
  commandId: 'dec-cmd',
  occurredAt: DECISION_AT,
  data: {
    projectId: PROJECT.projectId,
    decisionId: 'dec-1',
    meetingId: MEETING_ID,
    effectiveDate: d('2026-10-05'),
    decision: {
      outcome: 'approved',
      approvedCollectifs: 2,
      bonusesGranted: { enfants: { collectifs: 2 }, parents: null },
      forecastOperatingCost: 1_800_000,
    },
    ...(envelopeOverride ? { envelopeOverride } : {}),
  },
});

const correct = (forecastOperatingCost: number, envelopeOverride?: { reason: string }): ProjectCommand => ({
  type: 'CorrectCommitteeDecision',
  commandId: 'corr-1',
  occurredAt: paris('2026-11-10'),
  data: {
    projectId: PROJECT.projectId,
    decisionId: 'dec-1',
    reason: 'minutes misread',
    changes: { forecastOperatingCost },
    ...(envelopeOverride ? { envelopeOverride } : {}),
  },
});

describe('R-BUDGET-ENVELOPE: committee decisions within the Caf envelope', () => {
  it('R-BUDGET-ENVELOPE: an approval within the envelope is recorded without any override', () => {
    const [event] = spec.given(underExamination).when(approve(), envelope(1_000_000, 370_620)).thenAccepted();
    expect(event.data).not.toHaveProperty('envelopeOverride');
  });

  it('R-BUDGET-ENVELOPE: an approval beyond the envelope is rejected with the envelope, what is committed, this decision and the excess', () => {
    const rejection = spec
      .given(underExamination)
      .when(approve(), envelope(1_000_000, 500_000))
      .thenRejected('BUDGET_ENVELOPE_EXCEEDED', 'R-BUDGET-ENVELOPE');
    expect(rejection.details).toEqual({ envelope: 1_000_000, committed: 500_000, thisDecision: COMMITMENT, excess: 129_380 });
  });

  it('R-BUDGET-ENVELOPE: with an explicit override the approval is recorded, the reason and the figures of the moment in the event', () => {
    const [event] = spec
      .given(underExamination)
      .when(approve({ reason: 'QPV prioritaire, dotation complémentaire demandée' }), envelope(1_000_000, 500_000))
      .thenAccepted();
    expect(event.data).toMatchObject({
      decision: approvalTerms(),
      envelopeOverride: {
        reason: 'QPV prioritaire, dotation complémentaire demandée',
        envelope: 1_000_000,
        committed: 500_000,
        thisDecision: COMMITMENT,
        excess: 129_380,
      },
    });
  });

  it('R-BUDGET-ENVELOPE: local Caf funds of the application commit the envelope too', () => {
    const withLocalFunds = applicationContent({ budget: { ...applicationContent().budget, otherCafFunding: 100_000 } });
    // 6 293,80 € fits 6 300 € alone, not with 1 000 € of local funds.
    spec.given([filed(), examinationOpened()]).when(approve(), envelope(630_000, 0)).thenAccepted();
    const rejection = spec
      .given([filed(withLocalFunds), examinationOpened()])
      .when(approve(), envelope(630_000, 0))
      .thenRejected('BUDGET_ENVELOPE_EXCEEDED', 'R-BUDGET-ENVELOPE');
    expect(rejection.details).toMatchObject({ thisDecision: COMMITMENT + 100_000, excess: 99_380 });
  });

  it('R-BUDGET-ENVELOPE: no envelope recorded → no check; an override then has nothing to override', () => {
    spec.given(underExamination).when(approve(), { envelope: null, meeting: heldMeeting() }).thenAccepted();
    spec
      .given(underExamination)
      .when(approve({ reason: 'just in case' }), { envelope: null, meeting: heldMeeting() })
      .thenRejected('ENVELOPE_OVERRIDE_NOT_NEEDED', 'R-BUDGET-ENVELOPE');
    spec
      .given(underExamination)
      .when(approve({ reason: 'just in case' }), envelope(10_000_000, 0))
      .thenRejected('ENVELOPE_OVERRIDE_NOT_NEEDED', 'R-BUDGET-ENVELOPE');
  });

  it('R-BUDGET-ENVELOPE: an approval needs the envelope from its caller (a wiring bug otherwise, not a business answer)', () => {
    expect(() => spec.given(underExamination).when(approve(), { meeting: heldMeeting() })).toThrow('context.envelope must be provided');
  });

  it('R-BUDGET-ENVELOPE: a correction raising the commitment beyond the envelope is rejected, or recorded with its override', () => {
    const decided = [...underExamination, approved()];
    // 20 000 € → 10 000 € per collectif, still capped at 8 652 €: raising the cost raises nothing.
    spec.given(decided).when(correct(2_000_000), envelope(COMMITMENT, 0)).thenAccepted();
    // 14 000 € → 7 000 € per collectif: the PS falls; lowering is always possible, even when over the envelope.
    const lowered = spec.given(decided).when(correct(1_400_000), envelope(0, 0)).thenAccepted();
    // Back up from 14 000 € to 18 000 €: the commitment rises again, and 6 000 € are left.
    const rejection = spec
      .given([...decided, ...lowered])
      .when(correct(1_800_000), envelope(600_000, 0))
      .thenRejected('BUDGET_ENVELOPE_EXCEEDED', 'R-BUDGET-ENVELOPE');
    expect(rejection.details).toEqual({ envelope: 600_000, committed: 0, thisDecision: COMMITMENT, excess: 29_380 });
    const [event] = spec
      .given([...decided, ...lowered])
      .when(correct(1_800_000, { reason: 'erreur de saisie du coût retenu' }), envelope(600_000, 0))
      .thenAccepted();
    expect(event.data).toMatchObject({ envelopeOverride: { reason: 'erreur de saisie du coût retenu', excess: 29_380 } });
  });
});
