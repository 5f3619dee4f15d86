import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@clas/application';
import type { Clock } from '@clas/event-store';
import type { ConventionAnswer } from '@clas/projections';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { AnswersWith } from '../contract/answers-with.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrorResponses } from '../http/api-error-responses.decorator.js';
import { CLOCK, QUERIES } from '../tokens.js';
import { AsOfQueryDto } from './as-of.query.dto.js';
import { asOfOfQuery } from './as-of.http.js';
import type { ClasQueriesPort } from './clas-queries.port.js';
import { ConventionPathParams } from './query-params.dto.js';
import { valueOf } from './query-result.js';
import { ReadScope } from './read-scope.js';
import { DETAIL_READERS } from './readers.js';

@ApiTags('conventions')
@ApiBearerAuth()
@Controller('conventions')
export class ConventionsController {
  constructor(
    @Inject(QUERIES) private readonly queries: ClasQueriesPort,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scope: ReadScope,
  ) {}

  @Get(':conventionId')
  @Roles(...DETAIL_READERS)
  @ApiOperation({
    operationId: 'conventionView',
    summary: 'R-CONV-4: period, years, collectifs notified, amendments, PS forecast and paid per year, can the next year go on',
  })
  @AnswersWith('ConventionAnswer', 'The convention at the date, and its multi-year eligibility (R-CONV-1, R-CONV-SUPPORT)')
  @ApiErrorResponses(400, 401, 403, 404)
  async view(@Param() path: ConventionPathParams, @Query() query: AsOfQueryDto, @CurrentActor() actor: Actor): Promise<ConventionAnswer> {
    const asOf = asOfOfQuery(query, this.clock.now());
    await this.scope.convention(actor, path.conventionId);
    return valueOf(await this.queries.convention(path.conventionId, asOf));
  }
}
