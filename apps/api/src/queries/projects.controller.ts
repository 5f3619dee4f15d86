import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@clas/application';
import type { Clock } from '@clas/event-store';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrorResponses } from '../http/api-error-responses.decorator.js';
import { CLOCK, QUERIES } from '../tokens.js';
import { AsOfQueryDto } from './as-of.query.dto.js';
import { resolveAsOf } from './as-of.parser.js';
import type { ClasQueriesPort } from './clas-queries.port.js';
import { projectBilanTable } from './exports/bilan-tables.js';
import { tabularResponse } from './exports/tabular-response.js';
import { BilanQueryDto, HistoryQueryDto, ProjectPathParams } from './query-params.dto.js';
import { valueOf } from './query-result.js';
import { ReadScope } from './read-scope.js';
import { DETAIL_READERS } from './readers.js';

/** "The end of time": the audit history filters on knownAt only. */
const ANY_OCCURRENCE = '9999-12-31T23:59:59.999Z';

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
  @ApiOperation({ operationId: 'projectEligibility', summary: 'Eligibility criteria (met / not_met / unknown / waived) with the facts used, planned and actual' })
  @ApiOkResponse({ description: 'EligibilityAnswer', schema: { type: 'object', example: { asOf: { at: '2026-10-20T21:59:59.999Z', knownAt: '2026-10-20T21:59:59.999Z' }, day: '2026-10-20', criteria: [] } } })
  async eligibility(@Param() path: ProjectPathParams, @Query() query: AsOfQueryDto, @CurrentActor() actor: Actor): Promise<unknown> {
    const asOf = resolveAsOf(query, this.clock.now());
    await this.scope.project(actor, path.projectId);
    return valueOf(await this.queries.eligibility(path.projectId, asOf));
  }

  @Get(':projectId/ps')
  @ApiOperation({ operationId: 'projectPayablePs', summary: 'Payable PS (forecast and actual) with its explanation: parameters, collectif lines, cap, bonuses, 80 % reduction, payments' })
  @ApiOkResponse({ description: 'PayablePsAnswer (amounts in integer cents)', schema: { type: 'object' } })
  async payablePs(@Param() path: ProjectPathParams, @Query() query: AsOfQueryDto, @CurrentActor() actor: Actor): Promise<unknown> {
    const asOf = resolveAsOf(query, this.clock.now());
    await this.scope.project(actor, path.projectId);
    return valueOf(await this.queries.payablePs(path.projectId, asOf));
  }

  @Get(':projectId/bilan')
  @ApiOperation({ operationId: 'projectBilan', summary: "The project's bilan (quantitative, financial, as filed) computed from its events" })
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'ProjectBilanAnswer, or a CSV / XLSX file with the total and one row per collectif', schema: { type: 'object' } })
  async bilan(@Param() path: ProjectPathParams, @Query() query: BilanQueryDto, @CurrentActor() actor: Actor): Promise<unknown> {
    const asOf = resolveAsOf(query, this.clock.now());
    await this.scope.project(actor, path.projectId);
    const answer = valueOf(await this.queries.projectBilan(path.projectId, asOf));
    return !query.format || query.format === 'json' ? answer : tabularResponse(projectBilanTable(answer), query.format);
  }

  @Get(':projectId/history')
  @ApiOperation({ operationId: 'projectHistory', summary: "Audit: every event of the project's streams recorded by knownAt, with occurredAt, recordedAt, actor and role" })
  @ApiOkResponse({
    description: 'The events in recorded order',
    schema: {
      type: 'object',
      example: {
        projectId: 'prj-2026-0042',
        knownAt: '2026-11-10T22:59:59.999Z',
        events: [{ eventId: '…', streamId: 'project-prj-2026-0042', streamVersion: 0, globalPosition: 12, type: 'ApplicationFiled', occurredAt: '2026-06-01T08:00:00.000Z', recordedAt: '2026-06-01T08:00:01.204Z', actor: 'u-42', role: 'operator', data: {} }],
      },
    },
  })
  async history(@Param() path: ProjectPathParams, @Query() query: HistoryQueryDto, @CurrentActor() actor: Actor): Promise<unknown> {
    const { knownAt } = resolveAsOf({ knownAt: query.knownAt }, this.clock.now());
    await this.scope.project(actor, path.projectId);
    const events = valueOf(await this.queries.projectHistory(path.projectId, { at: ANY_OCCURRENCE, knownAt }));
    return { projectId: path.projectId, knownAt, events };
  }
}
