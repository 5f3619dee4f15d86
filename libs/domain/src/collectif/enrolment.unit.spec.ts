import { describe, it, expect } from '@jest/globals';
import { makeEvent } from '../events/catalogue.js';
import { audeCampaign, d, paris } from '../testing/fixtures.js';
import { COLLECTIF, childEnrolled, childLeft, children, collectifOpened } from '../testing/collectif-fixtures.js';
import { PROJECT } from '../testing/project-fixtures.js';
import { specification } from '../testing/specification.js';
import type { CollectifCommand, EnrolChild } from './collectif.commands.js';
import type { CollectifContext, CollectifProjectFacts } from './collectif.context.js';
import { collectifDecider } from './collectif.decider.js';

const spec = specification(collectifDecider);
const context: CollectifContext = { campaign: audeCampaign() };

const enrol = (childId: string, enrolledOn = '2026-11-02', overrides: Partial<EnrolChild['data']> = {}): CollectifCommand => ({
  type: 'EnrolChild',
  commandId: `enrol-${childId}`,
  occurredAt: paris(enrolledOn, '18:00'),
  data: {
    collectifId: COLLECTIF.collectifId,
    childId,
    schoolLevel: 'CM1',
    orientedBy: 'social_worker',
    parentalConsentDate: d('2026-10-20'),
    disabilityNeeds: false,
    enrolledOn: d(enrolledOn),
    ...overrides,
  },
});

describe('opening a collectif', () => {
  const project: CollectifProjectFacts = { ref: PROJECT, schoolCycle: 'primary', plannedRefs: ['c1', 'c2'], open: true };
  const open = (level: 'primary' | 'college'): CollectifCommand => ({
    type: 'OpenCollectif',
    commandId: 'open',
    occurredAt: paris('2026-10-01'),
    data: {
      collectifId: 'col-1',
      projectId: PROJECT.projectId,
      plannedRef: 'c1',
      place: { name: 'École Jean-Jaurès', commune: 'Carcassonne' },
      level,
      rural: false,
      disabilityNeeds: false,
    },
  });

  it('opens with the routing ids of its project (operator, Caf, school year)', () => {
    spec.given([]).when(open('primary'), { project }).then([collectifOpened()]);
  });

  it('R-LIFE-3: a collège collectif cannot open in a primary project', () => {
    spec.given([]).when(open('college'), { project }).thenRejected('COLLECTIF_CYCLE_MISMATCH', 'R-LIFE-3');
  });

  it('R-LIFE: no collectif for an unknown or closed project', () => {
    spec.given([]).when(open('primary'), { project: null }).thenRejected('PROJECT_UNKNOWN', 'R-LIFE');
    spec
      .given([])
      .when(open('primary'), { project: { ...project, open: false } })
      .thenRejected('APPLICATION_CLOSED', 'R-LIFE');
  });
});

describe('enrolments (R-ELIG-COLLECTIVE, R-ELIG-PUBLIC)', () => {
  it('R-ELIG-PUBLIC: a child is enrolled with school level, who oriented them and the parents’ consent', () => {
    spec
      .given([collectifOpened()])
      .when(enrol('child-a'), context)
      .then([
        makeEvent(
          'ChildEnrolled',
          {
            ...COLLECTIF,
            childId: 'child-a',
            schoolLevel: 'CM1',
            orientedBy: 'social_worker',
            parentalConsentDate: d('2026-10-20'),
            disabilityNeeds: false,
            enrolledOn: d('2026-11-02'),
          },
          paris('2026-11-02', '18:00'),
        ),
      ]);
  });

  it('R-ELIG-COLLECTIVE: enrolling a 13th child is rejected', () => {
    const rejection = spec
      .given([collectifOpened(), ...children(12)])
      .when(enrol('child-13'), context)
      .thenRejected('GROUP_FULL', 'R-ELIG-COLLECTIVE');
    expect(rejection.details).toMatchObject({ max: 12, enrolled: 12, on: '2026-11-02' });
  });

  it('R-ELIG-COLLECTIVE: a child who left may be replaced from the day of the departure, not before', () => {
    const given = [collectifOpened(), ...children(12), childLeft('child-3', '2026-12-01')];
    spec.given(given).when(enrol('child-13', '2026-12-01'), context).thenAccepted();
    spec.given(given).when(enrol('child-13', '2026-11-30'), context).thenRejected('GROUP_FULL', 'R-ELIG-COLLECTIVE');
  });

  it('R-ELIG-COLLECTIVE: a back-dated enrolment counts the children who joined later too', () => {
    // 11 children from October, one more already recorded from December: a 13th back-dated to November would make 13 in December.
    const given = [collectifOpened(), ...children(11), childEnrolled('late-1', '2026-12-01')];
    const rejection = spec.given(given).when(enrol('child-x', '2026-11-02'), context).thenRejected('GROUP_FULL', 'R-ELIG-COLLECTIVE');
    expect(rejection.details.on).toBe('2026-12-01');
  });

  it('R-ELIG-COLLECTIVE: enrolling a child already enrolled is rejected', () => {
    spec
      .given([collectifOpened(), childEnrolled('child-a')])
      .when(enrol('child-a'), context)
      .thenRejected('CHILD_ALREADY_ENROLLED', 'R-ELIG-COLLECTIVE');
  });

  it('R-ELIG-PUBLIC: the parents’ consent must precede the enrolment', () => {
    spec
      .given([collectifOpened()])
      .when(enrol('child-a', '2026-11-02', { parentalConsentDate: d('2026-11-05') }), context)
      .thenRejected('CONSENT_AFTER_ENROLMENT', 'R-ELIG-PUBLIC');
  });

  it('R-LIFE-3: a collégien is not enrolled in a primary collectif', () => {
    spec
      .given([collectifOpened()])
      .when(enrol('child-a', '2026-11-02', { schoolLevel: '6e' }), context)
      .thenRejected('CHILD_OUTSIDE_COLLECTIF_CYCLE', 'R-LIFE-3');
  });

  it('R-INPUT: an enrolment before the collectif opened or in the future is rejected', () => {
    const before = enrol('child-a', '2026-09-20', { parentalConsentDate: d('2026-09-01') });
    expect(spec.given([collectifOpened()]).when(before, context).thenRejected('INVALID_INPUT', 'R-INPUT').details.field).toBe('enrolledOn');
    const future = { ...(enrol('child-a') as EnrolChild), occurredAt: paris('2026-10-30') };
    expect(spec.given([collectifOpened()]).when(future, context).thenRejected('INVALID_INPUT', 'R-INPUT').details.field).toBe('enrolledOn');
  });

  it('R-ELIG-COLLECTIVE: a child who is not enrolled cannot leave', () => {
    const leave: CollectifCommand = {
      type: 'RecordChildDeparture',
      commandId: 'leave',
      occurredAt: paris('2026-12-01'),
      data: { collectifId: COLLECTIF.collectifId, childId: 'child-z', reason: 'moved', leftOn: d('2026-12-01') },
    };
    spec
      .given([collectifOpened(), childEnrolled('child-a')])
      .when(leave)
      .thenRejected('CHILD_NOT_ENROLLED', 'R-ELIG-COLLECTIVE');
    spec
      .given([collectifOpened(), childEnrolled('child-z'), childLeft('child-z', '2026-11-15')])
      .when(leave)
      .thenRejected('CHILD_NOT_ENROLLED', 'R-ELIG-COLLECTIVE');
    spec
      .given([collectifOpened(), childEnrolled('child-z')])
      .when(leave)
      .then([childLeft('child-z', '2026-12-01')]);
  });
});
