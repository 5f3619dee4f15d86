import type {
  ApplicationContent,
  ApprovalTerms,
  CampaignParameters,
  ClasEvent,
  EventData,
  Instant,
  RecordedEvent,
  SchoolYear,
} from '@clas/domain';
import { addDays, makeEvent, streamIdOf } from '@clas/domain';
import { CAF, YEAR, applicationContent as seasonApplication, approvalTerms, d, paris } from '@clas/domain/testing';
import type { EventStore } from '@clas/event-store';
import type { FakeClock } from '@clas/event-store/testing';

/**
 * Test scenarios written as domain events (typed by the catalogue through makeEvent), each with
 * the instant it is recorded. The same script feeds the unit specs (as RecordedEvents) and the
 * integration specs (appended to a real store whose clock is moved to each recordedAt). The
 * season (dates, application, approval) is the domain's test season (@clas/domain/testing).
 */
export { d, paris };

export interface ScriptedEvent {
  eventId: string;
  streamId: string;
  event: ClasEvent;
  recordedAt: Instant;
}

export class Script {
  readonly events: ScriptedEvent[] = [];

  /** Records the event at `recordedAt` (default: when it occurred); returns its event id. */
  add(event: ClasEvent, recordedAt: Instant = event.occurredAt): string {
    const eventId = `e${this.events.length + 1}-${event.type}`;
    this.events.push({ eventId, streamId: streamIdOf(event), event, recordedAt });
    return eventId;
  }

  recorded(): RecordedEvent[] {
    const versions = new Map<string, number>();
    return this.events.map((s, i) => {
      const version = (versions.get(s.streamId) ?? -1) + 1;
      versions.set(s.streamId, version);
      return {
        eventId: s.eventId,
        streamId: s.streamId,
        streamVersion: version,
        globalPosition: i + 1,
        type: s.event.type,
        schemaVersion: s.event.schemaVersion,
        data: s.event.data,
        occurredAt: s.event.occurredAt,
        recordedAt: s.recordedAt,
        metadata: { actor: 'agent-1', role: 'caf_agent' },
      };
    });
  }

  /** Appends every event to the store, moving the clock to its recordedAt first. */
  async appendTo(store: EventStore, clock: FakeClock): Promise<void> {
    for (const s of this.events) {
      clock.set(s.recordedAt);
      const { type, schemaVersion, data, occurredAt } = s.event;
      await store.append(
        s.streamId,
        [{ eventId: s.eventId, type, schemaVersion, data, occurredAt, metadata: { actor: 'agent-1', role: 'caf_agent' } }],
        'any',
      );
    }
  }
}

export interface ProjectIds {
  projectId: string;
  operatorId: string;
  cafCode: string;
  schoolYear: SchoolYear;
}

/** A project of the season's campaign (Caf 11, 2026-2027). */
export const seasonProject = (projectId: string, operatorId: string): ProjectIds => ({
  projectId,
  operatorId,
  cafCode: CAF,
  schoolYear: YEAR,
});

export function campaignOpened(parameters: CampaignParameters, openedOn: string): ClasEvent {
  return makeEvent(
    'CampaignOpened',
    { cafCode: parameters.cafCode, schoolYear: parameters.schoolYear, parameters, openedOn: d(openedOn) },
    paris(openedOn),
  );
}

export function operatorEvents(
  operatorId: string,
  cafCode: string,
  on: string,
  kind: 'association' | 'centre_social' = 'association',
): ClasEvent[] {
  const ref = { operatorId, cafCode };
  return [
    makeEvent(
      'OperatorRegistered',
      {
        ...ref,
        name: `Association ${operatorId}`,
        kind,
        cafApproval: kind === 'centre_social' ? { from: d('2024-01-01'), to: d('2028-12-31') } : null,
        registeredOn: d(on),
      },
      paris(on),
    ),
    makeEvent(
      'CoordinatorAppointed',
      { ...ref, personId: `coord-${operatorId}`, qualificationLevel: 3, hasRelevantExperience: true, appointedOn: d(on) },
      paris(on, '11:00'),
    ),
    makeEvent(
      'OperatorDeclarationRecorded',
      { ...ref, declaration: 'insurance', documentDate: d(on), expiresOn: null, reference: 'POL-1' },
      paris(on, '11:10'),
    ),
    makeEvent(
      'OperatorDeclarationRecorded',
      { ...ref, declaration: 'laicite_charter', documentDate: d(on), expiresOn: null, reference: 'CH-1' },
      paris(on, '11:20'),
    ),
  ];
}

