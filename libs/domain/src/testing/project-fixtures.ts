import type { ApplicationContent } from '../events/application-content.js';
import { makeEvent } from '../events/catalogue.js';
import type { ApprovalTerms, ProjectEvent, ProjectRef } from '../events/project.events.js';
import { OBJECTIVE_CODES } from '../events/vocabulary.js';
import type { DecisionMeetingFacts } from '../project/project.context.js';
import { CAF, PREVIOUS_YEAR, YEAR, d, paris } from './fixtures.js';

/** Test data for project specs: a primary project of two collectifs in Aude 2026-2027. */
export const PROJECT: ProjectRef = { projectId: 'prj-1', operatorId: 'op-1', cafCode: CAF, schoolYear: YEAR };

export function applicationContent(overrides: Partial<ApplicationContent> = {}): ApplicationContent {
  return {
    title: 'Clas Jean-Jaurès',
    schoolCycle: 'primary',
    territory: { commune: 'Carcassonne', epci: 'Carcassonne Agglo', rural: false, qpv: true },
    collectifs: [
      {
        ref: 'c1',
        place: { name: 'École Jean-Jaurès', commune: 'Carcassonne' },
        level: 'primary',
        rural: false,
        disabilityNeeds: false,
        plannedChildren: 10,
      },
      {
        ref: 'c2',
        place: { name: 'Médiathèque Grain d’sel', commune: 'Carcassonne' },
        level: 'primary',
        rural: false,
        disabilityNeeds: true,
        plannedChildren: 8,
      },
    ],
    schedule: [
      { weekday: 'tuesday', start: '16:45', minutes: 90, kind: 'children' },
      { weekday: 'thursday', start: '16:45', minutes: 90, kind: 'children' },
    ],
    plannedPeriod: { from: d('2026-11-02'), to: d('2027-06-15') },
    plannedWeeks: 28,
    objectives: OBJECTIVE_CODES.map((code) => ({ code, description: `how the project meets ${code}` })),
    activityTypes: ['methodology', 'cultural', 'playful'],
    budget: {
      totalOperatingCost: 1_800_000,
      coFunders: [{ name: 'Ville de Carcassonne', kind: 'commune', amount: 600_000 }],
      otherCafFunding: 0,
      familyFeePerChild: 0,
    },
    bonusRequests: {
      enfants: {
        filRouge: 'a theatre play written and staged over the year',
        criteria: ['paid_external_speakers'],
        justification: 'a paid stage director, 20 sessions',
      },
      parents: null,
    },
    ...overrides,
  };
}

export const drafted = (schoolCycle: 'primary' | 'secondary' = 'primary'): ProjectEvent =>
  makeEvent('ProjectDrafted', { ...PROJECT, title: 'Clas Jean-Jaurès', schoolCycle, draftedOn: d('2026-05-04') }, paris('2026-05-04'));

export const filed = (content = applicationContent(), kind: 'new' | 'renewal' = 'new'): ProjectEvent =>
  makeEvent(
    'ApplicationFiled',
    {
      ...PROJECT,
      applicationKind: kind,
      renewalOf:
        kind === 'renewal' ? { previousProjectId: 'prj-0', previousSchoolYear: PREVIOUS_YEAR, short: true, changedFields: [] } : null,
      content,
      filedOn: d('2026-06-20'),
      deadline: kind === 'renewal' ? d('2026-06-28') : d('2026-08-05'),
      warnings: [],
    },
    paris('2026-06-20'),
  );

export const examinationOpened = (): ProjectEvent =>
  makeEvent('ExaminationOpened', { ...PROJECT, openedOn: d('2026-09-01'), priorQualitativeBilanReceived: null }, paris('2026-09-01'));

export const approvalTerms = (overrides: Partial<ApprovalTerms> = {}): ApprovalTerms => ({
  outcome: 'approved',
  approvedCollectifs: 2,
  approvedCollectifRefs: ['c1', 'c2'],
  bonusesGranted: { enfants: { collectifs: 2 }, parents: null },
  forecastOperatingCost: 1_800_000,
  ...overrides,
});

