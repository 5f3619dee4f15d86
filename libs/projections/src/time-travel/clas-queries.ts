import type { SchoolYear } from '@clas/domain';
import { campaignStreamId, conventionCoversSchoolYear, operatorStreamId, projectStreamId } from '@clas/domain';
import type { Clock, EventStore } from '@clas/event-store';
import { systemClock } from '@clas/event-store';
import type { AsOf } from '../core/keyed-fold.js';
import { parseAsOf } from '../core/as-of.js';
import type { ConventionAnswer } from '../answers/convention-view.answer.js';
import { conventionView } from '../answers/convention-view.answer.js';
import type { DepartmentalBilanAnswer } from '../answers/departmental-bilan.answer.js';
import { departmentalBilan } from '../answers/departmental-bilan.answer.js';
import type { EligibilityAnswer } from '../answers/eligibility.answer.js';
import type { EnvelopeAnswer } from '../answers/envelope.answer.js';
import { envelopeAnswer } from '../answers/envelope.answer.js';
import { eligibilityStatus } from '../answers/eligibility.answer.js';
import type { PayablePsAnswer } from '../answers/payable-ps.answer.js';
import { payablePs } from '../answers/payable-ps.answer.js';
import type { ProjectBilanAnswer } from '../answers/project-bilan.answer.js';
import { projectBilan } from '../answers/project-bilan.answer.js';
import { withSharedFacts } from '../answers/project-facts.builder.js';
import type { AgreementModel, LetterModel, LetterSources } from '../letters/letter-model.js';
import type { ProjectLettersAnswer, RenderedDocument } from '../letters/letters.js';
import { projectLetters, renderAgreement, renderLetter } from '../letters/letters.js';
import type {
  CommitteeAnswer,
  CommitteeMeetingAnswer,
  MeetingRankingAnswer,
  RankingForecast,
  RankingInput,
  RankingEnvelopeInput,
} from '../answers/committee.answer.js';
import { committeeView, meetingAnswer, meetingRanking } from '../answers/committee.answer.js';
import { forecastStatement, requestedStatement } from '../answers/payable-ps.answer.js';
import type { CommitteeState, PsStatement } from '@clas/domain';
import { isSchoolYear, meetingOf, previousSchoolYear } from '@clas/domain';
import type { ProjectFoldState } from '../folds/project-state.js';
import type { StreamDirectory } from './stream-directory.port.js';
import type { ProjectScope } from './time-travel.reader.js';
import { TimeTravelReader } from './time-travel.reader.js';
import { foldAsOf } from '../core/keyed-fold.js';
import { projectFold } from '../folds/project.fold.js';

/** An unknown id (the API maps it to 404), or nothing known about it at the date. */
export interface NotFound {
  kind: 'not_found';
  what: 'project' | 'convention' | 'campaign' | 'letter' | 'agreement' | 'committee' | 'meeting';
  id: string;
}

export type QueryResult<T> = { kind: 'found'; asOf: AsOf; value: T } | NotFound;

/** One event of a project's streams, as an auditor reads it. */
export interface HistoryEntry {
  eventId: string;
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: string;
  role: string;
  data: unknown;
}

/** The answers about one project that `projectAnswers` can compute from a single read of its streams. */
export interface ProjectAnswers {
  eligibility: EligibilityAnswer;
  payablePs: PayablePsAnswer;
  projectBilan: ProjectBilanAnswer;
}

export type ProjectAnswerName = keyof ProjectAnswers;

const DEFAULT_PROJECT_ANSWERS = ['eligibility', 'payablePs'] as const;

const notFound = (what: NotFound['what'], id: string): NotFound => ({ kind: 'not_found', what, id });

/**
 * The questions of issue 5 at any date: each one reads its streams through the time-travel
 * reader (directory caught up first: read-your-writes), folds them and answers with the pure
 * answer functions. `at` and `knownAt` default to the clock's now.
 */
export class ClasQueries {
  readonly reader: TimeTravelReader;

  constructor(
    store: EventStore,
    directory: StreamDirectory,
    private readonly clock: Clock = systemClock,
  ) {
    this.reader = new TimeTravelReader(store, directory);
  }

