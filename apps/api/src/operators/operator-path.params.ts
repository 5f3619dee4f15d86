import { ApiProperty } from '@nestjs/swagger';
import { IsAggregateId } from '../validation/domain-validators.js';

export class OperatorPathParams {
  @ApiProperty({ example: 'op-7c9e6679' })
  @IsAggregateId()
  operatorId!: string;
}
