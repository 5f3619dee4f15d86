import { describe, it, expect } from '@jest/globals';
import { makeEvent } from '../events/catalogue.js';
import { d, paris } from '../testing/fixtures.js';
import {
  DECISION_AT,
  PROJECT,
  applicationContent,
  approvalTerms,
  approved,
  examinationOpened,
  filed,
  refused,
} from '../testing/project-fixtures.js';
import { specification } from '../testing/specification.js';
import type { DecisionTermsInput, ProjectCommand } from './project.commands.js';
import { projectDecider } from './project.decider.js';

// These specs are about the terms, with no envelope recorded; R-BUDGET-ENVELOPE has its own (committee-envelope.unit.spec.ts).
const withoutEnvelope: typeof projectDecider = {
  ...projectDecider,
  decide: (command, state, context, receivedAt) => projectDecider.decide(command, state, context ?? { envelope: null }, receivedAt),
};
const spec = specification(withoutEnvelope);
const underExamination = [filed(), examinationOpened()];

const decide = (decision: DecisionTermsInput): ProjectCommand => ({
  type: 'RecordCommitteeDecision',
  commandId: 'dec-cmd',
  occurredAt: DECISION_AT,
  data: { projectId: PROJECT.projectId, decisionId: 'dec-1', meetingDate: d('2026-10-05'), effectiveDate: d('2026-10-05'), decision },
});
const approve = (overrides: Partial<Extract<DecisionTermsInput, { outcome: 'approved' }>> = {}): ProjectCommand =>
  decide({
    outcome: 'approved',
    approvedCollectifs: 2,
    bonusesGranted: { enfants: { collectifs: 2 }, parents: null },
    forecastOperatingCost: 1_800_000,
    ...overrides,
  });

describe('committee decision', () => {
  it('approves a project under examination: collectifs, granted bonuses and forecast cost are recorded', () => {
    spec.given(underExamination).when(approve()).then([approved()]);
  });

  it('approves fewer collectifs than planned when it names them', () => {
    const [event] = spec
      .given(underExamination)
      .when(
        approve({ approvedCollectifs: 1, approvedCollectifRefs: ['c2'], bonusesGranted: { enfants: { collectifs: 1 }, parents: null } }),
      )
      .thenAccepted();
    expect(event.data).toMatchObject({ decision: { approvedCollectifs: 1, approvedCollectifRefs: ['c2'] } });
    spec
      .given(underExamination)
      .when(approve({ approvedCollectifs: 1 }))
      .thenRejected('INVALID_INPUT', 'R-INPUT');
  });

  it('refuses a project with its reasons', () => {
    spec
      .given(underExamination)
      .when(decide({ outcome: 'refused', reasons: [{ code: 'NO_PARENT_AXIS', ruleId: 'R-ELIG-AXES', text: 'no parent action planned' }] }))
      .then([refused()]);
  });

  it('R-LIFE: a decision on a file not under examination is rejected', () => {
    spec.given([filed()]).when(approve()).thenRejected('EXAMINATION_NOT_OPENED', 'R-LIFE');
  });

  it('R-LIFE-1: a decision on a file found not receivable is rejected', () => {
    const notReceivable = makeEvent(
      'ApplicationFoundNotReceivable',
      { ...PROJECT, reason: 'incomplete_file', ruleId: 'R-LIFE-1', explanation: 'budget missing', declaredOn: d('2026-08-20') },
      paris('2026-08-20'),
    );
    spec.given([filed(), notReceivable]).when(approve()).thenRejected('APPLICATION_NOT_RECEIVABLE', 'R-LIFE-1');
  });

  it('R-LIFE: deciding twice is rejected (a correction is recorded instead)', () => {
    spec
      .given([...underExamination, approved()])
      .when(approve())
      .thenRejected('DECISION_ALREADY_RECORDED', 'R-LIFE');
  });

  it('R-INPUT: approving more collectifs than the application plans is rejected', () => {
    const rejection = spec
      .given(underExamination)
      .when(approve({ approvedCollectifs: 3 }))
      .thenRejected('APPROVED_MORE_THAN_PLANNED', 'R-INPUT');
    expect(rejection.details).toMatchObject({ field: 'approvedCollectifs', approved: 3, planned: 2 });
  });

  it('R-PS-BONUS: granting a bonus parents that was not requested is rejected', () => {
    const rejection = spec
      .given(underExamination)
      .when(approve({ bonusesGranted: { enfants: { collectifs: 2 }, parents: { collectifs: 2 } } }))
      .thenRejected('BONUS_NOT_REQUESTED', 'R-PS-BONUS');
    expect(rejection.details.field).toBe('bonusesGranted.parents');
  });

  it('R-PS-BONUS: a bonus granted on more collectifs than approved is rejected', () => {
    spec
      .given(underExamination)
      .when(
        approve({ approvedCollectifs: 1, approvedCollectifRefs: ['c1'], bonusesGranted: { enfants: { collectifs: 2 }, parents: null } }),
      )
      .thenRejected('BONUS_ON_MORE_COLLECTIFS_THAN_APPROVED', 'R-PS-BONUS');
  });

  it('R-PS-BONUS: a bonus enfants requested with its fil rouge and a criterion can be granted', () => {
    const content = applicationContent({
      bonusRequests: {
        enfants: null,
        parents: { supportProject: 'monthly parents café', criteria: ['targeted_public'], justification: 'non-French-speaking families' },
      },
    });
    spec
      .given([filed(content), examinationOpened()])
      .when(approve({ bonusesGranted: { enfants: null, parents: { collectifs: 2 } } }))
      .thenAccepted();
    spec
      .given([filed(content), examinationOpened()])
      .when(approve())
      .thenRejected('BONUS_NOT_REQUESTED', 'R-PS-BONUS');
  });
});