/** The season's application with `collectifs` generated groups (École 1…n), rural or not. */
export function applicationContent(overrides: Partial<ApplicationContent> = {}, collectifs = 2, rural = false): ApplicationContent {
  const season = seasonApplication();
  return {
    ...season,
    territory: { ...season.territory, rural, qpv: !rural },
    collectifs: Array.from({ length: collectifs }, (_, i) => ({
      ref: `c${i + 1}`,
      place: { name: `École ${i + 1}`, commune: 'Carcassonne' },
      level: 'primary' as const,
      rural,
      disabilityNeeds: false,
      plannedChildren: rural ? 6 : 10,
    })),
    ...overrides,
  };
}

export function applicationFiled(ids: ProjectIds, content: ApplicationContent, on: string): ClasEvent {
  return makeEvent(
    'ApplicationFiled',
    { ...ids, applicationKind: 'new', renewalOf: null, content, filedOn: d(on), deadline: d('2026-08-05'), warnings: [] },
    paris(on),
  );
}

export function examinationOpened(ids: ProjectIds, on: string): ClasEvent {
  return makeEvent('ExaminationOpened', { ...ids, openedOn: d(on), priorQualitativeBilanReceived: null }, paris(on));
}

/** The season's approval: two collectifs, the enfants bonus for both. */
export const approval = approvalTerms;

export function decisionRecorded(ids: ProjectIds, terms: ApprovalTerms, on: string, time = '14:00'): ClasEvent {
  return makeEvent(
    'CommitteeDecisionRecorded',
    { ...ids, decisionId: `dec-${ids.projectId}`, meetingId: null, meetingDate: d(on), effectiveDate: d(on), decision: terms },
    paris(on, time),
  );
}

/**
 * The usual start of a project's story: campaign opened (1 March), operator registered
 * (10 March), application filed (20 June), examination (1 September), approval (5 October).
 */
export function approvedProject(ids: ProjectIds, parameters: CampaignParameters, terms: ApprovalTerms = approval()): Script {
  const script = new Script();
  script.add(campaignOpened(parameters, '2026-03-01'));
  for (const e of operatorEvents(ids.operatorId, ids.cafCode, '2026-03-10')) script.add(e);
  script.add(applicationFiled(ids, applicationContent(), '2026-06-20'));
  script.add(examinationOpened(ids, '2026-09-01'));
  script.add(decisionRecorded(ids, terms, '2026-10-05'));
  return script;
}

/** Worked example 3: the correction occurs at the decision's own instant. */
export function decisionCorrected(ids: ProjectIds, corrected: ApprovalTerms, decisionOccurredAt: Instant, correctedOn: string): ClasEvent {
  return makeEvent(
    'CommitteeDecisionCorrected',
    {
      ...ids,
      decisionId: `dec-${ids.projectId}`,
      effectiveDate: d(decisionOccurredAt.slice(0, 10)),
      correctedOn: d(correctedOn),
      reason: 'the minutes said 3 collectifs',
      correctedFields: ['approvedCollectifs', 'approvedCollectifRefs'],
      corrected,
    },
    decisionOccurredAt,
  );
}