  /** The canonical AsOf of the inputs (parseAsOf); an unparsable one throws a RangeError (the API maps it to 400). */
  resolve(asOf?: Partial<AsOf>): AsOf {
    const parsed = parseAsOf(asOf, this.clock.now());
    if (!parsed.ok) throw new RangeError(`${parsed.field} is not an ISO instant: ${JSON.stringify(parsed.value)}`);
    return parsed.asOf;
  }

  private async withProject<T>(
    projectId: string,
    input: Partial<AsOf> | undefined,
    answer: (scope: ProjectScope, asOf: AsOf) => T,
  ): Promise<QueryResult<T>> {
    const asOf = this.resolve(input);
    const scope = await this.reader.project(projectId, asOf);
    // A project whose first event was recorded after knownAt (or occurs after at) did not exist then.
    if (!scope || scope.project.ref === null) return notFound('project', projectId);
    return { kind: 'found', asOf, value: answer(scope, asOf) };
  }

  eligibility(projectId: string, asOf?: Partial<AsOf>): Promise<QueryResult<EligibilityAnswer>> {
    return this.withProject(projectId, asOf, (s, a) => eligibilityStatus(s.project, s.campaign, s.operator, a));
  }

  payablePs(projectId: string, asOf?: Partial<AsOf>): Promise<QueryResult<PayablePsAnswer>> {
    return this.withProject(projectId, asOf, (s, a) => payablePs(s.project, s.campaign, a));
  }

  projectBilan(projectId: string, asOf?: Partial<AsOf>): Promise<QueryResult<ProjectBilanAnswer>> {
    return this.withProject(projectId, asOf, (s, a) => projectBilan(s.project, s.campaign, a));
  }

  /**
   * Several answers about one project from ONE read and ONE fold of its streams (project,
   * collectifs, campaign, operator): what a screen showing eligibility and payable PS side by
   * side needs. Each answer equals the one of the separate method at the same AsOf.
   * Default: eligibility and payable PS.
   */
  projectAnswers<K extends ProjectAnswerName = (typeof DEFAULT_PROJECT_ANSWERS)[number]>(
    projectId: string,
    asOf?: Partial<AsOf>,
    which: readonly K[] = DEFAULT_PROJECT_ANSWERS as unknown as readonly K[],
  ): Promise<QueryResult<Pick<ProjectAnswers, K>>> {
    return this.withProject(projectId, asOf, (s, a) =>
      // One freshly folded state, answered synchronously: the answers share its collectif facts.
      withSharedFacts(() => {
        const answers: Partial<ProjectAnswers> = {};
        for (const name of which) {
          if (name === 'eligibility') answers.eligibility = eligibilityStatus(s.project, s.campaign, s.operator, a);
          else if (name === 'payablePs') answers.payablePs = payablePs(s.project, s.campaign, a);
          else if (name === 'projectBilan') answers.projectBilan = projectBilan(s.project, s.campaign, a);
        }
        return answers as Pick<ProjectAnswers, K>;
      }),
    );
  }

  /** The events of the project's streams (project + collectifs) visible at the date, for audit. */
  projectHistory(projectId: string, asOf?: Partial<AsOf>): Promise<QueryResult<HistoryEntry[]>> {
    return this.withProject(projectId, asOf, (s) =>
      s.events.map((e) => ({
        eventId: e.eventId,
        streamId: e.streamId,
        streamVersion: e.streamVersion,
        globalPosition: e.globalPosition,
        type: e.type,
        occurredAt: e.occurredAt,
        recordedAt: e.recordedAt,
        actor: e.metadata.actor,
        role: e.metadata.role,
        data: e.data,
      })),
    );
  }

