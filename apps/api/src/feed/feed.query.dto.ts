import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { IsIntBetween } from '../validation/domain-validators.js';

export const MAX_FEED_LIMIT = 1000;

export class FeedQueryDto {
  @ApiPropertyOptional({
    example: 0,
    description: "Exclusive global position: pass the previous page's nextAfter. Default 0 (from the start)",
  })
  @IsOptional()
  @Type(() => Number)
  @IsIntBetween(0, Number.MAX_SAFE_INTEGER)
  after?: number;

  @ApiPropertyOptional({ example: 100, description: `Events per page, 1..${MAX_FEED_LIMIT}. Default 100` })
  @IsOptional()
  @Type(() => Number)
  @IsIntBetween(1, MAX_FEED_LIMIT)
  limit?: number;
}
