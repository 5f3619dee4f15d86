import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { OPERATOR_KINDS } from '@clas/domain';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsCafCode, IsLocalDate, IsOneOf, IsText } from '../validation/domain-validators.js';
import { Nested, NullOr } from '../validation/nested.decorator.js';

export class ApprovalPeriodDto {
  @ApiProperty({ example: '2024-01-01' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2027-12-31' })
  @IsLocalDate()
  to!: string;
}

export class RegisterOperatorDataDto {
  @ApiProperty({ example: 'op-7c9e6679', description: 'Opaque id chosen by the client (a uuid in practice)' })
  @IsAggregateId()
  operatorId!: string;

  @ApiProperty({ example: '11' })
  @IsCafCode()
  cafCode!: string;

  @ApiProperty({ example: 'Centre social La Fontaine', description: 'An organisation: not personal data' })
  @IsText(300)
  name!: string;

  @ApiProperty({ enum: OPERATOR_KINDS, example: 'centre_social' })
  @IsOneOf(OPERATOR_KINDS)
  kind!: string;

  @ApiPropertyOptional({ type: ApprovalPeriodDto, nullable: true, description: 'R-CONV-1: required for a centre social, null otherwise' })
  @IsOptional()
  @NullOr()
  @Nested(() => ApprovalPeriodDto)
  cafApproval?: ApprovalPeriodDto | null;
}

/** POST /operators → RegisterOperator. */
export class RegisterOperatorRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: RegisterOperatorDataDto })
  @Nested(() => RegisterOperatorDataDto)
  data!: RegisterOperatorDataDto;
}
