import { commandRequest } from '../commands/command-request.js';

/** POST on the collection → OpenCollectif. */
export class OpenCollectifRequestDto extends commandRequest('OpenCollectif') {}
/** POST …/:collectifId/enrolments → EnrolChild. */
export class EnrolChildRequestDto extends commandRequest('EnrolChild') {}
/** POST …/:collectifId/departures → RecordChildDeparture. */
export class RecordChildDepartureRequestDto extends commandRequest('RecordChildDeparture') {}
/** POST …/:collectifId/staff → AssignStaff. */
export class AssignStaffRequestDto extends commandRequest('AssignStaff') {}
/** POST …/:collectifId/staff/:staffId/training → RecordStaffTraining. */
export class RecordStaffTrainingRequestDto extends commandRequest('RecordStaffTraining') {}
/** POST …/:collectifId/staff/:staffId/unassignment → UnassignStaff. */
export class UnassignStaffRequestDto extends commandRequest('UnassignStaff') {}
/** POST …/:collectifId/sessions → RecordSession. */
export class RecordSessionRequestDto extends commandRequest('RecordSession') {}
/** POST …/:collectifId/sessions/:sessionId/cancellation → CancelSession. */
export class CancelSessionRequestDto extends commandRequest('CancelSession') {}
/** POST …/:collectifId/sessions/:sessionId/corrections → CorrectSession. */
export class CorrectSessionRequestDto extends commandRequest('CorrectSession') {}
/** POST …/:collectifId/sessions/:sessionId/attendance → RecordAttendance. */
export class RecordAttendanceRequestDto extends commandRequest('RecordAttendance') {}
/** POST …/:collectifId/sessions/:sessionId/attendance/corrections → CorrectAttendance. */
export class CorrectAttendanceRequestDto extends commandRequest('CorrectAttendance') {}
