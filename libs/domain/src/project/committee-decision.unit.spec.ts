import { describe, it, expect } from '@jest/globals';
import { makeEvent } from '../events/catalogue.js';
import { d, paris } from '../testing/fixtures.js';
import {
  DECISION_AT,
  MEETING_ID,
  PROJECT,
  heldMeeting,
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
const inMeeting = { meeting: heldMeeting(), envelope: null };
const underExamination = [filed(), examinationOpened()];

const decide = (decision: DecisionTermsInput): ProjectCommand => ({
  type: 'RecordCommitteeDecision',
  commandId: 'dec-cmd',
  occurredAt: DECISION_AT,
  data: { projectId: PROJECT.projectId, decisionId: 'dec-1', meetingId: MEETING_ID, effectiveDate: d('2026-10-05'), decision },
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
    spec.given(underExamination).when(approve(), inMeeting).then([approved()]);
  });

  it('approves fewer collectifs than planned when it names them', () => {
    const [event] = spec
      .given(underExamination)
      .when(
        approve({ approvedCollectifs: 1, approvedCollectifRefs: ['c2'], bonusesGranted: { enfants: { collectifs: 1 }, parents: null } }),
        inMeeting,
      )
      .thenAccepted();
    expect(event.data).toMatchObject({ decision: { approvedCollectifs: 1, approvedCollectifRefs: ['c2'] } });
    spec
      .given(underExamination)
      .when(approve({ approvedCollectifs: 1 }), inMeeting)
      .thenRejected('INVALID_INPUT', 'R-INPUT');
  });

  it('refuses a project with its reasons', () => {
    spec
      .given(underExamination)
      .when(
        decide({ outcome: 'refused', reasons: [{ code: 'NO_PARENT_AXIS', ruleId: 'R-ELIG-AXES', text: 'no parent action planned' }] }),
        inMeeting,
      )
      .then([refused()]);
  });

  it('R-LIFE: a decision on a file not under examination is rejected', () => {
    spec.given([filed()]).when(approve(), inMeeting).thenRejected('EXAMINATION_NOT_OPENED', 'R-LIFE');
  });

  it('R-LIFE-1: a decision on a file found not receivable is rejected', () => {
    const notReceivable = makeEvent(
      'ApplicationFoundNotReceivable',
      { ...PROJECT, reason: 'incomplete_file', ruleId: 'R-LIFE-1', explanation: 'budget missing', declaredOn: d('2026-08-20') },
      paris('2026-08-20'),
    );
    spec.given([filed(), notReceivable]).when(approve(), inMeeting).thenRejected('APPLICATION_NOT_RECEIVABLE', 'R-LIFE-1');
  });

  it('R-LIFE: deciding twice is rejected (a correction is recorded instead)', () => {
    spec
      .given([...underExamination, approved()])
      .when(approve(), inMeeting)
      .thenRejected('DECISION_ALREADY_RECORDED', 'R-LIFE');
  });

  it('R-INPUT: approving more collectifs than the application plans is rejected', () => {
    const rejection = spec
      .given(underExamination)
      .when(approve({ approvedCollectifs: 3 }), inMeeting)
      .thenRejected('APPROVED_MORE_THAN_PLANNED', 'R-INPUT');
    expect(rejection.details).toMatchObject({ field: 'approvedCollectifs', approved: 3, planned: 2 });
  });

  it('R-PS-BONUS: granting a bonus parents that was not requested is rejected', () => {
    const rejection = spec
      .given(underExamination)
      .when(approve({ bonusesGranted: { enfants: { collectifs: 2 }, parents: { collectifs: 2 } } }), inMeeting)
      .thenRejected('BONUS_NOT_REQUESTED', 'R-PS-BONUS');
    expect(rejection.details.field).toBe('bonusesGranted.parents');
  });

  it('R-PS-BONUS: a bonus granted on more collectifs than approved is rejected', () => {
    spec
      .given(underExamination)
      .when(
        approve({ approvedCollectifs: 1, approvedCollectifRefs: ['c1'], bonusesGranted: { enfants: { collectifs: 2 }, parents: null } }),
        inMeeting,
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
      .when(approve({ bonusesGranted: { enfants: null, parents: { collectifs: 2 } } }), inMeeting)
      .thenAccepted();
    spec
      .given([filed(content), examinationOpened()])
      .when(approve(), inMeeting)
      .thenRejected('BONUS_NOT_REQUESTED', 'R-PS-BONUS');
  });
});

describe('decisions taken in a committee meeting (R-COMMITTEE-MEETING)', () => {
  it('R-COMMITTEE-MEETING: the decision names its meeting and takes its date from it', () => {
    const [event] = spec.given(underExamination).when(approve(), inMeeting).thenAccepted();
    expect(event!.data).toMatchObject({ meetingId: MEETING_ID, meetingDate: '2026-10-05' });
  });

  it('R-COMMITTEE-MEETING: a meeting the project’s committee does not know is refused on meetingId, nothing recorded', () => {
    const rejection = spec
      .given(underExamination)
      .when(approve(), { meeting: null })
      .thenRejected('MEETING_UNKNOWN', 'R-COMMITTEE-MEETING');
    expect(rejection.details).toMatchObject({ field: 'meetingId', meetingId: MEETING_ID });
  });

  it('R-COMMITTEE-MEETING: a meeting of another Caf or school year is refused', () => {
    spec
      .given(underExamination)
      .when(approve(), { meeting: heldMeeting({ cafCode: '40' }) })
      .thenRejected('MEETING_OF_ANOTHER_COMMITTEE', 'R-COMMITTEE-MEETING');
    spec
      .given(underExamination)
      .when(approve(), { meeting: heldMeeting({ schoolYear: '2025-2026' as typeof PROJECT.schoolYear }) })
      .thenRejected('MEETING_OF_ANOTHER_COMMITTEE', 'R-COMMITTEE-MEETING');
  });

  it('R-COMMITTEE-MEETING: a meeting not yet held, or that did not examine the file, cannot carry its decision', () => {
    spec
      .given(underExamination)
      .when(approve(), { meeting: heldMeeting({ status: 'scheduled' }) })
      .thenRejected('MEETING_NOT_HELD', 'R-COMMITTEE-MEETING');
    spec
      .given(underExamination)
      .when(approve(), { meeting: heldMeeting({ agenda: ['prj-2'] }) })
      .thenRejected('PROJECT_NOT_ON_AGENDA', 'R-COMMITTEE-MEETING');
  });

  it('R-COMMITTEE-MEETING: a decision dated before its meeting is refused', () => {
    spec
      .given(underExamination)
      .when(approve(), { meeting: heldMeeting({ date: d('2026-10-06') }) })
      .thenRejected('DECISION_BEFORE_MEETING', 'R-COMMITTEE-MEETING');
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
