import type { Command } from '../commands/command.js';
import type { Infer } from '../schema/schema.js';
import type * as schemas from './collectif.schemas.js';

export type OpenCollectif = Command<'OpenCollectif', Infer<typeof schemas.openCollectifData>>;
export type EnrolChild = Command<'EnrolChild', Infer<typeof schemas.enrolChildData>>;
export type RecordChildDeparture = Command<'RecordChildDeparture', Infer<typeof schemas.recordChildDepartureData>>;
/** R-ELIG-OPERATOR: the criminal-record check date is optional in the type only so the domain can refuse its absence with the rule. */
export type AssignStaff = Command<'AssignStaff', Infer<typeof schemas.assignStaffData>>;
export type RecordStaffTraining = Command<'RecordStaffTraining', Infer<typeof schemas.recordStaffTrainingData>>;
export type UnassignStaff = Command<'UnassignStaff', Infer<typeof schemas.unassignStaffData>>;
export type RecordSession = Command<'RecordSession', Infer<typeof schemas.recordSessionData>>;
export type CancelSession = Command<'CancelSession', Infer<typeof schemas.cancelSessionData>>;
export type CorrectSession = Command<'CorrectSession', Infer<typeof schemas.correctSessionData>>;
export type RecordAttendance = Command<'RecordAttendance', Infer<typeof schemas.recordAttendanceData>>;
export type CorrectAttendance = Command<'CorrectAttendance', Infer<typeof schemas.correctAttendanceData>>;

export type CollectifCommand =
  | OpenCollectif
  | EnrolChild
  | RecordChildDeparture
  | AssignStaff
  | RecordStaffTraining
  | UnassignStaff
  | RecordSession
  | CancelSession
  | CorrectSession
  | RecordAttendance
  | CorrectAttendance;
