import { ApiProperty } from '@nestjs/swagger';
import { IsText } from './domain-validators.js';

/**
 * Where a group meets (the domain's Place: checkPlace limits name to 300, commune to 200).
 * ONE class for the application's planned collectifs and for OpenCollectif: the OpenAPI
 * document keeps one schema per class name.
 */
export class PlaceDto {
  @ApiProperty({ example: 'École Jean-Jaurès' })
  @IsText(300)
  name!: string;

  @ApiProperty({ example: 'Carcassonne', description: 'Commune name or INSEE code' })
  @IsText(200)
  commune!: string;
}
