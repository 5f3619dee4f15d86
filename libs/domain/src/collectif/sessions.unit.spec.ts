import { describe, it, expect } from '@jest/globals';
import { makeEvent } from '../events/catalogue.js';
import type { SessionHeldData } from '../events/collectif.events.js';
import type { ActivityType } from '../events/vocabulary.js';
import { audeCampaign, d, paris, plainCampaign } from '../testing/fixtures.js';
import { COLLECTIF, childEnrolled, childLeft, collectifOpened, sessionHeld } from '../testing/collectif-fixtures.js';
import { specification } from '../testing/specification.js';
import type { CollectifCommand, RecordSession } from './collectif.commands.js';
import { collectifDecider } from './collectif.decider.js';

const spec = specification(collectifDecider);
const context = { campaign: audeCampaign() };
const collectifId = COLLECTIF.collectifId;

const session = (overrides: Partial<RecordSession['data']> = {}): CollectifCommand => ({
  type: 'RecordSession',
  commandId: 'sess',
  occurredAt: paris('2026-11-03', '16:45'),
  data: {
    collectifId,
    sessionId: 's-1',
    date: d('2026-11-03'),
    start: '16:45',
    minutes: 90,
    kind: 'children',
    activityTypes: ['methodology', 'playful'],
    ...overrides,
  },
});
const attendance = (
  sessionId: string,
  childIds: string[],
  type: 'RecordAttendance' | 'CorrectAttendance' = 'RecordAttendance',
): CollectifCommand =>
  ({
    type,
    commandId: `att-${sessionId}`,
    occurredAt: paris('2026-11-20'),
    data: {
      collectifId,
      sessionId,
      entries: childIds.map((childId) => ({ childId, status: 'present' })),
      ...(type === 'CorrectAttendance' ? { reason: 'sheet misread' } : {}),
    },
  }) as CollectifCommand;

const warningsOf = (activityTypes: ActivityType[], campaign = audeCampaign()) => {
  const [event] = spec.given([collectifOpened()]).when(session({ activityTypes }), { campaign }).thenAccepted();
  return (event.data as SessionHeldData).warnings.map((w) => w.ruleId);
};

describe('sessions (R-ELIG-RHYTHM facts)', () => {
  it('a held session is recorded with its date, start, duration, kind and activities', () => {
    spec
      .given([collectifOpened()])
      .when(session(), context)
      .then([sessionHeld('s-1')]);
  });

  it('R-INPUT: a session ending after midnight is rejected (a 0-minute one is the schema’s, collectif.schemas.unit.spec)', () => {
    expect(
      spec
        .given([collectifOpened()])
        .when(session({ start: '23:00', minutes: 90 }), context)
        .thenRejected('INVALID_INPUT', 'R-INPUT').details.field,
    ).toBe('minutes');
  });

  it('R-INPUT: a duplicate session id is rejected', () => {
    spec
      .given([collectifOpened(), sessionHeld('s-1')])
      .when(session({ start: '18:30' }), context)
      .thenRejected('DUPLICATE_SESSION', 'R-INPUT');
  });

  it('R-ELIG-NO-SPORT: a session with sport is recorded but flagged when the campaign excludes sport', () => {
    expect(warningsOf(['sport', 'methodology'])).toEqual(['R-ELIG-NO-SPORT']);
    expect(warningsOf(['sport', 'methodology'], plainCampaign())).toEqual([]);
  });

  it('R-ELIG-NOT-HOMEWORK: a homework-only session is recorded but flagged', () => {
    expect(warningsOf(['homework_help'])).toEqual(['R-ELIG-NOT-HOMEWORK']);
    expect(warningsOf(['homework_help', 'reading_writing'])).toEqual([]);
  });

  it('R-LIFE-5: a session before the recommended period is flagged, not refused', () => {
    const [event] = spec
      .given([collectifOpened()])
      .when(session({ date: d('2026-10-13'), sessionId: 's-0' }), context)
      .thenAccepted();
    expect((event.data as SessionHeldData).warnings.map((w) => w.code)).toEqual(['OUTSIDE_RECOMMENDED_PERIOD']);
  });

  it('a correction keeps the session’s own occurredAt so questions “at” a date see the true session', () => {
    const correct: CollectifCommand = {
      type: 'CorrectSession',
      commandId: 'corr',
      occurredAt: paris('2026-11-20'),
      data: { collectifId, sessionId: 's-1', changes: { minutes: 120 }, reason: 'the sheet said 2 hours' },
    };
    spec
      .given([collectifOpened(), sessionHeld('s-1')])
      .when(correct, context)
      .then([
        makeEvent(
          'SessionCorrected',
          {
            ...COLLECTIF,
            sessionId: 's-1',
            correctedFields: ['minutes'],
            session: { date: d('2026-11-03'), start: '16:45', minutes: 120, kind: 'children', activityTypes: ['methodology', 'playful'] },
            reason: 'the sheet said 2 hours',
            warnings: [],
          },
          paris('2026-11-03', '16:45'),
        ),
      ]);
    const late = { ...correct, data: { ...correct.data, changes: { start: '23:30' } } } as CollectifCommand;
    expect(
      spec
        .given([collectifOpened(), sessionHeld('s-1')])
        .when(late, context)
        .thenRejected('INVALID_INPUT', 'R-INPUT').details.field,
    ).toBe('changes.minutes');
  });
});

