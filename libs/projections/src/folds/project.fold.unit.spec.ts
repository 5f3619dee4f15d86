import { describe, expect, it } from '@jest/globals';
import { makeEvent } from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import { foldAsOf } from '../core/keyed-fold.js';
import {
  approval,
  d,
  decisionCorrected,
  decisionRecorded,
  paris,
  runningCollectif,
  Script,
  seasonProject,
} from '../answers/testing/scenario.fixtures.js';
import { projectionSpec } from '@clas/domain/testing';
import { projectFold } from './project.fold.js';
import { attendanceStatusAt } from './project-state.js';

const ids = seasonProject('p1', 'op1');
const NOW: AsOf = { at: '2030-01-01T00:00:00.000Z', knownAt: '2030-01-01T00:00:00.000Z' };

describe('projectFold', () => {
  it('worked example 3: a correction recorded later changes the decision only for knownAt after its recording', () => {
    const script = new Script();
    const decision = decisionRecorded(ids, approval(), '2026-10-05');
    script.add(decision);
    script.add(
      decisionCorrected(
        ids,
        approval({ approvedCollectifs: 3, approvedCollectifRefs: ['c1', 'c2', 'c3'] }),
        decision.occurredAt,
        '2026-11-10',
      ),
      paris('2026-11-10'),
    );
    const at = paris('2026-10-20');
    const before = foldAsOf(projectFold, 'p1', script.recorded(), { at, knownAt: paris('2026-10-20') });
    const after = foldAsOf(projectFold, 'p1', script.recorded(), { at, knownAt: NOW.knownAt });
    expect(before.decision?.approval?.approvedCollectifs).toBe(2);
    expect(after.decision?.approval?.approvedCollectifs).toBe(3);
    expect(after.decision?.eventIds).toEqual(['e1-CommitteeDecisionRecorded', 'e2-CommitteeDecisionCorrected']);
    expect(after.status).toBe('approved');
  });

  it('routes collectif events by projectId and keeps enrolment intervals, cancellations and attendance corrections', () => {
    const script = new Script();
    for (const e of runningCollectif(ids, 'col-a', 2, 3)) script.add(e);
    const ref = { ...ids, collectifId: 'col-a' };
    script.add(makeEvent('ChildLeft', { ...ref, childId: 'col-a-child-1', reason: 'moved', leftOn: d('2026-11-20') }, paris('2026-11-20')));
    script.add(
      makeEvent(
        'SessionCancelled',
        { ...ref, sessionId: 'col-a-w1-s1', date: d('2026-11-18'), reason: 'strike', wasRecordedAsHeld: true },
        paris('2026-11-18', '20:00'),
      ),
    );
    script.add(
      makeEvent(
        'AttendanceCorrected',
        {
          ...ref,
          sessionId: 'col-a-w0-s0',
          sessionDate: d('2026-11-09'),
          entries: [{ childId: 'col-a-child-1', status: 'present' }],
          reason: 'typo',
        },
        paris('2026-11-25'),
      ),
    );
    const state = foldAsOf(projectFold, 'p1', script.recorded(), NOW);
    const collectif = state.collectifs['col-a'];
    expect(collectif.children).toHaveLength(3);
    expect(collectif.children.find((c) => c.childId === 'col-a-child-1')?.enrolments).toEqual([
      {
        enrolledOn: '2026-11-02',
        leftOn: '2026-11-20',
        leftReason: 'moved',
        eventIds: [expect.stringContaining('ChildEnrolled'), expect.stringContaining('ChildLeft')],
      },
    ]);
    expect(collectif.sessions.find((s) => s.sessionId === 'col-a-w1-s1')?.cancelled).toBe(true);
    expect(collectif.sessions.filter((s) => !s.cancelled)).toHaveLength(3);
    const sheet = collectif.attendance.find((a) => a.sessionId === 'col-a-w0-s0')!;
    expect(attendanceStatusAt(sheet, sheet.childIds.indexOf('col-a-child-1'))).toBe('present');
    expect(sheet.eventIds).toHaveLength(2);
  });

  it('owns its state: evolve mutates the state it is given, a fresh fold is unaffected, and the state is plain JSON', () => {
    const script = new Script();
    for (const e of runningCollectif(ids, 'col-a', 3, 4)) script.add(e);
    const events = script.recorded();
    const owned = projectFold.initial('p1');
    let state = owned;
    for (const e of events) state = projectFold.evolve(state, e);
    // Collectif events update the owner's state in place (no copy per event)…
    expect(state).toBe(owned);
    // …and a state started from initial() shares nothing with it: the same events give an equal, separate state.
    const again = foldAsOf(projectFold, 'p1', events, NOW);
    expect(again).not.toBe(state);
    expect(again.collectifs['col-a']).not.toBe(state.collectifs['col-a']);
    expect(JSON.stringify(again)).toBe(JSON.stringify(state));
    expect(projectFold.initial('p1').collectifs).toEqual({});
    // A JSON round trip (how the projector stores states) folds on identically.
    const reloaded = JSON.parse(JSON.stringify(foldAsOf(projectFold, 'p1', events.slice(0, 10), NOW))) as typeof state;
    let resumed = reloaded;
    for (const e of events.slice(10)) resumed = projectFold.evolve(resumed, e);
    expect(JSON.parse(JSON.stringify(resumed))).toEqual(JSON.parse(JSON.stringify(state)));
  });

  it('ignores events of other projects and types outside its catalogue subset', () => {
    const other = { ...ids, projectId: 'p2' };
    const script = new Script();
    script.add(decisionRecorded(other, approval(), '2026-10-05'));
    projectionSpec(projectFold).given(script.recorded(), 'p1').then(projectFold.initial('p1'));
    expect(projectFold.keysOf({ ...script.recorded()[0], type: 'CampaignOpened' })).toEqual([]);
  });
});
