import type { Instant } from '../shared/calendar-date.js';
import type { CampaignEvent } from './campaign.events.js';
import type { CollectifEvent } from './collectif.events.js';
import type { CommitteeEvent } from './committee.events.js';
import type { ConventionEvent } from './convention.events.js';
import type { OperatorEvent } from './operator.events.js';
import type { ProjectEvent } from './project.events.js';
import type { WebhookEvent } from './webhook.events.js';
import {
  type StreamKind,
  campaignStreamId,
  collectifStreamId,
  committeeStreamId,
  conventionStreamId,
  operatorStreamId,
  projectStreamId,
  webhooksStreamId,
} from './stream-ids.js';

/** Every event of the Clas domain. */
export type ClasEvent = CampaignEvent | OperatorEvent | ProjectEvent | CollectifEvent | ConventionEvent | CommitteeEvent | WebhookEvent;
export type ClasEventType = ClasEvent['type'];
export type EventOfType<T extends ClasEventType> = Extract<ClasEvent, { type: T }>;
export type EventData<T extends ClasEventType> = EventOfType<T>['data'];

/** The persons an event names by opaque id (domain.md §8); parents never appear in the log. */
export type PersonIdKind = 'child' | 'staff';

export interface EventCatalogueEntry<V extends number = number, D = unknown> {
  /** The stream kind (= aggregate) the event is appended to. */
  stream: StreamKind;
  /** The current schema version written for new events; older ones are upcast when read. */
  schemaVersion: V;
  /**
   * Individual-level content — about one child or one staff member (domain.md §8) —, which a
   * reader of aggregates only (the dashboard role) never receives (issue 11 §4):
   * `'event'` = the whole event is about one person (an enrolment, an attendance sheet, an
   * assignment); a list = the paths of the fields that are (`[]` steps into each array item).
   */
  individual?: 'event' | readonly string[];
  /**
   * The field whose person id this event attaches to the aggregate's operator for good: the
   * first such event in the log makes the id that operator's (issue 11 §4, R-SCOPE).
   */
  personClaim?: { field: Extract<keyof D, string>; kind: PersonIdKind };
}

/**
 * The catalogue: type → stream kind and current schema version. Its type forces one entry per
 * event type and the same schema version as the event's type, so it cannot drift from the unions.
 */
