import { ApiProperty } from '@nestjs/swagger';
import { IsIntBetween } from '../validation/domain-validators.js';
import { Nested, NullOr } from '../validation/nested.decorator.js';

export class BonusGrantDto {
  @ApiProperty({ example: 2, description: 'R-PS-BONUS is per collectif: the number of approved collectifs it is granted on' })
  @IsIntBetween(1, 50)
  collectifs!: number;
}

/** R-PS-BONUS: each bonus granted on some collectifs, or null (only a requested bonus can be granted). */
export class BonusesGrantedDto {
  @ApiProperty({ type: BonusGrantDto, nullable: true, example: { collectifs: 2 } })
  @NullOr()
  @Nested(() => BonusGrantDto)
  enfants!: BonusGrantDto | null;

  @ApiProperty({ type: BonusGrantDto, nullable: true, example: null })
  @NullOr()
  @Nested(() => BonusGrantDto)
  parents!: BonusGrantDto | null;
}
