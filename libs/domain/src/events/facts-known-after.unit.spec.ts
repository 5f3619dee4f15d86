import { describe, expect, it } from '@jest/globals';
import type { CollectifCommand } from '../collectif/collectif.commands.js';
import type { CommitteeCommand } from '../committee/committee.commands.js';
import { committeeDecider } from '../committee/committee.decider.js';
import { collectifDecider } from '../collectif/collectif.decider.js';
import type { OperatorCommand } from '../operator/operator.commands.js';
import { operatorDecider } from '../operator/operator.decider.js';
import type { ProjectCommand } from '../project/project.commands.js';
import { projectDecider } from '../project/project.decider.js';
import type { BilanFiledData } from './project.events.js';
import type { Instant } from '../shared/calendar-date.js';
import type { Decision } from '../shared/result.js';
import { COLLECTIF, childEnrolled, collectifOpened, sessionHeld } from '../testing/collectif-fixtures.js';
import { audeCampaign, d, operatorRegistered, paris } from '../testing/fixtures.js';
import {
  DECISION_AT,
  MEETING_ID,
  PROJECT,
  DOCUMENT_HASH,
  heldMeeting,
  advancePaid,
  agreementSigned,
  applicationContent,
  approved,
  approvedProject,
  bilanFiled,
  bilanValidated,
  drafted,
  examinationOpened,
  filed,
} from '../testing/project-fixtures.js';
import { specification } from '../testing/specification.js';
import type { ClasEvent, ClasEventType } from './catalogue.js';
import { FACTS_KNOWN_AFTER_THEY_HAPPEN } from './facts-known-after.js';

const project = specification(projectDecider);
const committee = specification(committeeDecider);
const committeeCommand = (type: CommitteeCommand['type'], occurredAt: Instant, data: object): CommitteeCommand =>
  ({
    type,
    commandId: `${type}-1`,
    occurredAt,
    data: { cafCode: PROJECT.cafCode, schoolYear: PROJECT.schoolYear, ...data },
  }) as CommitteeCommand;
const members = [{ institution: 'caf' }, { institution: 'dsden' }];
const meetingHeld = committee
  .given([])
  .when(
    committeeCommand('HoldCommitteeMeeting', paris('2026-10-05', '09:00'), {
      meetingId: MEETING_ID,
      date: d('2026-10-05'),
      members,
      agenda: [PROJECT.projectId],
    }),
    {
      agendaProjects: { [PROJECT.projectId]: { cafCode: PROJECT.cafCode, schoolYear: PROJECT.schoolYear } },
    },
  )
  .thenAccepted();
const collectif = specification(collectifDecider);
const operator = specification(operatorDecider);
const campaign = { campaign: audeCampaign() };
const { projectId } = PROJECT;
const { collectifId } = COLLECTIF;

const projectCommand = (type: ProjectCommand['type'], occurredAt: Instant, data: object): ProjectCommand =>
  ({ type, commandId: `${type}-1`, occurredAt, data }) as ProjectCommand;
const collectifCommand = (type: CollectifCommand['type'], occurredAt: Instant, data: object): CollectifCommand =>
  ({ type, commandId: `${type}-1`, occurredAt, data: { collectifId, ...data } }) as CollectifCommand;

const assignStaff = (occurredAt: Instant, data: object): CollectifCommand =>
  collectifCommand('AssignStaff', occurredAt, {
    staffId: 'st-1',
    status: 'professional',
    criminalRecordCheckDate: d('2026-09-20'),
    trainingAttendedDate: null,
    isNew: false,
    assignedOn: d('2026-10-12'),
    ...data,
  });
const staffAssigned = collectif
  .given([collectifOpened()])
  .when(assignStaff(paris('2026-10-01'), { assignedOn: d('2026-10-01') }), campaign)
  .thenAccepted();