describe('attendance (R-ELIG-AXES E5)', () => {
  const given = [collectifOpened(), childEnrolled('child-a'), childEnrolled('child-b'), sessionHeld('s-1')];

  it('attendance is recorded for children enrolled on the session date', () => {
    spec
      .given(given)
      .when(attendance('s-1', ['child-a', 'child-b']))
      .then([
        makeEvent(
          'AttendanceRecorded',
          {
            ...COLLECTIF,
            sessionId: 's-1',
            sessionDate: d('2026-11-03'),
            entries: [
              { childId: 'child-a', status: 'present' },
              { childId: 'child-b', status: 'present' },
            ],
          },
          paris('2026-11-20'),
        ),
      ]);
  });

  it('R-ELIG-COLLECTIVE: attendance for a child not enrolled on the session date is rejected', () => {
    spec
      .given(given)
      .when(attendance('s-1', ['child-a', 'child-z']))
      .thenRejected('CHILD_NOT_ENROLLED_ON_SESSION_DATE', 'R-ELIG-COLLECTIVE');
    const late = [collectifOpened(), childEnrolled('child-a'), childEnrolled('child-c', '2026-11-10'), sessionHeld('s-1')];
    spec
      .given(late)
      .when(attendance('s-1', ['child-c']))
      .thenRejected('CHILD_NOT_ENROLLED_ON_SESSION_DATE', 'R-ELIG-COLLECTIVE');
    const left = [collectifOpened(), childEnrolled('child-a'), childLeft('child-a', '2026-11-03'), sessionHeld('s-1')];
    spec
      .given(left)
      .when(attendance('s-1', ['child-a']))
      .thenRejected('CHILD_NOT_ENROLLED_ON_SESSION_DATE', 'R-ELIG-COLLECTIVE');
  });

  it('R-INPUT: attendance for an unknown session (e.g. a session of another collectif) is rejected', () => {
    expect(
      spec
        .given(given)
        .when(attendance('s-of-col-2', ['child-a']))
        .thenRejected('SESSION_UNKNOWN', 'R-INPUT').details.field,
    ).toBe('sessionId');
  });

  it('R-INPUT: attendance for a cancelled session is rejected', () => {
    const cancelled = makeEvent(
      'SessionCancelled',
      { ...COLLECTIF, sessionId: 's-1', date: d('2026-11-03'), reason: 'school closed (storm)', wasRecordedAsHeld: true },
      paris('2026-11-04'),
    );
    spec
      .given([...given, cancelled])
      .when(attendance('s-1', ['child-a']))
      .thenRejected('SESSION_CANCELLED', 'R-INPUT');
  });

  it('R-INPUT: attendance is recorded once, then corrected', () => {
    const [recorded] = spec
      .given(given)
      .when(attendance('s-1', ['child-a']))
      .thenAccepted();
    spec
      .given([...given, recorded])
      .when(attendance('s-1', ['child-b']))
      .thenRejected('ATTENDANCE_ALREADY_RECORDED', 'R-INPUT');
    spec
      .given([...given, recorded])
      .when(attendance('s-1', ['child-b'], 'CorrectAttendance'))
      .thenAccepted();
    spec
      .given(given)
      .when(attendance('s-1', ['child-b'], 'CorrectAttendance'))
      .thenRejected('ATTENDANCE_NOT_RECORDED', 'R-INPUT');
  });

  it('R-ELIG-COLLECTIVE: a departure dated before recorded attendance of the child is rejected', () => {
    const [recorded] = spec
      .given(given)
      .when(attendance('s-1', ['child-a']))
      .thenAccepted();
    const leave: CollectifCommand = {
      type: 'RecordChildDeparture',
      commandId: 'leave',
      occurredAt: paris('2026-11-20'),
      data: { collectifId, childId: 'child-a', reason: 'moved', leftOn: d('2026-11-01') },
    };
    spec
      .given([...given, recorded])
      .when(leave)
      .thenRejected('ATTENDANCE_AFTER_DEPARTURE', 'R-ELIG-COLLECTIVE');
  });

  it('a planned session cancelled before it was held is kept, and its id cannot be reused', () => {
    const cancel: CollectifCommand = {
      type: 'CancelSession',
      commandId: 'cancel',
      occurredAt: paris('2026-11-05'),
      data: { collectifId, sessionId: 's-2', date: d('2026-11-05'), reason: 'staff ill' },
    };
    const [cancelled] = spec.given([collectifOpened()]).when(cancel).thenAccepted();
    expect(cancelled.data).toMatchObject({ sessionId: 's-2', wasRecordedAsHeld: false });
    const heldLater = {
      ...(session({ sessionId: 's-2', date: d('2026-11-05') }) as RecordSession),
      occurredAt: paris('2026-11-05', '18:00'),
    };
    spec.given([collectifOpened(), cancelled]).when(heldLater, context).thenRejected('DUPLICATE_SESSION', 'R-INPUT');
    spec.given([collectifOpened(), cancelled]).when(cancel).thenRejected('SESSION_ALREADY_CANCELLED', 'R-INPUT');
  });
});