  /**
   * R-NOTIFY: the streams a project's letters are rendered from, as known now. Each letter then
   * folds them as of its own decision's recording, so what is read here never changes a letter.
   */
  private async letterSources(
    projectId: string,
  ): Promise<{ sources: LetterSources; asOf: AsOf; coveringConventionId: string | null } | NotFound> {
    const asOf = this.resolve();
    const scope = await this.reader.project(projectId, asOf);
    if (!scope || scope.project.ref === null) return notFound('project', projectId);
    const { cafCode, schoolYear, operatorId } = scope.entry;
    const [campaign, operator, conventions] = await Promise.all([
      this.reader.readStreams([campaignStreamId(cafCode, schoolYear as SchoolYear)], asOf.knownAt),
      this.reader.readStreams([operatorStreamId(operatorId)], asOf.knownAt),
      this.reader.conventionsOfOperator(operatorId, asOf),
    ]);
    const covering = conventions.find((c) => c.operatorId === operatorId && conventionCoversSchoolYear(c, schoolYear as SchoolYear));
    return {
      sources: { project: scope.events.filter((e) => e.streamId === projectStreamId(projectId)), campaign, operator },
      asOf,
      coveringConventionId: covering?.conventionId ?? null,
    };
  }

  /** GET /projects/{id}/letters: one letter per decision and correction, with its hash and whether it was sent. */
  async projectLetters(projectId: string): Promise<QueryResult<ProjectLettersAnswer>> {
    const read = await this.letterSources(projectId);
    if ('kind' in read) return read;
    const project = foldAsOf(projectFold, projectId, read.sources.project, read.asOf);
    return { kind: 'found', asOf: read.asOf, value: await projectLetters(read.sources, project, read.coveringConventionId) };
  }

  /** One letter rendered (model, HTML, PDF, hash); not found when the project has no such letter. */
  async letter(projectId: string, letterId: string): Promise<QueryResult<RenderedDocument<LetterModel>>> {
    const read = await this.letterSources(projectId);
    if ('kind' in read) return read;
    const rendered = await renderLetter(read.sources, projectId, letterId);
    return rendered ? { kind: 'found', asOf: read.asOf, value: rendered } : notFound('letter', letterId);
  }

  /** R-AGREEMENT-ANNUAL: the annual agreement rendered; not found before an approval, or under a convention covering the year. */
  async agreement(projectId: string): Promise<QueryResult<RenderedDocument<AgreementModel>>> {
    const read = await this.letterSources(projectId);
    if ('kind' in read) return read;
    // Under a multi-year convention covering the year there is no annual agreement to draw.
    const rendered = read.coveringConventionId === null ? await renderAgreement(read.sources, projectId) : null;
    return rendered ? { kind: 'found', asOf: read.asOf, value: rendered } : notFound('agreement', projectId);
  }

  async convention(conventionId: string, input?: Partial<AsOf>): Promise<QueryResult<ConventionAnswer>> {
    const asOf = this.resolve(input);
    const scope = await this.reader.convention(conventionId, asOf);
    if (!scope || scope.convention.requested === null) return notFound('convention', conventionId);
    return {
      kind: 'found',
      asOf,
      value: conventionView(scope.convention, scope.operator.kind === null ? null : scope.operator, scope.projects, scope.campaigns, asOf),
    };
  }

  /** The projects of every agenda of the committee, folded at the date (those unknown then are left out). */
  private async agendaProjects(committee: CommitteeState, asOf: AsOf): Promise<Map<string, ProjectFoldState>> {
    const ids = [...new Set(committee.meetings.flatMap((m) => m.agenda))];
    const projects = new Map<string, ProjectFoldState>();
    for (const id of ids) {
      const scope = await this.reader.project(id, asOf);
      if (scope && scope.project.ref !== null) projects.set(id, scope.project);
    }
    return projects;
  }

  /** R-COMMITTEE-MEETING, R-COMMITTEE-ORIENTATIONS: orientations and meetings, each with its decisions. */
  async committee(cafCode: string, schoolYear: string, input?: Partial<AsOf>): Promise<QueryResult<CommitteeAnswer>> {
    const asOf = this.resolve(input);
    const committee = await this.reader.committee(cafCode, schoolYear, asOf);
    if (committee === null) return notFound('committee', `${cafCode}:${schoolYear}`);
    return { kind: 'found', asOf, value: committeeView(cafCode, schoolYear, committee, await this.agendaProjects(committee, asOf), asOf) };
  }

  async committeeMeeting(
    cafCode: string,
    schoolYear: string,
    meetingId: string,
    input?: Partial<AsOf>,
  ): Promise<QueryResult<CommitteeMeetingAnswer>> {
    const asOf = this.resolve(input);
    const committee = await this.reader.committee(cafCode, schoolYear, asOf);
    const meeting = committee && meetingOf(committee, meetingId);
    if (!committee || !meeting) return notFound('meeting', meetingId);
    return { kind: 'found', asOf, value: meetingAnswer(meeting, await this.agendaProjects(committee, asOf)) };
  }

