import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { COLLECTIF_LEVELS } from '@clas/domain';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsBool, IsOneOf } from '../validation/domain-validators.js';
import { Nested, NullOr } from '../validation/nested.decorator.js';
import { PlaceDto } from '../validation/place.dto.js';

export class OpenCollectifDataDto {
  @ApiProperty({ example: 'col-2026-0042-a', description: 'Opaque id chosen by the client (a uuid in practice)' })
  @IsAggregateId()
  collectifId!: string;

  @ApiProperty({ example: 'prj-2026-0042', description: 'The project the collectif runs for (its operator, Caf and school year)' })
  @IsAggregateId()
  projectId!: string;

  @ApiPropertyOptional({ example: 'c1', nullable: true, type: String, description: 'The planned collectif of the application it realises, or null' })
  @IsOptional()
  @NullOr()
  @IsAggregateId()
  plannedRef?: string | null;

  @ApiProperty({ type: PlaceDto })
  @Nested(() => PlaceDto)
  place!: PlaceDto;

  @ApiProperty({ enum: COLLECTIF_LEVELS, example: 'primary', description: "R-LIFE-3: within the project's school cycle" })
  @IsOneOf(COLLECTIF_LEVELS)
  level!: string;

  @ApiProperty({ example: false, description: 'R-ELIG-COLLECTIVE: a rural group may have 5 children' })
  @IsBool()
  rural!: boolean;

  @ApiProperty({ example: false, description: 'R-ELIG-COLLECTIVE (Aude): a child with a disability needing reinforced attention' })
  @IsBool()
  disabilityNeeds!: boolean;
}

/** POST /collectifs → OpenCollectif (the body names the collectif and its project). */
export class OpenCollectifRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: OpenCollectifDataDto })
  @Nested(() => OpenCollectifDataDto)
  data!: OpenCollectifDataDto;
}
