import { describe, expect, it } from '@jest/globals';
import { makeEvent } from '../events/catalogue.js';
import type { CommitteeEvent } from '../events/committee.events.js';
import { CAF, YEAR, d, paris } from '../testing/fixtures.js';
import { MEETING_ID, PROJECT, applicationContent } from '../testing/project-fixtures.js';
import { specification } from '../testing/specification.js';
import type { CommitteeCommand } from './committee.commands.js';
import type { CommitteeContext } from './committee.context.js';
import { committeeDecider } from './committee.decider.js';
import { meetsCriterion, orientationScore } from './orientation-criteria.js';

const spec = specification(committeeDecider);
const REF = { cafCode: CAF, schoolYear: YEAR };
const OTHER = 'prj-2';
const known: CommitteeContext = {
  agendaProjects: { [PROJECT.projectId]: REF, [OTHER]: REF, 'prj-40': { cafCode: '40', schoolYear: YEAR }, 'prj-x': null },
};
const members = [
  { institution: 'caf' as const, name: 'Elisabet Bosch-Crespi', role: 'responsable développement territorial' },
  { institution: 'dsden' as const },
  { institution: 'prefecture' as const, name: null },
];

const command = <T extends CommitteeCommand['type']>(type: T, occurredAt: string, data: object): CommitteeCommand =>
  ({ type, commandId: `${type}-1`, occurredAt, data: { ...REF, ...data } }) as CommitteeCommand;
const schedule = (agenda = [PROJECT.projectId]) =>
  command('ScheduleCommitteeMeeting', paris('2026-09-15'), { meetingId: MEETING_ID, date: d('2026-10-05'), agenda });
const hold = (data: object = {}) =>
  command('HoldCommitteeMeeting', paris('2026-10-05', '17:00'), { meetingId: MEETING_ID, members, ...data });
const minutes = () =>
  command('RecordMeetingMinutes', paris('2026-10-08'), { meetingId: MEETING_ID, minutes: 'Le comité a examiné deux dossiers.' });

const scheduled = (): CommitteeEvent =>
  makeEvent(
    'CommitteeMeetingScheduled',
    { ...REF, meetingId: MEETING_ID, date: d('2026-10-05'), agenda: [PROJECT.projectId] },
    paris('2026-09-15'),
  );
const held = (minutesText: string | null = null): CommitteeEvent =>
  makeEvent(
    'CommitteeMeetingHeld',
    {
      ...REF,
      meetingId: MEETING_ID,
      date: d('2026-10-05'),
      members: [
        { institution: 'caf', name: 'Elisabet Bosch-Crespi', role: 'responsable développement territorial' },
        { institution: 'dsden', name: null, role: null },
        { institution: 'prefecture', name: null, role: null },
      ],
      agenda: [PROJECT.projectId],
      minutes: minutesText,
    },
    paris('2026-10-05', '17:00'),
  );

describe('committee orientations (R-COMMITTEE-ORIENTATIONS)', () => {
  it('R-COMMITTEE-ORIENTATIONS: the year’s priorities are recorded with their weights, and a later set replaces them', () => {
    const set = command('SetCommitteeOrientations', paris('2026-06-01'), {
      orientations: [
        { code: 'QPV', weight: 3, label: 'Quartiers prioritaires' },
        { code: 'RURAL', weight: 2 },
      ],
    });
    const [first] = spec.given([]).when(set).thenAccepted();
    expect(first!.data).toEqual({
      ...REF,
      orientations: [
        { code: 'QPV', weight: 3, label: 'Quartiers prioritaires' },
        { code: 'RURAL', weight: 2, label: null },
      ],
      setOn: '2026-06-01',
    });
    const replace = command('SetCommitteeOrientations', paris('2026-09-01'), { orientations: [{ code: 'COLLEGE', weight: 5 }] });
    const state = [first!, ...spec.given([first!]).when(replace).thenAccepted()].reduce(
      committeeDecider.evolve,
      committeeDecider.initialState(),
    );
    expect(state.orientations).toEqual([{ code: 'COLLEGE', weight: 5, label: null }]);
    expect(state.orientationsSetOn).toBe('2026-09-01');
  });
});