const attendance = (occurredAt: Instant, type: 'RecordAttendance' | 'CorrectAttendance' = 'RecordAttendance') =>
  collectifCommand(type, occurredAt, {
    sessionId: 's-1',
    entries: [{ childId: 'child-1', status: 'present' }],
    ...(type === 'CorrectAttendance' ? { reason: 'sheet misread' } : {}),
  });
const withSession = [collectifOpened(), childEnrolled('child-1'), sessionHeld('s-1')];
const attendanceRecorded = collectif
  .given(withSession)
  .when(attendance(paris('2026-11-03', '19:00')))
  .thenAccepted();
const bilan = bilanFiled().data as BilanFiledData;
const settled = [...approvedProject(), advancePaid(), agreementSigned(), bilanFiled(), bilanValidated()];

/**
 * One case per fact of FACTS_KNOWN_AFTER_THEY_HAPPEN: the command recording it, and the moment it
 * happened (the start of its Paris day for a fact dated to the day). Received 1 ms earlier, it is
 * refused naming `field`; received at that moment, it is recorded.
 */
interface FactCase {
  event: ClasEventType;
  field: string;
  happened: Instant;
  decide(receivedAt: Instant): Decision<ClasEvent>;
}

const cases: FactCase[] = [
  {
    event: 'OperatorDeclarationRecorded',
    field: 'occurredAt',
    happened: paris('2026-03-10'),
    decide: (at) =>
      operator
        .given([operatorRegistered()])
        .receivedAt(at)
        .when({
          type: 'RecordOperatorDeclaration',
          commandId: 'decl',
          occurredAt: paris('2026-03-10'),
          data: { operatorId: 'op-1', declaration: 'insurance', documentDate: d('2026-03-09') },
        } satisfies OperatorCommand).decision,
  },
  {
    event: 'ApplicationFiled',
    field: 'occurredAt',
    happened: paris('2026-07-01'),
    decide: (at) =>
      project
        .given([])
        .receivedAt(at)
        .when(
          projectCommand('FileApplication', paris('2026-07-01'), { ...PROJECT, applicationKind: 'new', content: applicationContent() }),
          campaign,
        ).decision,
  },
  {
    event: 'CommitteeDecisionRecorded',
    field: 'occurredAt',
    happened: DECISION_AT,
    decide: (at) =>
      project
        .given([filed(), examinationOpened()])
        .receivedAt(at)
        .when(
          projectCommand('RecordCommitteeDecision', DECISION_AT, {
            projectId,
            decisionId: 'dec-1',
            meetingId: MEETING_ID,
            effectiveDate: d('2026-10-05'),
            decision: { outcome: 'refused', reasons: [{ code: 'NO_PARENT_AXIS', text: 'no parent action planned' }] },
          }),
          { meeting: heldMeeting() },
        ).decision,
  },
  {
    event: 'CommitteeDecisionCorrected',
    field: 'occurredAt',
    happened: paris('2026-11-10', '00:00'),
    decide: (at) =>
      project
        .given([filed(), examinationOpened(), approved()])
        .receivedAt(at)
        .when(
          projectCommand('CorrectCommitteeDecision', paris('2026-11-10'), {
            projectId,
            decisionId: 'dec-1',
            reason: 'minutes misread',
            changes: { forecastOperatingCost: 1_700_000 },
          }),
          { envelope: null },
        ).decision,
  },
  {
    event: 'ParentActionHeld',
    field: 'occurredAt',
    happened: paris('2026-12-06'),
    decide: (at) =>
      project
        .given(approvedProject())
        .receivedAt(at)
        .when(
          projectCommand('RecordParentAction', paris('2026-12-06'), {
            projectId,
            actionId: 'act-1',
            objective: 'P2',
            date: d('2026-12-05'),
            parentsReached: 14,
            description: 'Christmas snack',
          }),
        ).decision,
  },
  {
    event: 'SchoolConcertationHeld',
    field: 'occurredAt',
    happened: paris('2026-06-10'),
    decide: (at) =>
      project
        .given([drafted()])
        .receivedAt(at)
        .when(
          projectCommand('RecordSchoolConcertation', paris('2026-06-10'), {
            projectId,
            concertationId: 'sc-1',
            objective: 'S3',
            moment: 'before_start',
            date: d('2026-06-09'),
            schools: ['École Jean-Jaurès'],
          }),
        ).decision,
  },
  {
    event: 'PartnerRelationRecorded',
    field: 'occurredAt',
    happened: paris('2027-01-20'),
    decide: (at) =>
      project
        .given(approvedProject())
        .receivedAt(at)
        .when(
          projectCommand('RecordPartnerRelation', paris('2027-01-20'), {
            projectId,
            relationId: 'rel-1',
            partnerName: 'Reaap de l’Aude',
            partnerKind: 'reaap',
            date: d('2027-01-20'),
            description: 'parents evening',
          }),
        ).decision,
  },
  {
    event: 'BilanFiled',
    field: 'occurredAt',
    happened: paris('2027-07-10'),
    decide: (at) =>
      project
        .given(approvedProject())
        .receivedAt(at)
        .when(
          projectCommand('FileBilan', paris('2027-07-10'), {
            projectId,
            bilanId: 'bil-1',
            quantitative: bilan.quantitative,
            qualitative: bilan.qualitative,
            financial: bilan.financial,
          }),
        ).decision,
  },
  {
    event: 'AdvancePaid',
    field: 'occurredAt',
    happened: paris('2026-11-15'),
    decide: (at) =>
      project
        .given(approvedProject())
        .receivedAt(at)
        .when(projectCommand('PayAdvance', paris('2026-11-15'), { projectId, paymentId: 'pay-1', amount: 300_000 })).decision,
  },
  {
    event: 'BalancePaid',
    field: 'occurredAt',
    happened: paris('2027-10-01'),
    decide: (at) =>
      project
        .given(settled)
        .receivedAt(at)
        .when(projectCommand('PayBalance', paris('2027-10-01'), { projectId, paymentId: 'pay-2', amount: 329_380 })).decision,
  },
  {
    event: 'RecoveryIssued',
    field: 'occurredAt',
    happened: paris('2027-10-01'),
    decide: (at) =>
      project
        .given(settled)
        .receivedAt(at)
        .when(
          projectCommand('IssueRecovery', paris('2027-10-01'), {
            projectId,
            recoveryId: 'rec-1',
            amount: 50_000,
            reason: 'fewer collectifs',
          }),
        ).decision,
  },
  {
    event: 'NotificationSent',
    field: 'occurredAt',
    happened: paris('2026-10-06'),
    decide: (at) =>
      project
        .given(approvedProject())
        .receivedAt(at)
        .when(
          projectCommand('RecordNotificationSent', paris('2026-10-06'), {
            projectId,
            letterId: 'dec-1',
            channel: 'email',
            recipientId: 'rcpt-1',
            documentHash: DOCUMENT_HASH,
          }),
          { letter: { letterId: 'dec-1', decisionId: 'dec-1', documentHash: DOCUMENT_HASH } },
        ).decision,
  },
  {
    event: 'AnnualAgreementSigned',
    field: 'occurredAt',
    happened: paris('2026-12-01'),
    decide: (at) =>
      project
        .given(approvedProject())
        .receivedAt(at)
        .when(
          projectCommand('RecordAgreementSigned', paris('2026-12-01'), {
            projectId,
            signatoryRole: 'president',
            documentHash: DOCUMENT_HASH,
          }),
          {
            agreement: { agreementId: 'dec-1-convention-annuelle', decisionId: 'dec-1', documentHash: DOCUMENT_HASH },
            conventionCoveringYear: null,
          },
        ).decision,
  },
  {
    // The enrolment starts next week (planned, occurredAt included); the parents' consent is a past fact.
    event: 'ChildEnrolled',
    field: 'parentalConsentDate',
    happened: paris('2026-10-06', '00:00'),
    decide: (at) =>
      collectif
        .given([collectifOpened()])
        .receivedAt(at)
        .when(
          collectifCommand('EnrolChild', paris('2026-10-12', '18:00'), {
            childId: 'child-1',
            schoolLevel: 'CE2',
            orientedBy: 'teacher',
            parentalConsentDate: d('2026-10-06'),
            disabilityNeeds: false,
            enrolledOn: d('2026-10-12'),
          }),
          campaign,
        ).decision,
  },
  {
    event: 'ChildLeft',
    field: 'occurredAt',
    happened: paris('2026-11-20', '09:00'),
    decide: (at) =>
      collectif
        .given([collectifOpened(), childEnrolled('child-1')])
        .receivedAt(at)
        .when(
          collectifCommand('RecordChildDeparture', paris('2026-11-20', '09:00'), {
            childId: 'child-1',
            reason: 'moved',
            leftOn: d('2026-11-20'),
          }),
        ).decision,
  },
  {
    // The assignment starts next week (planned, occurredAt included); the criminal-record check has been made.
    event: 'StaffAssigned',
    field: 'criminalRecordCheckDate',
    happened: paris('2026-10-02', '00:00'),
    decide: (at) =>
      collectif
        .given([collectifOpened()])
        .receivedAt(at)
        .when(assignStaff(paris('2026-10-12', '09:00'), { criminalRecordCheckDate: d('2026-10-02') }), campaign).decision,
  },
  {
    event: 'StaffAssigned',
    field: 'trainingAttendedDate',
    happened: paris('2026-10-05', '00:00'),
    decide: (at) =>
      collectif
        .given([collectifOpened()])
        .receivedAt(at)
        .when(assignStaff(paris('2026-10-12', '09:00'), { trainingAttendedDate: d('2026-10-05') }), campaign).decision,
  },
  {
    event: 'StaffTrainingRecorded',
    field: 'occurredAt',
    happened: paris('2026-10-20', '17:00'),
    decide: (at) =>
      collectif
        .given([collectifOpened(), ...staffAssigned])
        .receivedAt(at)
        .when(
          collectifCommand('RecordStaffTraining', paris('2026-10-20', '17:00'), { staffId: 'st-1', trainingAttendedDate: d('2026-10-20') }),
        ).decision,
  },
  {
    // Declared at 10:00 for a session starting at 16:45: it is held once it has started.
    event: 'SessionHeld',
    field: 'start',
    happened: paris('2026-11-03', '16:45'),
    decide: (at) =>
      collectif
        .given([collectifOpened()])
        .receivedAt(at)
        .when(
          collectifCommand('RecordSession', paris('2026-11-03', '10:00'), {
            sessionId: 's-1',
            date: d('2026-11-03'),
            start: '16:45',
            minutes: 90,
            kind: 'children',
            activityTypes: ['methodology'],
          }),
          campaign,
        ).decision,
  },
  {
    event: 'SessionCorrected',
    field: 'changes.start',
    happened: paris('2026-11-05', '16:45'),
    decide: (at) =>
      collectif
        .given([collectifOpened(), sessionHeld('s-1')])
        .receivedAt(at)
        .when(
          collectifCommand('CorrectSession', paris('2026-11-20'), {
            sessionId: 's-1',
            changes: { date: d('2026-11-05') },
            reason: 'held on Thursday, not Tuesday',
          }),
          campaign,
        ).decision,
  },
  {
    event: 'AttendanceRecorded',
    field: 'occurredAt',
    happened: paris('2026-11-03', '19:00'),
    decide: (at) =>
      collectif
        .given(withSession)
        .receivedAt(at)
        .when(attendance(paris('2026-11-03', '19:00'))).decision,
  },
  {
    event: 'AttendanceCorrected',
    field: 'occurredAt',
    happened: paris('2026-11-20'),
    decide: (at) =>
      collectif
        .given([...withSession, ...attendanceRecorded])
        .receivedAt(at)
        .when(attendance(paris('2026-11-20'), 'CorrectAttendance')).decision,
  },
  {
    event: 'CommitteeMeetingHeld',
    field: 'occurredAt',
    happened: paris('2026-10-05', '09:00'),
    decide: (at) =>
      committee
        .given([])
        .receivedAt(at)
        .when(
          committeeCommand('HoldCommitteeMeeting', paris('2026-10-05', '09:00'), {
            meetingId: MEETING_ID,
            date: d('2026-10-05'),
            members,
            agenda: [projectId],
          }),
          {
            agendaProjects: { [projectId]: { cafCode: PROJECT.cafCode, schoolYear: PROJECT.schoolYear } },
          },
        ).decision,
  },
  {
    event: 'CommitteeMeetingMinutesRecorded',
    field: 'occurredAt',
    happened: paris('2026-10-08', '11:00'),
    decide: (at) =>
      committee
        .given(meetingHeld)
        .receivedAt(at)
        .when(
          committeeCommand('RecordMeetingMinutes', paris('2026-10-08', '11:00'), { meetingId: MEETING_ID, minutes: 'Two files examined.' }),
        ).decision,
  },
];

