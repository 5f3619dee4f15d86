import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { OPERATOR_KINDS, SCHOOL_CYCLES } from '@clas/domain';
import {
  CAMPAIGN_STATUSES,
  CONVENTION_STATUSES,
  ELIGIBILITY_VERDICTS,
  MAX_LIST_LIMIT,
  PROJECT_SORTS,
  PROJECT_STATUSES,
  SORT_ORDERS,
  type SortOrder,
  WORKLIST_NAMES,
} from '@clas/projections';
import { IsAggregateId, IsBool, IsCafCode, IsIntBetween, IsOneOf, IsSchoolYear, IsText } from '../validation/domain-validators.js';

/** "true"/"false" in a query string; anything else stays a string and fails IsBool, naming the parameter. */
const queryBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** Every list: page size, opaque cursor, read-your-writes position. */
export class PageQueryDto {
  @ApiPropertyOptional({ example: 50, description: `Items per page, 1..${MAX_LIST_LIMIT}. Default 50` })
  @IsOptional()
  @Type(() => Number)
  @IsIntBetween(1, MAX_LIST_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's nextCursor (opaque; only valid with the same sort and order)" })
  @IsOptional()
  @IsText(2000)
  cursor?: string;

  @ApiPropertyOptional({
    example: 1234,
    description:
      "Read your own write: wait (at most 2 s) until the read model applied this global position (a command answer's highest `positions`); the page says whether it got there",
  })
  @IsOptional()
  @Type(() => Number)
  @IsIntBetween(0, Number.MAX_SAFE_INTEGER)
  minPosition?: number;
}

export class OrderedPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'asc' })
  @IsOptional()
  @IsOneOf(SORT_ORDERS)
  order?: SortOrder;
}

export class ProjectListQueryDto extends OrderedPageQueryDto {
  @ApiPropertyOptional({ example: '11' })
  @IsOptional()
  @IsCafCode()
  cafCode?: string;

  @ApiPropertyOptional({ example: '2026-2027' })
  @IsOptional()
  @IsSchoolYear()
  schoolYear?: string;

  @ApiPropertyOptional({ example: 'op-7c9e6679' })
  @IsOptional()
  @IsAggregateId()
  operatorId?: string;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES, description: 'Lifecycle status (R-LIFE)' })
  @IsOptional()
  @IsOneOf(PROJECT_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: ELIGIBILITY_VERDICTS, description: 'Eligibility verdict on the application (planned)' })
  @IsOptional()
  @IsOneOf(ELIGIBILITY_VERDICTS)
  eligibility?: string;

  @ApiPropertyOptional({ example: 'Carcassonne', description: 'Commune as the application states it (exact)' })
  @IsOptional()
  @IsText(100)
  commune?: string;

  @ApiPropertyOptional({ example: 'Carcassonne Agglo', description: 'EPCI as the application states it (exact)' })
  @IsOptional()
  @IsText(100)
  epci?: string;

  @ApiPropertyOptional({ description: 'Milieu rural' })
  @IsOptional()
  @queryBoolean()
  @IsBool()
  rural?: boolean;

  @ApiPropertyOptional({ description: 'Quartier prioritaire' })
  @IsOptional()
  @queryBoolean()
  @IsBool()
  qpv?: boolean;

  @ApiPropertyOptional({ enum: SCHOOL_CYCLES })
  @IsOptional()
  @IsOneOf(SCHOOL_CYCLES)
  cycle?: string;

  @ApiPropertyOptional({ example: 'devoirs', description: 'Free text searched in the title (case-insensitive)' })
  @IsOptional()
  @IsText(100)
  q?: string;

  @ApiPropertyOptional({ enum: PROJECT_SORTS, default: 'id', description: 'Sort column; the project id breaks ties' })
  @IsOptional()
  @IsOneOf(PROJECT_SORTS)
  sort?: (typeof PROJECT_SORTS)[number];
}

export class CampaignListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '11' })
  @IsOptional()
  @IsCafCode()
  cafCode?: string;

  @ApiPropertyOptional({ example: '2026-2027' })
  @IsOptional()
  @IsSchoolYear()
  schoolYear?: string;

  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @IsOptional()
  @IsOneOf(CAMPAIGN_STATUSES)
  status?: string;
}

export class OperatorListQueryDto extends OrderedPageQueryDto {
  @ApiPropertyOptional({ example: '11' })
  @IsOptional()
  @IsCafCode()
  cafCode?: string;

  @ApiPropertyOptional({ enum: OPERATOR_KINDS })
  @IsOptional()
  @IsOneOf(OPERATOR_KINDS)
  kind?: string;

  @ApiPropertyOptional({ example: 'centre social', description: 'Searched in the registered name (case-insensitive)' })
  @IsOptional()
  @IsText(100)
  name?: string;

  @ApiPropertyOptional({ enum: ['id', 'name'], default: 'id' })
  @IsOptional()
  @IsOneOf(['id', 'name'])
  sort?: string;
}

export class ConventionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '11' })
  @IsOptional()
  @IsCafCode()
  cafCode?: string;

  @ApiPropertyOptional({ example: 'op-7c9e6679' })
  @IsOptional()
  @IsAggregateId()
  operatorId?: string;

  @ApiPropertyOptional({ enum: CONVENTION_STATUSES })
  @IsOptional()
  @IsOneOf(CONVENTION_STATUSES)
  status?: string;
}

/** `/worklists/:name`: an unknown name is a 400 naming `name`, like any bad parameter. */
export class WorklistPathParams {
  @ApiProperty({ enum: WORKLIST_NAMES, example: 'applications-to-examine' })
  @IsOneOf(WORKLIST_NAMES)
  name!: string;
}
