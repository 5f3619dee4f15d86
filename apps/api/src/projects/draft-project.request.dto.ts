import { ApiProperty } from '@nestjs/swagger';
import { SCHOOL_CYCLES } from '@clas/domain';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsOneOf, IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';
import { ProjectRefFieldsDto } from './project-ref.dto.js';

export class DraftProjectDataDto extends ProjectRefFieldsDto {
  @ApiProperty({ example: 'prj-2026-0042', description: 'Opaque id chosen by the client (a uuid in practice); names the stream project-<projectId>' })
  @IsAggregateId()
  projectId!: string;

  @ApiProperty({ example: 'Clas Jean-Jaurès' })
  @IsText(300)
  title!: string;

  @ApiProperty({ enum: SCHOOL_CYCLES, example: 'primary', description: 'R-LIFE-3: one project per school cycle' })
  @IsOneOf(SCHOOL_CYCLES)
  schoolCycle!: string;
}

/** POST /projects → DraftProject (step 3: the operator builds its project). */
export class DraftProjectRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: DraftProjectDataDto })
  @Nested(() => DraftProjectDataDto)
  data!: DraftProjectDataDto;
}
