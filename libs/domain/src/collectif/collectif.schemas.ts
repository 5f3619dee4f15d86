import { placeSchema } from '../commands/shared.schemas.js';
import {
  ACTIVITY_TYPES,
  ATTENDANCE_STATUSES,
  CHILD_DEPARTURE_REASONS,
  COLLECTIF_LEVELS,
  ORIENTED_BY,
  SCHOOL_LEVELS,
  SESSION_KINDS,
  STAFF_STATUSES,
} from '../events/vocabulary.js';
import {
  bool,
  clockTime,
  id,
  int,
  list,
  localDate,
  named,
  nullable,
  object,
  oneOf,
  optional,
  partial,
  text,
  withMeta,
} from '../schema/schema.js';

export const openCollectifData = object({
  collectifId: id(),
  projectId: id(),
  plannedRef: withMeta(optional(nullable(id())), {
    description: 'The planned collectif of the application it runs (its `ref`), when known',
  }),
  place: named('Place', placeSchema, { description: 'Where a collectif meets (a room in a school, a centre social, a library…)' }),
  level: oneOf(COLLECTIF_LEVELS),
  rural: bool(),
  disabilityNeeds: withMeta(bool(), {
    description: 'R-ELIG-COLLECTIVE (Aude): the group includes a child with a disability needing reinforced attention',
  }),
});

export const enrolChildData = object({
  collectifId: id(),
  childId: withMeta(id(), { description: 'Opaque child id (names are kept apart, PUT /persons)', example: 'child-9f2c41d7' }),
  schoolLevel: oneOf(SCHOOL_LEVELS),
  orientedBy: oneOf(ORIENTED_BY),
  parentalConsentDate: localDate(),
  disabilityNeeds: bool(),
  enrolledOn: localDate(),
});

export const recordChildDepartureData = object({
  collectifId: id(),
  childId: id(),
  reason: oneOf(CHILD_DEPARTURE_REASONS),
  leftOn: localDate(),
});

export const assignStaffData = object({
  collectifId: id(),
  staffId: id(),
  status: oneOf(STAFF_STATUSES),
  // Optional and nullable on purpose: a missing check is not malformed input but a refusal of R-ELIG-OPERATOR (422 with the rule), which the domain gives.
  criminalRecordCheckDate: withMeta(optional(nullable(localDate())), {
    description: 'R-ELIG-OPERATOR: required; left out or null, the assignment is refused with the rule (422)',
  }),
  trainingAttendedDate: optional(nullable(localDate())),
  isNew: withMeta(bool(), { description: 'R-ELIG-TRAINING: a new staff member must attend the training module' }),
  assignedOn: localDate(),
});

export const recordStaffTrainingData = object({ collectifId: id(), staffId: id(), trainingAttendedDate: localDate() });
export const unassignStaffData = object({ collectifId: id(), staffId: id(), unassignedOn: localDate(), reason: text(4000) });

/** A session's facts: that it ends on the day it starts needs start and minutes (and, for a correction, the held session): the decider says so. */
const sessionFields = {
  date: localDate(),
  start: withMeta(clockTime(), { example: '16:45' }),
  minutes: int(1, 600),
  kind: oneOf(SESSION_KINDS),
  activityTypes: withMeta(list(oneOf(ACTIVITY_TYPES), { min: 1, max: ACTIVITY_TYPES.length, unique: { what: 'activity type' } }), {
    description: 'R-ELIG-NOT-HOMEWORK / R-ELIG-NO-SPORT are recorded as warnings, never refused',
    example: ['methodology', 'reading_writing'],
  }),
};

export const recordSessionData = object({ collectifId: id(), sessionId: id(), ...sessionFields });

/** `date` is required when the session was never recorded as held (a planned session cancelled). */
export const cancelSessionData = object({ collectifId: id(), sessionId: id(), date: optional(localDate()), reason: text(4000) });

/** A correction names only the fields that were wrong, each with its true value. */
export const correctSessionData = object({
  collectifId: id(),
  sessionId: id(),
  changes: named('SessionChanges', partial(object(sessionFields))),
  reason: text(4000),
});

const attendanceEntries = list(named('AttendanceEntry', object({ childId: id(), status: oneOf(ATTENDANCE_STATUSES) })), {
  min: 1,
  max: 100,
  unique: { key: (entry) => entry.childId, what: 'childId' },
});

export const recordAttendanceData = object({ collectifId: id(), sessionId: id(), entries: attendanceEntries });
export const correctAttendanceData = object({ collectifId: id(), sessionId: id(), entries: attendanceEntries, reason: text(4000) });
