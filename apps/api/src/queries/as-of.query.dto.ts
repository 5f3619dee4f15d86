import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { isInstant, isLocalDate, SUPPORTED_YEARS_TEXT } from '@clas/domain';

/** What `at` and `knownAt` accept (parseAsOf), as the 400 says it. */
export const AS_OF_FORMAT = `must be a date YYYY-MM-DD (the end of that Paris day) or an ISO instant with a zone, in ${SUPPORTED_YEARS_TEXT}`;

const IsDateOrInstant = () =>
  ValidateBy({
    name: 'isDateOrInstant',
    validator: {
      validate: (v: unknown) => isLocalDate(v) || isInstant(v),
      defaultMessage: () => AS_OF_FORMAT,
    },
  });

/** The two dates of every question (domain.md §7). */
export class AsOfQueryDto {
  @ApiPropertyOptional({
    example: '2026-10-20',
    description: 'World time: facts that had happened by then. A date means the END of that day in Europe/Paris. Default: now',
  })
  @IsOptional()
  @IsDateOrInstant()
  at?: string;

  @ApiPropertyOptional({
    example: '2026-10-20',
    description: 'Knowledge time: only facts recorded by then. Not in the future. Default: now',
  })
  @IsOptional()
  @IsDateOrInstant()
  knownAt?: string;
}
