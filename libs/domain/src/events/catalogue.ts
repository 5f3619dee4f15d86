import type { Instant } from '../shared/calendar-date.js';
import type { CampaignEvent } from './campaign.events.js';
import type { CollectifEvent } from './collectif.events.js';
import type { ConventionEvent } from './convention.events.js';
import type { OperatorEvent } from './operator.events.js';
import type { ProjectEvent } from './project.events.js';
import {
  type StreamKind,
  campaignStreamId,
  collectifStreamId,
  conventionStreamId,
  operatorStreamId,
  projectStreamId,
} from './stream-ids.js';

/** Every event of the Clas domain. */
export type ClasEvent = CampaignEvent | OperatorEvent | ProjectEvent | CollectifEvent | ConventionEvent;
export type ClasEventType = ClasEvent['type'];
export type EventOfType<T extends ClasEventType> = Extract<ClasEvent, { type: T }>;
export type EventData<T extends ClasEventType> = EventOfType<T>['data'];

export interface EventCatalogueEntry<V extends number = number> {
  /** The stream kind (= aggregate) the event is appended to. */
  stream: StreamKind;
  /** The current schema version written for new events; older ones are upcast when read. */
  schemaVersion: V;
}

/**
 * The catalogue: type → stream kind and current schema version. Its type forces one entry per
 * event type and the same schema version as the event's type, so it cannot drift from the unions.
 */
export const CLAS_EVENT_CATALOGUE: { readonly [T in ClasEventType]: EventCatalogueEntry<EventOfType<T>['schemaVersion']> } = {
  CampaignOpened: { stream: 'campaign', schemaVersion: 1 },
  CampaignParametersAmended: { stream: 'campaign', schemaVersion: 1 },

  OperatorRegistered: { stream: 'operator', schemaVersion: 1 },
  CoordinatorAppointed: { stream: 'operator', schemaVersion: 1 },
  OperatorDeclarationRecorded: { stream: 'operator', schemaVersion: 1 },

  ProjectDrafted: { stream: 'project', schemaVersion: 1 },
  ApplicationFiled: { stream: 'project', schemaVersion: 1 },
  ApplicationFoundNotReceivable: { stream: 'project', schemaVersion: 1 },
  ApplicationWithdrawn: { stream: 'project', schemaVersion: 1 },
  ExaminationOpened: { stream: 'project', schemaVersion: 1 },
  CommitteeDecisionRecorded: { stream: 'project', schemaVersion: 1 },
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

  CollectifOpened: { stream: 'collectif', schemaVersion: 1 },
  ChildEnrolled: { stream: 'collectif', schemaVersion: 1 },
  ChildLeft: { stream: 'collectif', schemaVersion: 1 },
  StaffAssigned: { stream: 'collectif', schemaVersion: 1 },
  StaffTrainingRecorded: { stream: 'collectif', schemaVersion: 1 },
  StaffUnassigned: { stream: 'collectif', schemaVersion: 1 },
  SessionHeld: { stream: 'collectif', schemaVersion: 1 },
  SessionCancelled: { stream: 'collectif', schemaVersion: 1 },
  SessionCorrected: { stream: 'collectif', schemaVersion: 1 },
  AttendanceRecorded: { stream: 'collectif', schemaVersion: 1 },
  AttendanceCorrected: { stream: 'collectif', schemaVersion: 1 },

  ConventionRequested: { stream: 'convention', schemaVersion: 1 },
  ConventionSigned: { stream: 'convention', schemaVersion: 1 },
  ConventionRefused: { stream: 'convention', schemaVersion: 1 },
  YearlyCollectifsNotified: { stream: 'convention', schemaVersion: 1 },
  ConventionAmendmentRequested: { stream: 'convention', schemaVersion: 1 },
  ConventionAmendmentValidated: { stream: 'convention', schemaVersion: 1 },
  ConventionAmendmentRefused: { stream: 'convention', schemaVersion: 1 },
  ConventionTerminated: { stream: 'convention', schemaVersion: 1 },
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
  }
}
