import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsOneOf } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { ApplicationContentDto } from './application-content.dto.js';
import { ProjectRefFieldsDto } from './project-ref.dto.js';

export const APPLICATION_KINDS = ['new', 'renewal'] as const;

export class FileApplicationDataDto extends ProjectRefFieldsDto {
  @ApiProperty({ enum: APPLICATION_KINDS, example: 'new', description: 'A renewal with more changes than R-LIFE-4 allows is filed in full, as kind renewal' })
  @IsOneOf(APPLICATION_KINDS)
  applicationKind!: string;

  @ApiPropertyOptional({ example: 'prj-2025-0017', description: 'Required for a renewal: the approved project of an earlier year it renews' })
  @ValidateIf((data: FileApplicationDataDto) => data.applicationKind === 'renewal' || data.previousProjectId !== undefined)
  @IsAggregateId()
  previousProjectId?: string;

  @ApiProperty({ type: ApplicationContentDto })
  @Nested(() => ApplicationContentDto)
  content!: ApplicationContentDto;
}

/**
 * POST /projects/:projectId/application → FileApplication (step 4). Files a draft, or opens the
 * project directly. R-LIFE-1: after the campaign deadline (Europe/Paris, inclusive) it is a 422.
 */
export class FileApplicationRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: FileApplicationDataDto })
  @Nested(() => FileApplicationDataDto)
  data!: FileApplicationDataDto;
}