export const CLAS_EVENT_CATALOGUE: { readonly [T in ClasEventType]: EventCatalogueEntry<EventOfType<T>['schemaVersion'], EventData<T>> } = {
  // 2: the parameters carry the bilan due dates (R-BILAN-DUE); v1 is upcast with every part's due date null.
  CampaignOpened: { stream: 'campaign', schemaVersion: 2 },
  CampaignParametersAmended: { stream: 'campaign', schemaVersion: 1 },
  BudgetEnvelopeSet: { stream: 'campaign', schemaVersion: 1 },
  BudgetEnvelopeAmended: { stream: 'campaign', schemaVersion: 1 },

  OperatorRegistered: { stream: 'operator', schemaVersion: 1 },
  CoordinatorAppointed: { stream: 'operator', schemaVersion: 1, individual: 'event', personClaim: { field: 'personId', kind: 'staff' } },
  OperatorDeclarationRecorded: { stream: 'operator', schemaVersion: 1 },

  ProjectDrafted: { stream: 'project', schemaVersion: 1 },
  // R-ELIG-COLLECTIVE (Aude): a planned group "includes a child with a disability" is about that child.
  ApplicationFiled: { stream: 'project', schemaVersion: 1, individual: ['content.collectifs[].disabilityNeeds'] },
  ApplicationFoundNotReceivable: { stream: 'project', schemaVersion: 1 },
  ApplicationWithdrawn: { stream: 'project', schemaVersion: 1 },
  ExaminationOpened: { stream: 'project', schemaVersion: 1 },
  // 2: the decision names the committee meeting it was taken in (R-COMMITTEE-MEETING); v1 is upcast with meetingId null.
  CommitteeDecisionRecorded: { stream: 'project', schemaVersion: 2 },
  CommitteeDecisionCorrected: { stream: 'project', schemaVersion: 1 },
  ParentActionHeld: { stream: 'project', schemaVersion: 1 },
  SchoolConcertationHeld: { stream: 'project', schemaVersion: 1 },
  PartnerRelationRecorded: { stream: 'project', schemaVersion: 1 },
  BilanFiled: { stream: 'project', schemaVersion: 1 },
  BilanValidated: { stream: 'project', schemaVersion: 1 },
  BilanReturnedForCorrection: { stream: 'project', schemaVersion: 1 },
  AdvancePaid: { stream: 'project', schemaVersion: 1 },
  BalancePaid: { stream: 'project', schemaVersion: 1 },
  RecoveryIssued: { stream: 'project', schemaVersion: 1 },
  NotificationSent: { stream: 'project', schemaVersion: 1 },
  AnnualAgreementSigned: { stream: 'project', schemaVersion: 1 },

  CollectifOpened: { stream: 'collectif', schemaVersion: 1, individual: ['disabilityNeeds'] },
  ChildEnrolled: { stream: 'collectif', schemaVersion: 1, individual: 'event', personClaim: { field: 'childId', kind: 'child' } },
  ChildLeft: { stream: 'collectif', schemaVersion: 1, individual: 'event' },
  StaffAssigned: { stream: 'collectif', schemaVersion: 1, individual: 'event', personClaim: { field: 'staffId', kind: 'staff' } },
  StaffTrainingRecorded: { stream: 'collectif', schemaVersion: 1, individual: 'event' },
  StaffUnassigned: { stream: 'collectif', schemaVersion: 1, individual: 'event' },
  SessionHeld: { stream: 'collectif', schemaVersion: 1 },
  SessionCancelled: { stream: 'collectif', schemaVersion: 1 },
  SessionCorrected: { stream: 'collectif', schemaVersion: 1 },
  AttendanceRecorded: { stream: 'collectif', schemaVersion: 1, individual: 'event' },
  AttendanceCorrected: { stream: 'collectif', schemaVersion: 1, individual: 'event' },

  ConventionRequested: { stream: 'convention', schemaVersion: 1 },
  ConventionSigned: { stream: 'convention', schemaVersion: 1 },
  ConventionRefused: { stream: 'convention', schemaVersion: 1 },
  YearlyCollectifsNotified: { stream: 'convention', schemaVersion: 1 },
  ConventionAmendmentRequested: { stream: 'convention', schemaVersion: 1 },
  ConventionAmendmentValidated: { stream: 'convention', schemaVersion: 1 },
  ConventionAmendmentRefused: { stream: 'convention', schemaVersion: 1 },
  ConventionTerminated: { stream: 'convention', schemaVersion: 1 },

  CommitteeOrientationsSet: { stream: 'committee', schemaVersion: 1 },
  CommitteeMeetingScheduled: { stream: 'committee', schemaVersion: 1 },
  CommitteeMeetingHeld: { stream: 'committee', schemaVersion: 1 },
  CommitteeMeetingMinutesRecorded: { stream: 'committee', schemaVersion: 1 },
  WebhookSubscribed: { stream: 'webhooks', schemaVersion: 1 },
  WebhookUnsubscribed: { stream: 'webhooks', schemaVersion: 1 },
};

/** Runtime list of every event type name (for store filters, upcasters, import validation). */
export const CLAS_EVENT_TYPES = Object.freeze(Object.keys(CLAS_EVENT_CATALOGUE) as ClasEventType[]);

export function isClasEventType(type: unknown): type is ClasEventType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(CLAS_EVENT_CATALOGUE, type);
}

/**
 * Narrows a stored event (a `RecordedEvent` with `type: string`) to the catalogue, checking the
 * schema version too: an older version must have been upcast before the domain folds it.
 */
export function isClasEvent<E extends { type: string; schemaVersion: number }>(event: E): event is E & ClasEvent {
  return isClasEventType(event.type) && CLAS_EVENT_CATALOGUE[event.type].schemaVersion === event.schemaVersion;
}

/** The one way deciders build events: the schema version comes from the catalogue. */
export function makeEvent<T extends ClasEventType>(type: T, data: EventData<T>, occurredAt: Instant): EventOfType<T> {
  return { type, schemaVersion: CLAS_EVENT_CATALOGUE[type].schemaVersion, data, occurredAt } as EventOfType<T>;
}

/** The stream an event belongs to, from its own data (every event carries its routing ids). */
export function streamIdOf(event: ClasEvent): string {
  switch (CLAS_EVENT_CATALOGUE[event.type].stream) {
    case 'campaign': {
      const data = event.data as { cafCode: string; schoolYear: Parameters<typeof campaignStreamId>[1] };
      return campaignStreamId(data.cafCode, data.schoolYear);
    }
    case 'operator':
      return operatorStreamId((event.data as { operatorId: string }).operatorId);
    case 'project':
      return projectStreamId((event.data as { projectId: string }).projectId);
    case 'collectif':
      return collectifStreamId((event.data as { collectifId: string }).collectifId);
    case 'convention':
      return conventionStreamId((event.data as { conventionId: string }).conventionId);
    case 'committee': {
      const data = event.data as { cafCode: string; schoolYear: Parameters<typeof committeeStreamId>[1] };
      return committeeStreamId(data.cafCode, data.schoolYear);
    }
    case 'webhooks':
      return webhooksStreamId((event.data as { cafCode: string }).cafCode);
  }
}
