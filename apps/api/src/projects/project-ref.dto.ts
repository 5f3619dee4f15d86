import { ApiProperty } from '@nestjs/swagger';
import { IsAggregateId, IsCafCode, IsSchoolYear } from '../validation/domain-validators.js';

/**
 * Who a project belongs to (`ProjectRef` without the id, which is in the path). The commands
 * that may open the stream (draft, filing, not receivable) carry it; the bus checks the
 * actor's scope against it and the domain checks it matches an existing draft.
 */
export class ProjectRefFieldsDto {
  @ApiProperty({ example: 'op-7c9e6679' })
  @IsAggregateId()
  operatorId!: string;

  @ApiProperty({ example: '11' })
  @IsCafCode()
  cafCode!: string;

  @ApiProperty({ example: '2026-2027' })
  @IsSchoolYear()
  schoolYear!: string;
}
