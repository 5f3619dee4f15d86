import type { ApplicationContent, CampaignParameters, SchoolLevel } from '@clas/domain';
import { localDate } from '@clas/domain';
import { CAF, YEAR, applicationContent, audeCampaign, paris } from '@clas/domain/testing';
import type { ClasCommand } from '../clas-command.js';
import type { Actor } from '../command-bus.port.js';

/** Test data for the bus: the domain's test season (Aude 2026-2027, seed 004), as commands. Only test code imports this. */
export { CAF, YEAR, paris };

export const actors = {
  system: { id: 'cli-import', role: 'system', caf: null, operatorId: null },
  agent: { id: 'agent-11', role: 'caf_agent', caf: CAF, operatorId: null },
  agentElsewhere: { id: 'agent-40', role: 'caf_agent', caf: '40', operatorId: null },
  committee: { id: 'committee-11', role: 'committee', caf: CAF, operatorId: null },
  operator: { id: 'user-op-1', role: 'operator', caf: null, operatorId: 'op-1' },
  otherOperator: { id: 'user-op-2', role: 'operator', caf: null, operatorId: 'op-2' },
  auditor: { id: 'auditor-nat', role: 'auditor', caf: null, operatorId: null },
  dashboard: { id: 'dash-11', role: 'dashboard', caf: CAF, operatorId: null },
} satisfies Record<string, Actor>;

/** The campaign the stories open: the seed itself, as the API finds it. */
export const audeParameters = (): CampaignParameters => audeCampaign();

let seq = 0;
/** Unique command ids per test run, readable in failures. */
export const nextCommandId = (label: string): string => `${label}-${++seq}`;

/** The season's application as the API stories file it: c1 planned full (12 children), c2 without disability needs, no bonus asked. */
export function content(): ApplicationContent {
  const season = applicationContent();
  const [c1, c2] = season.collectifs;
  return {
    ...season,
    collectifs: [
      { ...c1, plannedChildren: 12 },
      { ...c2, disabilityNeeds: false },
    ],
    bonusRequests: { enfants: null, parents: null },
  };
}

/** The meeting the stories examine a project in, when they hold one per project. */
export const meetingIdOf = (projectId: string): string => `cttee-${projectId}`;

/** Command builders: each takes the business instant and returns a fresh commandId. */
export const commands = {
  openCampaign: (parameters = audeParameters()): ClasCommand => ({
    type: 'OpenCampaign',
    commandId: nextCommandId('open-campaign'),
    occurredAt: paris('2026-04-01'),
    data: { parameters },
  }),
  registerOperator: (operatorId = 'op-1'): ClasCommand => ({
    type: 'RegisterOperator',
    commandId: nextCommandId('register'),
    occurredAt: paris('2026-04-15'),
    data: { operatorId, cafCode: CAF, name: `Association ${operatorId}`, kind: 'association' },
  }),
  fileApplication: (
    projectId = 'prj-1',
    occurredAt = paris('2026-06-20'),
    ref: { operatorId?: string; cafCode?: string; schoolYear?: string } = {},
  ): ClasCommand =>
    ({
      type: 'FileApplication',
      commandId: nextCommandId('file'),
      occurredAt,
      data: {
        projectId,
        operatorId: ref.operatorId ?? 'op-1',
        cafCode: ref.cafCode ?? CAF,
        schoolYear: ref.schoolYear ?? YEAR,
        applicationKind: 'new',
        content: content(),
      },
    }) as ClasCommand,
  openExamination: (projectId = 'prj-1'): ClasCommand => ({
    type: 'OpenExamination',
    commandId: nextCommandId('exam'),
    occurredAt: paris('2026-09-01'),
    data: { projectId },
  }),
  /** R-COMMITTEE-MEETING: the committee met on 2026-10-05 and examined these files (one meeting per project unless named). */
  holdMeeting: (projectIds: readonly string[] = ['prj-1'], meetingId = meetingIdOf(projectIds[0] ?? 'prj-1')): ClasCommand => ({
    type: 'HoldCommitteeMeeting',
    commandId: nextCommandId('meeting'),
    occurredAt: paris('2026-10-05', '12:00'),
    data: {
      cafCode: CAF,
      schoolYear: YEAR,
      meetingId,
      date: localDate('2026-10-05'),
      members: [{ institution: 'caf' }, { institution: 'ddets' }, { institution: 'dsden' }],
      agenda: [...projectIds],
    },
  }),
  /** The decision taken in `meetingId` (by default the project's own meeting of holdMeeting). */
  approve: (projectId = 'prj-1', meetingId = meetingIdOf(projectId)): ClasCommand => ({
    type: 'RecordCommitteeDecision',
    commandId: nextCommandId('decision'),
    occurredAt: paris('2026-10-05', '14:00'),
    data: {
      projectId,
      decisionId: `dec-${projectId}`,
      meetingId,
      effectiveDate: localDate('2026-10-05'),
      decision: {
        outcome: 'approved',
        approvedCollectifs: 2,
        approvedCollectifRefs: ['c1', 'c2'],
        bonusesGranted: { enfants: null, parents: null },
        forecastOperatingCost: 1_800_000,
      },
    },
  }),
  openCollectif: (collectifId = 'col-1', projectId = 'prj-1'): ClasCommand => ({
    type: 'OpenCollectif',
    commandId: nextCommandId('open-collectif'),
    occurredAt: paris('2026-10-12'),
    data: {
      collectifId,
      projectId,
      plannedRef: 'c1',
      place: { name: 'École Jean-Jaurès', commune: 'Carcassonne' },
      level: 'primary',
      rural: false,
      disabilityNeeds: false,
    },
  }),
  enrol: (childId: string, collectifId = 'col-1', schoolLevel: SchoolLevel = 'CM1'): ClasCommand => ({
    type: 'EnrolChild',
    commandId: nextCommandId(`enrol-${childId}`),
    occurredAt: paris('2026-11-02'),
    data: {
      collectifId,
      childId,
      schoolLevel,
      orientedBy: 'teacher',
      parentalConsentDate: localDate('2026-10-20'),
      disabilityNeeds: false,
      enrolledOn: localDate('2026-11-02'),
    },
  }),
  parentAction: (projectId = 'prj-1'): ClasCommand => ({
    type: 'RecordParentAction',
    commandId: nextCommandId('parent-action'),
    occurredAt: paris('2026-11-20'),
    data: {
      projectId,
      actionId: nextCommandId('pa'),
      objective: 'P1',
      date: localDate('2026-11-20'),
      parentsReached: 9,
      description: 'information evening at enrolment',
    },
  }),
};

/**
 * R-COMMITTEE-MEETING: every decision is taken in a meeting. The one way the stories approve a
 * project under examination: its committee meets on 2026-10-05 with the file on its agenda, then
 * records the approval (both sent by the committee).
 */
export const approvedInMeeting = (projectId = 'prj-1'): ClasCommand[] => [commands.holdMeeting([projectId]), commands.approve(projectId)];
