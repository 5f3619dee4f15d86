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
import type { StreamDirectory } from './stream-directory.port.js';
import type { ProjectScope } from './time-travel.reader.js';
import { TimeTravelReader } from './time-travel.reader.js';

/** An unknown id (the API maps it to 404), or nothing known about it at the date. */
export interface NotFound {
  kind: 'not_found';
  what: 'project' | 'convention' | 'campaign';
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
