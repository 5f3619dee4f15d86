import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional } from 'class-validator';
import { IsAggregateId, IsCafCode, IsOneOf, IsText } from '../validation/domain-validators.js';
import { Nested, NullOr } from '../validation/nested.decorator.js';
import { PERSON_KINDS } from '@clas/personal-data';

export class PersonContactDto {
  @ApiPropertyOptional({ example: 'parent@example.org', nullable: true, type: String })
  @IsOptional()
  @NullOr()
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string | null;

  @ApiPropertyOptional({ example: '+33 4 68 00 00 00', nullable: true, type: String })
  @IsOptional()
  @NullOr()
  @IsText(40)
  phone?: string | null;

  @ApiPropertyOptional({ example: '3 rue des Écoles, 11000 Carcassonne', nullable: true, type: String })
  @IsOptional()
  @NullOr()
  @IsText(500)
  address?: string | null;
}

/** PUT /persons/:personId: the name and contact behind an opaque person id of the events. */
export class PutPersonRequestDto {
  @ApiProperty({ enum: PERSON_KINDS, example: 'child' })
  @IsOneOf(PERSON_KINDS)
  kind!: string;

  @ApiProperty({ example: 'Léa' })
  @IsText(100)
  firstName!: string;

  @ApiProperty({ example: 'Martin' })
  @IsText(100)
  lastName!: string;

  @ApiPropertyOptional({ type: PersonContactDto })
  @IsOptional()
  @Nested(() => PersonContactDto)
  contact?: PersonContactDto;

  @ApiProperty({ example: '11', description: 'The Caf whose agents may read and erase the record' })
  @IsCafCode()
  cafCode!: string;

  @ApiPropertyOptional({
    example: 'op-7c9e6679',
    nullable: true,
    type: String,
    description: 'The operator the person is with; default for an operator token: its own (naming another is a 403)',
  })
  @IsOptional()
  @NullOr()
  @IsAggregateId()
  operatorId?: string | null;
}

export class PersonPathParams {
  @ApiProperty({ example: 'child-9f1e' })
  @IsAggregateId()
  personId!: string;
}