const justBefore = (instant: Instant): Instant => new Date(Date.parse(instant) - 1).toISOString();

describe('R-FACT-PAST: a fact known only after it happens is not recorded before it happened', () => {
  it.each(cases.map((c): [string, string, FactCase] => [c.event, c.field, c]))(
    'R-FACT-PAST: %s received before its %s is refused, nothing recorded; received then, it is',
    (_event, _field, c) => {
      const refused = c.decide(justBefore(c.happened));
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.rejection).toMatchObject({
        code: 'FACT_NOT_YET_HAPPENED',
        ruleId: 'R-FACT-PAST',
        details: { field: c.field, eventType: c.event },
      });
      const recorded = c.decide(c.happened);
      expect(recorded.ok && recorded.events.map((e) => e.type)).toEqual([c.event]);
    },
  );

  it('R-FACT-PAST: every fact of the list has its case here, and nothing else does', () => {
    const listed = Object.entries(FACTS_KNOWN_AFTER_THEY_HAPPEN)
      .filter(([, moments]) => moments !== null)
      .map(([type]) => type);
    expect([...new Set(cases.map((c) => c.event))].sort()).toEqual(listed.sort());
  });

  it('R-FACT-PAST: planned dates may lie in the future (a decision effective later, an enrolment and an assignment starting next week)', () => {
    const later = project
      .given([filed(), examinationOpened()])
      .receivedAt(DECISION_AT)
      .when(
        projectCommand('RecordCommitteeDecision', DECISION_AT, {
          projectId,
          decisionId: 'dec-1',
          meetingId: MEETING_ID,
          effectiveDate: d('2026-11-01'),
          decision: { outcome: 'refused', reasons: [{ code: 'NO_PARENT_AXIS', text: 'no parent action planned' }] },
        }),
        { meeting: heldMeeting() },
      )
      .thenAccepted();
    expect(later[0]!.data).toMatchObject({ effectiveDate: '2026-11-01' });
    const receivedAt = paris('2026-10-06');
    const enrol = collectifCommand('EnrolChild', paris('2026-10-12', '18:00'), {
      childId: 'child-1',
      schoolLevel: 'CE2',
      orientedBy: 'teacher',
      parentalConsentDate: d('2026-10-01'),
      disabilityNeeds: false,
      enrolledOn: d('2026-10-12'),
    });
    expect(collectif.given([collectifOpened()]).receivedAt(receivedAt).when(enrol, campaign).thenAccepted()[0]!.occurredAt).toBe(
      paris('2026-10-12', '18:00'),
    );
    collectif
      .given([collectifOpened()])
      .receivedAt(receivedAt)
      .when(assignStaff(paris('2026-10-12', '09:00'), {}), campaign)
      .thenAccepted();
  });
});
