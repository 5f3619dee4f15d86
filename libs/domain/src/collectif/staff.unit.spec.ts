import { describe, it, expect } from '@jest/globals';
import type { StaffAssignedData } from '../events/collectif.events.js';
import { audeCampaign, d, paris, plainCampaign } from '../testing/fixtures.js';
import { COLLECTIF, collectifOpened } from '../testing/collectif-fixtures.js';
import { specification } from '../testing/specification.js';
import type { AssignStaff, CollectifCommand } from './collectif.commands.js';
import { collectifDecider } from './collectif.decider.js';

const spec = specification(collectifDecider);
const context = { campaign: audeCampaign() };

const assign = (overrides: Partial<AssignStaff['data']> = {}): CollectifCommand => ({
  type: 'AssignStaff',
  commandId: 'assign',
  occurredAt: paris('2026-10-10'),
  data: {
    collectifId: COLLECTIF.collectifId,
    staffId: 'staff-1',
    status: 'volunteer',
    criminalRecordCheckDate: d('2026-09-15'),
    trainingAttendedDate: null,
    isNew: false,
    assignedOn: d('2026-10-05'),
    ...overrides,
  },
});

describe('staff (R-ELIG-STAFF, R-ELIG-OPERATOR, R-ELIG-TRAINING)', () => {
  it('R-ELIG-OPERATOR: a staff member assigned without a criminal-record check date is rejected', () => {
    const rejection = spec
      .given([collectifOpened()])
      .when(assign({ criminalRecordCheckDate: null }), context)
      .thenRejected('STAFF_WITHOUT_CRIMINAL_RECORD_CHECK', 'R-ELIG-OPERATOR');
    expect(rejection.details.field).toBe('criminalRecordCheckDate');
  });

  it('R-ELIG-OPERATOR: the check must precede the assignment', () => {
    spec
      .given([collectifOpened()])
      .when(assign({ criminalRecordCheckDate: d('2026-10-08') }), context)
      .thenRejected('CRIMINAL_RECORD_CHECK_AFTER_ASSIGNMENT', 'R-ELIG-OPERATOR');
  });

  it('R-ELIG-TRAINING: a new staff member without training is recorded with a warning, not rejected', () => {
    const [event] = spec
      .given([collectifOpened()])
      .when(assign({ isNew: true }), context)
      .thenAccepted();
    const data = event.data as StaffAssignedData;
    expect(data.trainingAttendedDate).toBeNull();
    expect(data.warnings).toEqual([expect.objectContaining({ ruleId: 'R-ELIG-TRAINING', code: 'TRAINING_PENDING' })]);
    const [plain] = spec
      .given([collectifOpened()])
      .when(assign({ isNew: true }), { campaign: plainCampaign() })
      .thenAccepted();
    expect((plain.data as StaffAssignedData).warnings).toEqual([]);
  });

  it('R-ELIG-TRAINING: the training attended later is recorded for an assigned staff member', () => {
    const [assigned] = spec
      .given([collectifOpened()])
      .when(assign({ isNew: true }), context)
      .thenAccepted();
    const training: CollectifCommand = {
      type: 'RecordStaffTraining',
      commandId: 'train',
      occurredAt: paris('2026-11-20'),
      data: { collectifId: COLLECTIF.collectifId, staffId: 'staff-1', trainingAttendedDate: d('2026-11-18') },
    };
    const state = spec.given([collectifOpened(), assigned]).when(training).thenAccepted();
    expect(state[0].data).toMatchObject({ staffId: 'staff-1', trainingAttendedDate: '2026-11-18' });
    spec.given([collectifOpened()]).when(training).thenRejected('STAFF_UNKNOWN', 'R-ELIG-STAFF');
  });

  it('R-ELIG-STAFF: a staff member is assigned once and unassigned only when assigned', () => {
    const [assigned] = spec.given([collectifOpened()]).when(assign(), context).thenAccepted();
    spec.given([collectifOpened(), assigned]).when(assign(), context).thenRejected('STAFF_ALREADY_ASSIGNED', 'R-ELIG-STAFF');
    const unassign: CollectifCommand = {
      type: 'UnassignStaff',
      commandId: 'un',
      occurredAt: paris('2027-01-10'),
      data: { collectifId: COLLECTIF.collectifId, staffId: 'staff-1', unassignedOn: d('2027-01-09'), reason: 'moved away' },
    };
    spec.given([collectifOpened(), assigned]).when(unassign).thenAccepted();
    spec.given([collectifOpened()]).when(unassign).thenRejected('STAFF_NOT_ASSIGNED', 'R-ELIG-STAFF');
  });
});