  /**
   * R-COMMITTEE-ORIENTATIONS: the meeting's files ranked against the orientations, each with its
   * planned eligibility and PS forecast from the existing answers (the decision's forecast, or the
   * application's before it), and the running total of the forecasts.
   */
  async committeeRanking(
    cafCode: string,
    schoolYear: string,
    meetingId: string,
    input?: Partial<AsOf>,
  ): Promise<QueryResult<MeetingRankingAnswer>> {
    const asOf = this.resolve(input);
    const committee = await this.reader.committee(cafCode, schoolYear, asOf);
    const meeting = committee && meetingOf(committee, meetingId);
    if (!committee || !meeting || !isSchoolYear(schoolYear)) return notFound('meeting', meetingId);
    const inputs: RankingInput[] = [];
    for (const projectId of meeting.agenda) {
      const scope = await this.reader.project(projectId, asOf);
      if (!scope || scope.project.ref === null) continue;
      inputs.push(
        withSharedFacts(() => {
          const eligibility = eligibilityStatus(scope.project, scope.campaign, scope.operator, asOf);
          const decided = scope.project.decision;
          const statement =
            decided === null
              ? requestedStatement(scope.project, scope.campaign, asOf)
              : forecastStatement(scope.project, scope.campaign, asOf);
          return {
            project: scope.project,
            plannedVerdict: eligibility.planned?.verdict ?? null,
            forecast: statement && rankingForecast(statement, decided === null ? 'application' : 'decision'),
          };
        }),
      );
    }
    // EPCI_NOT_COVERED: the EPCIs where the Caf approved a project the school year before, as known at the date.
    const previous = await this.reader.department(cafCode, previousSchoolYear(schoolYear), asOf);
    const covered = new Set(
      (previous?.projects ?? []).flatMap((p) =>
        p.decision?.outcome === 'approved' && p.application?.content.territory.epci ? [p.application.content.territory.epci] : [],
      ),
    );
    // R-BUDGET-ENVELOPE: the envelope answer at the same date (one computation of the commitments).
    const department = await this.reader.department(cafCode, schoolYear, asOf);
    const envelope: RankingEnvelopeInput =
      department && department.campaign.openedEventId !== null
        ? envelopeAnswer(cafCode, schoolYear, department.projects, department.campaign, asOf)
        : { checked: false, envelope: null, projects: [] };
    return { kind: 'found', asOf, value: meetingRanking({ cafCode, schoolYear }, committee, meeting, inputs, covered, envelope, asOf) };
  }

  async departmentalBilan(cafCode: string, schoolYear: string, input?: Partial<AsOf>): Promise<QueryResult<DepartmentalBilanAnswer>> {
    const asOf = this.resolve(input);
    const scope = await this.reader.department(cafCode, schoolYear, asOf);
    if (!scope || scope.campaign.openedEventId === null) return notFound('campaign', `${cafCode}:${schoolYear}`);
    return { kind: 'found', asOf, value: departmentalBilan(cafCode, schoolYear, scope.projects, scope.campaign, scope.operators, asOf) };
  }

  /** R-BUDGET-ENVELOPE: the Caf × year envelope, committed, consumed and remaining at the date. */
  async envelope(cafCode: string, schoolYear: string, input?: Partial<AsOf>): Promise<QueryResult<EnvelopeAnswer>> {
    const asOf = this.resolve(input);
    const scope = await this.reader.department(cafCode, schoolYear, asOf);
    if (!scope || scope.campaign.openedEventId === null) return notFound('campaign', `${cafCode}:${schoolYear}`);
    return { kind: 'found', asOf, value: envelopeAnswer(cafCode, schoolYear, scope.projects, scope.campaign, asOf) };
  }
}

function rankingForecast(statement: PsStatement, basis: RankingForecast['basis']): RankingForecast {
  return {
    basis,
    collectifs: statement.approvedCollectifs,
    psCents: statement.ps,
    bonusesCents: statement.bonuses.total,
    totalCents: statement.payable,
  };
}
