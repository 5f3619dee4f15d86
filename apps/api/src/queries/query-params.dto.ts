import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsAggregateId, IsCafCode, IsOneOf, IsSchoolYear } from '../validation/domain-validators.js';
import { AsOfQueryDto } from './as-of.query.dto.js';
import { EXPORT_FORMATS, type ExportFormat } from './exports/tabular-response.js';

export class ProjectPathParams {
  @ApiProperty({ example: 'prj-2026-0042' })
  @IsAggregateId()
  projectId!: string;
}

export class ConventionPathParams {
  @ApiProperty({ example: 'conv-2026-0007' })
  @IsAggregateId()
  conventionId!: string;
}

export class DepartmentPathParams {
  @ApiProperty({ example: '11' })
  @IsCafCode()
  cafCode!: string;

  @ApiProperty({ example: '2026-2027' })
  @IsSchoolYear()
  schoolYear!: string;
}

export class BilanQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    default: 'json',
    description: 'csv: `;`-separated, decimal comma, UTF-8 with BOM (French Excel); xlsx: one worksheet',
  })
  @IsOptional()
  @IsOneOf(EXPORT_FORMATS)
  format?: ExportFormat;
}

/** The audit history shows everything recorded by knownAt, whatever its occurredAt: no `at`. */
export class HistoryQueryDto extends PickType(AsOfQueryDto, ['knownAt'] as const) {}