describe('committee meetings (R-COMMITTEE-MEETING)', () => {
  it('R-COMMITTEE-MEETING: a meeting is scheduled ahead with its agenda, then held with the members present', () => {
    spec.given([]).when(schedule(), known).then([scheduled()]);
    spec.given([scheduled()]).when(hold(), known).then([held()]);
  });

  it('R-COMMITTEE-MEETING: a meeting never scheduled is held with its date and agenda, which it must state', () => {
    spec
      .given([])
      .when(hold({ date: d('2026-10-05'), agenda: [PROJECT.projectId] }), known)
      .then([held()]);
    const noDate = spec
      .given([])
      .when(hold({ agenda: [PROJECT.projectId] }), known)
      .thenRejected('INVALID_INPUT', 'R-INPUT');
    expect(noDate.details.field).toBe('date');
    const noAgenda = spec
      .given([])
      .when(hold({ date: d('2026-10-05') }), known)
      .thenRejected('INVALID_INPUT', 'R-INPUT');
    expect(noAgenda.details.field).toBe('agenda');
  });

  it('R-COMMITTEE-MEETING: the meeting held may change its agenda (a file added on the day)', () => {
    const [event] = spec
      .given([scheduled()])
      .when(hold({ agenda: [PROJECT.projectId, OTHER] }), known)
      .thenAccepted();
    expect(event!.data).toMatchObject({ agenda: [PROJECT.projectId, OTHER], date: '2026-10-05' });
  });

  it('R-COMMITTEE-MEETING: the same meeting cannot be scheduled twice nor held twice', () => {
    expect(
      spec.given([scheduled()]).when(schedule(), known).thenRejected('MEETING_ALREADY_RECORDED', 'R-COMMITTEE-MEETING').details.field,
    ).toBe('meetingId');
    spec.given([scheduled(), held()]).when(hold(), known).thenRejected('MEETING_ALREADY_HELD', 'R-COMMITTEE-MEETING');
  });

  it('R-COMMITTEE-MEETING: the agenda lists existing files of the committee’s own Caf and school year', () => {
    const unknown = spec
      .given([])
      .when(schedule([PROJECT.projectId, 'prj-x']), known)
      .thenRejected('AGENDA_PROJECT_UNKNOWN', 'R-COMMITTEE-MEETING');
    expect(unknown.details).toMatchObject({ field: 'agenda[1]', projectId: 'prj-x' });
    const other = spec
      .given([])
      .when(schedule(['prj-40']), known)
      .thenRejected('AGENDA_PROJECT_OF_ANOTHER_COMMITTEE', 'R-COMMITTEE-MEETING');
    expect(other.details).toMatchObject({ field: 'agenda[0]', cafCode: '40' });
  });

  it('R-COMMITTEE-MEETING: minutes are recorded once, after the meeting was held', () => {
    spec
      .given([scheduled(), held()])
      .when(minutes())
      .then([
        makeEvent(
          'CommitteeMeetingMinutesRecorded',
          { ...REF, meetingId: MEETING_ID, minutes: 'Le comité a examiné deux dossiers.', recordedOn: d('2026-10-08') },
          paris('2026-10-08'),
        ),
      ]);
    spec.given([scheduled()]).when(minutes()).thenRejected('MEETING_NOT_HELD', 'R-COMMITTEE-MEETING');
    spec
      .given([held('déjà rédigé')])
      .when(minutes())
      .thenRejected('MINUTES_ALREADY_RECORDED', 'R-COMMITTEE-MEETING');
    const unknown = spec.given([]).when(minutes()).thenRejected('MEETING_UNKNOWN', 'R-COMMITTEE-MEETING');
    expect(unknown.details.field).toBe('meetingId');
  });

  it('R-FACT-PAST: a meeting cannot be recorded as held before its day; scheduling a future one is fine', () => {
    spec.given([]).receivedAt(paris('2026-09-15')).when(schedule(), known).thenAccepted();
    const early = spec
      .given([scheduled()])
      .receivedAt(paris('2026-10-04'))
      .when(command('HoldCommitteeMeeting', paris('2026-10-04'), { meetingId: MEETING_ID, members }), known)
      .thenRejected('FACT_NOT_YET_HAPPENED', 'R-FACT-PAST');
    expect(early.details.field).toBe('date');
  });
});

describe('orientation criteria (R-COMMITTEE-ORIENTATIONS)', () => {
  const orientations = [
    { code: 'QPV' as const, weight: 3, label: null },
    { code: 'RURAL' as const, weight: 2, label: null },
    { code: 'EPCI_NOT_COVERED' as const, weight: 4, label: null },
    { code: 'DISABILITY_INCLUSION' as const, weight: 1, label: null },
    { code: 'PARENT_INVOLVEMENT' as const, weight: 5, label: null },
    { code: 'COLLEGE' as const, weight: 2, label: null },
  ];

  it('R-COMMITTEE-ORIENTATIONS: a file scores the weights of the priorities it meets, read from its application', () => {
    // The test application: urban QPV in Carcassonne Agglo, primary, one collectif with disability needs, no bonus parents.
    const content = applicationContent();
    expect(orientationScore(orientations, { content, epcisCoveredLastYear: new Set() })).toEqual({
      met: [orientations[0], orientations[2], orientations[3]],
      score: 8,
    });
    expect(meetsCriterion('EPCI_NOT_COVERED', { content, epcisCoveredLastYear: new Set(['Carcassonne Agglo']) })).toBe(false);
    const rural = applicationContent({ territory: { commune: 'Limoux', epci: null, rural: true, qpv: false } });
    expect(orientationScore(orientations, { content: rural, epcisCoveredLastYear: new Set() }).met.map((o) => o.code)).toEqual([
      'RURAL',
      'DISABILITY_INCLUSION',
    ]);
  });
});
