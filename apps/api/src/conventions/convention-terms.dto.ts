import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIntBetween, IsLocalDate } from '../validation/domain-validators.js';
import { Omittable } from '../validation/omittable.decorator.js';

/** R-CONV-3: the terms that change only through a validated amendment (the domain's bounds, checkTermValue). */
export class ConventionTermsDto {
  @ApiProperty({ example: '2026-11-02', description: "Within the convention's period (checked by the domain)" })
  @IsLocalDate()
  startDate!: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: 50 })
  @IsIntBetween(1, 50)
  collectifs!: number;

  @ApiProperty({ example: 20, minimum: 1, maximum: 600, description: 'Enrolled children' })
  @IsIntBetween(1, 600)
  children!: number;

  @ApiProperty({ example: 28, minimum: 1, maximum: 53, description: 'Total weeks of activity' })
  @IsIntBetween(1, 53)
  weeks!: number;
}

/**
 * An amendment: any subset of the terms (the domain refuses an empty one). Written out rather
 * than PartialType, whose IsOptional would let `null` through to the domain.
 */
export class ConventionTermsChangesDto {
  @ApiPropertyOptional({ example: '2026-11-16' })
  @Omittable()
  @IsLocalDate()
  startDate?: string;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 50 })
  @Omittable()
  @IsIntBetween(1, 50)
  collectifs?: number;

  @ApiPropertyOptional({ example: 30, minimum: 1, maximum: 600 })
  @Omittable()
  @IsIntBetween(1, 600)
  children?: number;

  @ApiPropertyOptional({ example: 30, minimum: 1, maximum: 53 })
  @Omittable()
  @IsIntBetween(1, 53)
  weeks?: number;
}