/** A collectif that opens, enrols `children`, gets two staff members, and holds 2 × 90 min a week for `weeks` weeks from 2026-11-09. */
export function runningCollectif(
  ids: ProjectIds,
  collectifId: string,
  weeks: number,
  children = 10,
  options: { rural?: boolean; minutes?: number[] } = {},
): ClasEvent[] {
  const ref = { ...ids, collectifId };
  const events: ClasEvent[] = [
    makeEvent(
      'CollectifOpened',
      {
        ...ref,
        plannedRef: 'c1',
        place: { name: 'École', commune: 'Carcassonne' },
        level: 'primary',
        rural: options.rural ?? false,
        disabilityNeeds: false,
        openedOn: d('2026-11-02'),
      },
      paris('2026-11-02', '09:00'),
    ),
  ];
  for (let i = 1; i <= children; i += 1) {
    events.push(
      makeEvent(
        'ChildEnrolled',
        {
          ...ref,
          childId: `${collectifId}-child-${i}`,
          schoolLevel: 'CE1',
          orientedBy: 'teacher',
          parentalConsentDate: d('2026-11-02'),
          disabilityNeeds: false,
          enrolledOn: d('2026-11-02'),
        },
        paris('2026-11-02', '09:30'),
      ),
    );
  }
  for (const staffId of [`${collectifId}-staff-1`, `${collectifId}-staff-2`]) {
    events.push(
      makeEvent(
        'StaffAssigned',
        {
          ...ref,
          staffId,
          status: 'professional',
          criminalRecordCheckDate: d('2026-10-01'),
          trainingAttendedDate: d('2026-10-15'),
          isNew: true,
          assignedOn: d('2026-11-02'),
          warnings: [],
        },
        paris('2026-11-02', '09:45'),
      ),
    );
  }
  const minutes = options.minutes ?? [90, 90];
  for (let w = 0; w < weeks; w += 1) {
    minutes.forEach((m, i) =>
      events.push(
        ...sessionWithAttendance(ids, collectifId, addDays(d('2026-11-09'), 7 * w + 2 * i), `${collectifId}-w${w}-s${i}`, children, m),
      ),
    );
  }
  return events;
}

export function sessionWithAttendance(
  ids: ProjectIds,
  collectifId: string,
  date: string,
  sessionId: string,
  children: number,
  minutes = 90,
): ClasEvent[] {
  const ref = { ...ids, collectifId };
  const held: EventData<'SessionHeld'> = {
    ...ref,
    sessionId,
    date: d(date),
    start: '16:45',
    minutes,
    kind: 'children',
    activityTypes: ['methodology', 'cultural'],
    warnings: [],
  };
  return [
    makeEvent('SessionHeld', held, paris(date, '16:45')),
    makeEvent(
      'AttendanceRecorded',
      {
        ...ref,
        sessionId,
        sessionDate: d(date),
        entries: Array.from({ length: children }, (_, i) => ({
          childId: `${collectifId}-child-${i + 1}`,
          status: i === 0 ? 'absent' : 'present',
        })),
      },
      paris(date, '18:30'),
    ),
  ];
}

export function bilanFiled(ids: ProjectIds, actualTotalCost: number, on: string, otherCafFunding = 0): ClasEvent {
  return makeEvent(
    'BilanFiled',
    {
      ...ids,
      bilanId: `bil-${ids.projectId}`,
      filedOn: d(on),
      quantitative: {
        collectifsRun: 2,
        childrenEnrolled: { primary: 20, college: 0, lycee: 0 },
        arrivals: 0,
        departures: 0,
        sessionsHeld: 112,
        minutesHeld: 10080,
        weeksOfActivity: 28,
        attendance: { present: 1000, expected: 1100 },
        parentsReached: 12,
      },
      qualitative: { summary: 'the play was staged in June', objectives: [{ code: 'P2', assessment: 'four evenings' }] },
      financial: {
        actualTotalCost,
        coFunders: [{ name: 'Ville', kind: 'commune', amount: 600_000 }],
        cafAmountsReceived: 300_000,
        otherCafFunding,
      },
    },
    paris(on),
  );
}
