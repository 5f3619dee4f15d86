import { ApiProperty } from '@nestjs/swagger';
import { IsAggregateId } from '../validation/domain-validators.js';

/** `/conventions/:conventionId/…` (commands; the query route validates its own). */
export class ConventionCommandPathParams {
  @ApiProperty({ example: 'conv-2026-0007' })
  @IsAggregateId()
  conventionId!: string;
}

/** `/conventions/:conventionId/amendments/:amendmentId/…` */
export class ConventionAmendmentPathParams extends ConventionCommandPathParams {
  @ApiProperty({ example: 'amd-2027-01' })
  @IsAggregateId()
  amendmentId!: string;
}