describe('decision correction (worked example 3)', () => {
  const correct = (changes: Extract<ProjectCommand, { type: 'CorrectCommitteeDecision' }>['data']['changes']): ProjectCommand => ({
    type: 'CorrectCommitteeDecision',
    commandId: 'corr-1',
    occurredAt: paris('2026-11-10'),
    data: { projectId: PROJECT.projectId, decisionId: 'dec-1', reason: 'minutes misread: 3 collectifs were approved', changes },
  });
  const threePlanned = applicationContent({
    collectifs: [
      ...applicationContent().collectifs,
      {
        ref: 'c3',
        place: { name: 'Centre social Viguier', commune: 'Carcassonne' },
        level: 'primary',
        rural: false,
        disabilityNeeds: false,
        plannedChildren: 9,
      },
    ],
  });

  it('a correction recorded on 2026-11-10 takes effect from the decision date: its occurredAt is the decision’s', () => {
    const given = [filed(threePlanned), examinationOpened(), approved()];
    spec
      .given(given)
      .when(correct({ approvedCollectifs: 3 }))
      .then([
        makeEvent(
          'CommitteeDecisionCorrected',
          {
            ...PROJECT,
            decisionId: 'dec-1',
            effectiveDate: d('2026-10-05'),
            correctedOn: d('2026-11-10'),
            reason: 'minutes misread: 3 collectifs were approved',
            correctedFields: ['approvedCollectifs', 'approvedCollectifRefs'],
            corrected: approvalTerms({ approvedCollectifs: 3, approvedCollectifRefs: ['c1', 'c2', 'c3'] }),
          },
          DECISION_AT,
        ),
      ]);
  });

  it('the corrected figures obey the same rules: R-PS-BONUS still applies', () => {
    spec
      .given([filed(), examinationOpened(), approved()])
      .when(correct({ bonusesGranted: { enfants: { collectifs: 2 }, parents: { collectifs: 1 } } }))
      .thenRejected('BONUS_NOT_REQUESTED', 'R-PS-BONUS');
  });

  it('R-LIFE: there is nothing to correct before a decision, and a refusal is not corrected into figures', () => {
    spec
      .given([filed(), examinationOpened()])
      .when(correct({ forecastOperatingCost: 1_700_000 }))
      .thenRejected('NO_DECISION_TO_CORRECT', 'R-LIFE');
    spec
      .given([filed(), examinationOpened(), refused()])
      .when(correct({ forecastOperatingCost: 1_700_000 }))
      .thenRejected('REFUSAL_NOT_CORRECTABLE', 'R-LIFE');
  });

  it('after the correction the state holds the corrected terms', () => {
    const given = [filed(threePlanned), examinationOpened(), approved()];
    const [corrected] = spec
      .given(given)
      .when(correct({ approvedCollectifs: 3 }))
      .thenAccepted();
    const state = spec.given([...given, corrected]).state;
    expect(state.decision?.terms).toMatchObject({ outcome: 'approved', approvedCollectifs: 3 });
  });
});
