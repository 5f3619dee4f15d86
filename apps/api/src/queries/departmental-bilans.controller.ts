import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@clas/application';
import type { Clock } from '@clas/event-store';
import type { DepartmentalBilanAnswer } from '@clas/projections';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { AnswersWithOrFile } from '../contract/answers-with.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrorResponses } from '../http/api-error-responses.decorator.js';
import { CLOCK, QUERIES } from '../tokens.js';
import { asOfOfQuery } from './as-of.http.js';
import type { ClasQueriesPort } from './clas-queries.port.js';
import { departmentalBilanTable } from './exports/bilan-tables.js';
import { tabularResponse } from './exports/tabular-response.js';
import { BilanQueryDto, DepartmentPathParams } from './query-params.dto.js';
import { valueOf } from './query-result.js';
import { ReadScope } from './read-scope.js';
import { AGGREGATE_READERS } from './readers.js';

@ApiTags('bilans')
@ApiBearerAuth()
@Controller('cafs')
export class DepartmentalBilansController {
  constructor(
    @Inject(QUERIES) private readonly queries: ClasQueriesPort,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scope: ReadScope,
  ) {}

  @Get(':cafCode/bilans/:schoolYear')
  @Roles(...AGGREGATE_READERS)
  @ApiOperation({
    operationId: 'departmentalBilan',
    summary: 'R-BILAN-4: every approved project of the Caf for the school year, with breakdowns by commune, EPCI, rural/urban, QPV, cycle',
  })
  @AnswersWithOrFile(
    'DepartmentalBilanAnswer',
    'The departmental bilan as JSON, or (format=csv|xlsx) a file with the totals and one row per breakdown line',
  )
  @ApiErrorResponses(400, 401, 403, 404)
  async bilan(
    @Param() path: DepartmentPathParams,
    @Query() query: BilanQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<DepartmentalBilanAnswer | Response> {
    const asOf = asOfOfQuery(query, this.clock.now());
    this.scope.department(actor, path.cafCode);
    const answer = valueOf(await this.queries.departmentalBilan(path.cafCode, path.schoolYear, asOf));
    return !query.format || query.format === 'json' ? answer : tabularResponse(departmentalBilanTable(answer), query.format);
  }
}
