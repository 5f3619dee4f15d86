import {
  type CampaignCommand,
  type CollectifCommand,
  type CommitteeCommand,
  type ConventionCommand,
  type OperatorCommand,
  type ProjectCommand,
  type Rejection,
  type StreamKind,
  type WebhookCommand,
  campaignStreamId,
  collectifStreamId,
  committeeStreamId,
  conventionStreamId,
  invalid,
  isAggregateId,
  isCafCode,
  isSchoolYear,
  operatorStreamId,
  projectStreamId,
  webhooksStreamId,
} from '@clas/domain';
import type { ClasCommand, ClasCommandType } from './clas-command.js';

export type CommandOfType<T extends ClasCommandType> = Extract<ClasCommand, { type: T }>;

/** The aggregate whose decider handles a command type (derived from the command unions, so the table below cannot lie). */
export type AggregateOf<T extends ClasCommandType> = T extends CampaignCommand['type']
  ? 'campaign'
  : T extends OperatorCommand['type']
    ? 'operator'
    : T extends ProjectCommand['type']
      ? 'project'
      : T extends CollectifCommand['type']
        ? 'collectif'
        : T extends ConventionCommand['type']
          ? 'convention'
          : T extends CommitteeCommand['type']
            ? 'committee'
            : T extends WebhookCommand['type']
              ? 'webhooks'
              : never;

export interface CommandRoute<T extends ClasCommandType> {
  aggregate: AggregateOf<T>;
  /** The stream the command is decided on, or an R-INPUT rejection when its ids are malformed (never a throw). */
  streamIdOf(command: CommandOfType<T>): string | Rejection;
}

type Data = Record<string, unknown>;
const dataOf = (command: ClasCommand): Data => command.data as unknown as Data;

/** `<kind>-<data[field]>` for the aggregates keyed by one opaque id. */
function byId(make: (id: string) => string, field: string): (command: ClasCommand) => string | Rejection {
  return (command) => {
    const id = dataOf(command)[field];
    return isAggregateId(id) ? make(id) : invalid(field, 'must be an id (letters, digits, - _ . :)', { value: id });
  };
}

function campaignOf(cafCode: unknown, schoolYear: unknown, path: string): string | Rejection {
  if (!isCafCode(cafCode)) return invalid(`${path}cafCode`, 'must be a département code (e.g. "11", "2A", "974")', { value: cafCode });
  if (!isSchoolYear(schoolYear)) return invalid(`${path}schoolYear`, 'must be a school year "YYYY-YYYY+1"', { value: schoolYear });
  return campaignStreamId(cafCode, schoolYear);
}

/** `committee-<caf>-<schoolYear>`, checked like a campaign's key. */
function committeeOf(command: ClasCommand): string | Rejection {
  const { cafCode, schoolYear } = dataOf(command);
  if (!isCafCode(cafCode)) return invalid('cafCode', 'must be a département code (e.g. "11", "2A", "974")', { value: cafCode });
  if (!isSchoolYear(schoolYear)) return invalid('schoolYear', 'must be a school year "YYYY-YYYY+1"', { value: schoolYear });
  return committeeStreamId(cafCode, schoolYear);
}

const project = byId(projectStreamId, 'projectId');
const collectif = byId(collectifStreamId, 'collectifId');
const convention = byId(conventionStreamId, 'conventionId');
const operator = byId(operatorStreamId, 'operatorId');

function webhooks(command: ClasCommand): string | Rejection {
  const cafCode = dataOf(command).cafCode;
  return isCafCode(cafCode)
    ? webhooksStreamId(cafCode)
    : invalid('cafCode', 'must be a département code (e.g. "11", "2A", "974")', { value: cafCode });
}

/**
 * Routing: command type → aggregate and stream. Exhaustive over ClasCommandType (the mapped
 * type refuses a missing or extra key, and `AggregateOf` a wrong aggregate). Every stream id is
 * derived from the command's own data, so a retried command always lands on the same stream.
 */