/** Worked example 3: a decision recorded on 2026-10-05. */
export const DECISION_AT = paris('2026-10-05', '14:00');

/** R-COMMITTEE-MEETING: the meeting of the Aude committee 2026-2027 where the project was examined. */
export const MEETING_ID = 'cttee-2026-10-05';

/** The meeting as the project context hands it to the committee-decision decider (held, with the project on its agenda). */
export const heldMeeting = (overrides: Partial<DecisionMeetingFacts> = {}): DecisionMeetingFacts => ({
  cafCode: CAF,
  schoolYear: YEAR,
  meetingId: MEETING_ID,
  status: 'held',
  date: d('2026-10-05'),
  agenda: [PROJECT.projectId],
  ...overrides,
});

export const approved = (terms = approvalTerms()): ProjectEvent =>
  makeEvent(
    'CommitteeDecisionRecorded',
    {
      ...PROJECT,
      decisionId: 'dec-1',
      meetingId: MEETING_ID,
      meetingDate: d('2026-10-05'),
      effectiveDate: d('2026-10-05'),
      decision: terms,
    },
    DECISION_AT,
  );

export const refused = (): ProjectEvent =>
  makeEvent(
    'CommitteeDecisionRecorded',
    {
      ...PROJECT,
      decisionId: 'dec-1',
      meetingId: MEETING_ID,
      meetingDate: d('2026-10-05'),
      effectiveDate: d('2026-10-05'),
      decision: { outcome: 'refused', reasons: [{ code: 'NO_PARENT_AXIS', ruleId: 'R-ELIG-AXES', text: 'no parent action planned' }] },
    },
    DECISION_AT,
  );

/** A project approved by the committee: the usual "given" for bilan and payment specs. */
export const approvedProject = (): ProjectEvent[] => [filed(), examinationOpened(), approved()];

export const bilanFiled = (bilanId = 'bil-1'): ProjectEvent =>
  makeEvent(
    'BilanFiled',
    {
      ...PROJECT,
      bilanId,
      filedOn: d('2027-07-10'),
      quantitative: {
        collectifsRun: 2,
        childrenEnrolled: { primary: 19, college: 0, lycee: 0 },
        arrivals: 2,
        departures: 1,
        sessionsHeld: 110,
        minutesHeld: 9900,
        weeksOfActivity: 28,
        attendance: { present: 1800, expected: 2000 },
        parentsReached: 25,
      },
      qualitative: { summary: 'the play was staged in June', objectives: [{ code: 'P2', assessment: 'four convivial evenings' }] },
      financial: {
        actualTotalCost: 1_750_000,
        coFunders: [{ name: 'Ville de Carcassonne', kind: 'commune', amount: 600_000 }],
        cafAmountsReceived: 300_000,
        otherCafFunding: 0,
      },
    },
    paris('2027-07-10'),
  );

export const bilanValidated = (bilanId = 'bil-1'): ProjectEvent =>
  makeEvent('BilanValidated', { ...PROJECT, bilanId, validatedOn: d('2027-09-15') }, paris('2027-09-15'));

export const advancePaid = (amount = 300_000): ProjectEvent =>
  makeEvent('AdvancePaid', { ...PROJECT, paymentId: 'pay-1', decisionId: 'dec-1', amount, paidOn: d('2026-11-15') }, paris('2026-11-15'));

/** A SHA-256 as the API reports for a rendered document (any 64 hex digits for the deciders). */
export const DOCUMENT_HASH = 'a'.repeat(64);

/**
 * R-AGREEMENT-ANNUAL: the operator signed its annual agreement (1 December): what every balance
 * paid without a multi-year convention needs before it.
 */
export const agreementSigned = (): ProjectEvent =>
  makeEvent(
    'AnnualAgreementSigned',
    {
      ...PROJECT,
      agreementId: 'dec-1-convention-annuelle',
      decisionId: 'dec-1',
      signatoryRole: 'president',
      documentHash: DOCUMENT_HASH,
      signedOn: d('2026-12-01'),
    },
    paris('2026-12-01'),
  );
