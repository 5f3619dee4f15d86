import { ApiProperty } from '@nestjs/swagger';
import { PARTNER_KINDS } from '@clas/domain';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsLocalDate, IsOneOf, IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';

export class RecordPartnerRelationDataDto {
  @ApiProperty({ example: 'pr-mediatheque', description: 'Client-chosen id (unique in the project)' })
  @IsAggregateId()
  relationId!: string;

  @ApiProperty({ example: 'Médiathèque Grain d’sel' })
  @IsText(300)
  partnerName!: string;

  @ApiProperty({ enum: PARTNER_KINDS, example: 'library' })
  @IsOneOf(PARTNER_KINDS)
  partnerKind!: string;

  @ApiProperty({ example: '2026-11-05', description: 'Not after occurredAt' })
  @IsLocalDate()
  date!: string;

  @ApiProperty({ example: 'Prêt de salle et animation lecture un mercredi sur deux' })
  @IsText(4000)
  description!: string;
}

/** POST /projects/:projectId/partner-relations → RecordPartnerRelation (R-ELIG-AXES T1). */
export class RecordPartnerRelationRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: RecordPartnerRelationDataDto })
  @Nested(() => RecordPartnerRelationDataDto)
  data!: RecordPartnerRelationDataDto;
}
