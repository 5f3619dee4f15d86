import { SUPPORTED_YEARS } from '@clas/domain';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@clas/application';
import type { Clock } from '@clas/event-store';
import type { EligibilityAnswer, HistoryEntry, PayablePsAnswer, ProjectBilanAnswer } from '@clas/projections';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { AnswersWith, AnswersWithOrFile } from '../contract/answers-with.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrorResponses } from '../http/api-error-responses.decorator.js';
import { CLOCK, QUERIES } from '../tokens.js';
import { AsOfQueryDto } from './as-of.query.dto.js';
import { asOfOfQuery } from './as-of.http.js';
import type { ClasQueriesPort } from './clas-queries.port.js';
import { projectBilanTable } from './exports/bilan-tables.js';
import { tabularResponse } from './exports/tabular-response.js';
import { BilanQueryDto, HistoryQueryDto, ProjectPathParams } from './query-params.dto.js';
import { valueOf } from './query-result.js';
import { ReadScope } from './read-scope.js';
import { DETAIL_READERS } from './readers.js';

/**
 * "The end of time": the audit history filters on knownAt only. The last instant of the supported
 * years, which no fact passes (R-INPUT) and the one as-of parser accepts.
 */
const ANY_OCCURRENCE = `${SUPPORTED_YEARS.last}-12-31T23:59:59.999Z`;

/** GET /projects/{id}/history: the audit trail as known at knownAt. */
export interface ProjectHistoryAnswer {
  projectId: string;
  /** The knowledge time asked (or now): only events recorded by then are listed. */
  knownAt: string;
  /** Every event of the project's streams, in recorded order. */
  events: HistoryEntry[];
}

/** Questions about one project, at any date (domain.md §7). */
@ApiTags('projects')
@ApiBearerAuth()
@Roles(...DETAIL_READERS)
@ApiErrorResponses(400, 401, 403, 404)
@Controller('projects')
export class ProjectsController {
  constructor(
    @Inject(QUERIES) private readonly queries: ClasQueriesPort,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scope: ReadScope,
  ) {}

  @Get(':projectId/eligibility')
  @ApiOperation({
    operationId: 'projectEligibility',
    summary: 'Eligibility criteria (met / not_met / unknown / waived) with the facts used, planned and actual',
  })
  @AnswersWith(
    'EligibilityAnswer',
    'The lifecycle status, the decision, and every criterion evaluated on the application (planned) and on what happened (actual)',
  )
  async eligibility(
    @Param() path: ProjectPathParams,
    @Query() query: AsOfQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<EligibilityAnswer> {
    const asOf = asOfOfQuery(query, this.clock.now());
    await this.scope.project(actor, path.projectId);
    return valueOf(await this.queries.eligibility(path.projectId, asOf));
  }

  @Get(':projectId/ps')
  @ApiOperation({
    operationId: 'projectPayablePs',
    summary: 'Payable PS (forecast and actual) with its explanation: parameters, collectif lines, cap, bonuses, 80 % reduction, payments',
  })
  @AnswersWith('PayablePsAnswer', 'The forecast and actual statements with their explanation trees (amounts in integer cents)')
  async payablePs(@Param() path: ProjectPathParams, @Query() query: AsOfQueryDto, @CurrentActor() actor: Actor): Promise<PayablePsAnswer> {
    const asOf = asOfOfQuery(query, this.clock.now());
    await this.scope.project(actor, path.projectId);
    return valueOf(await this.queries.payablePs(path.projectId, asOf));
  }

  @Get(':projectId/bilan')
  @ApiOperation({
    operationId: 'projectBilan',
    summary: "The project's bilan (quantitative, financial, as filed) computed from its events",
  })
  @AnswersWithOrFile('ProjectBilanAnswer', 'The bilan as JSON, or (format=csv|xlsx) a file with the total and one row per collectif')
  async bilan(
    @Param() path: ProjectPathParams,
    @Query() query: BilanQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProjectBilanAnswer | Response> {
    const asOf = asOfOfQuery(query, this.clock.now());
    await this.scope.project(actor, path.projectId);
    const answer = valueOf(await this.queries.projectBilan(path.projectId, asOf));
    return !query.format || query.format === 'json' ? answer : tabularResponse(projectBilanTable(answer), query.format);
  }

  @Get(':projectId/history')
  @ApiOperation({
    operationId: 'projectHistory',
    summary: "Audit: every event of the project's streams recorded by knownAt, with occurredAt, recordedAt, actor and role",
  })
  @AnswersWith('ProjectHistoryAnswer', 'The events in recorded order')
  async history(
    @Param() path: ProjectPathParams,
    @Query() query: HistoryQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProjectHistoryAnswer> {
    const { knownAt } = asOfOfQuery({ knownAt: query.knownAt }, this.clock.now());
    await this.scope.project(actor, path.projectId);
    const events = valueOf(await this.queries.projectHistory(path.projectId, { at: ANY_OCCURRENCE, knownAt }));
    return { projectId: path.projectId, knownAt, events };
  }
}