export const COMMAND_ROUTES: { readonly [T in ClasCommandType]: CommandRoute<T> } = {
  // campaign-<caf>-<schoolYear>
  OpenCampaign: {
    aggregate: 'campaign',
    streamIdOf: (c) => {
      const parameters = (c.data as unknown as { parameters?: unknown }).parameters;
      if (typeof parameters !== 'object' || parameters === null) return invalid('parameters', 'must be an object');
      const p = parameters as Data;
      return campaignOf(p.cafCode, p.schoolYear, 'parameters.');
    },
  },
  AmendCampaignParameters: { aggregate: 'campaign', streamIdOf: (c) => campaignOf(dataOf(c).cafCode, dataOf(c).schoolYear, '') },
  SetBudgetEnvelope: { aggregate: 'campaign', streamIdOf: (c) => campaignOf(dataOf(c).cafCode, dataOf(c).schoolYear, '') },
  AmendBudgetEnvelope: { aggregate: 'campaign', streamIdOf: (c) => campaignOf(dataOf(c).cafCode, dataOf(c).schoolYear, '') },

  // operator-<operatorId>
  RegisterOperator: { aggregate: 'operator', streamIdOf: operator },
  AppointCoordinator: { aggregate: 'operator', streamIdOf: operator },
  RecordOperatorDeclaration: { aggregate: 'operator', streamIdOf: operator },

  // project-<projectId>: application, examination, decision, actions, bilan, payments
  DraftProject: { aggregate: 'project', streamIdOf: project },
  FileApplication: { aggregate: 'project', streamIdOf: project },
  FileShortRenewal: { aggregate: 'project', streamIdOf: project },
  DeclareNotReceivable: { aggregate: 'project', streamIdOf: project },
  WithdrawApplication: { aggregate: 'project', streamIdOf: project },
  OpenExamination: { aggregate: 'project', streamIdOf: project },
  RecordCommitteeDecision: { aggregate: 'project', streamIdOf: project },
  CorrectCommitteeDecision: { aggregate: 'project', streamIdOf: project },
  RecordParentAction: { aggregate: 'project', streamIdOf: project },
  RecordSchoolConcertation: { aggregate: 'project', streamIdOf: project },
  RecordPartnerRelation: { aggregate: 'project', streamIdOf: project },
  FileBilan: { aggregate: 'project', streamIdOf: project },
  ValidateBilan: { aggregate: 'project', streamIdOf: project },
  ReturnBilanForCorrection: { aggregate: 'project', streamIdOf: project },
  PayAdvance: { aggregate: 'project', streamIdOf: project },
  PayBalance: { aggregate: 'project', streamIdOf: project },
  IssueRecovery: { aggregate: 'project', streamIdOf: project },
  RecordNotificationSent: { aggregate: 'project', streamIdOf: project },
  RecordAgreementSigned: { aggregate: 'project', streamIdOf: project },

  // collectif-<collectifId>: enrolments, staff, sessions, attendance
  OpenCollectif: { aggregate: 'collectif', streamIdOf: collectif },
  EnrolChild: { aggregate: 'collectif', streamIdOf: collectif },
  RecordChildDeparture: { aggregate: 'collectif', streamIdOf: collectif },
  AssignStaff: { aggregate: 'collectif', streamIdOf: collectif },
  RecordStaffTraining: { aggregate: 'collectif', streamIdOf: collectif },
  UnassignStaff: { aggregate: 'collectif', streamIdOf: collectif },
  RecordSession: { aggregate: 'collectif', streamIdOf: collectif },
  CancelSession: { aggregate: 'collectif', streamIdOf: collectif },
  CorrectSession: { aggregate: 'collectif', streamIdOf: collectif },
  RecordAttendance: { aggregate: 'collectif', streamIdOf: collectif },
  CorrectAttendance: { aggregate: 'collectif', streamIdOf: collectif },

  // convention-<conventionId>
  RequestConvention: { aggregate: 'convention', streamIdOf: convention },
  SignConvention: { aggregate: 'convention', streamIdOf: convention },
  RefuseConvention: { aggregate: 'convention', streamIdOf: convention },
  NotifyYearlyCollectifs: { aggregate: 'convention', streamIdOf: convention },
  RequestConventionAmendment: { aggregate: 'convention', streamIdOf: convention },
  ValidateConventionAmendment: { aggregate: 'convention', streamIdOf: convention },
  RefuseConventionAmendment: { aggregate: 'convention', streamIdOf: convention },
  TerminateConvention: { aggregate: 'convention', streamIdOf: convention },

  // committee-<caf>-<schoolYear>: orientations and meetings (R-COMMITTEE-MEETING, R-COMMITTEE-ORIENTATIONS)
  SetCommitteeOrientations: { aggregate: 'committee', streamIdOf: committeeOf },
  ScheduleCommitteeMeeting: { aggregate: 'committee', streamIdOf: committeeOf },
  HoldCommitteeMeeting: { aggregate: 'committee', streamIdOf: committeeOf },
  RecordMeetingMinutes: { aggregate: 'committee', streamIdOf: committeeOf },
  // webhooks-<caf>: the Caf's subscriptions of other systems to its decisions and payments
  SubscribeWebhook: { aggregate: 'webhooks', streamIdOf: webhooks },
  UnsubscribeWebhook: { aggregate: 'webhooks', streamIdOf: webhooks },
};

export const CLAS_COMMAND_TYPES: readonly ClasCommandType[] = Object.freeze(Object.keys(COMMAND_ROUTES) as ClasCommandType[]);

export function isClasCommandType(type: unknown): type is ClasCommandType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(COMMAND_ROUTES, type);
}

/** The route of a command, with the type erased once here (the mapped type above guarantees it matches). */
export function routeOf(command: ClasCommand): { aggregate: StreamKind; streamId: string | Rejection } {
  const route = COMMAND_ROUTES[command.type] as unknown as { aggregate: StreamKind; streamIdOf(c: ClasCommand): string | Rejection };
  return { aggregate: route.aggregate, streamId: route.streamIdOf(command) };
}
