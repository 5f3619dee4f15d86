import { ApiProperty } from '@nestjs/swagger';
import { CommandEnvelopeDto } from '../commands/command-envelope.dto.js';
import { IsAggregateId, IsCents, IsText } from '../validation/domain-validators.js';
import { Nested } from '../validation/nested.decorator.js';

/**
 * R-PS-PAYMENTS: the Caf records what it pays or recovers. The amount is the Caf's (GET
 * /projects/:projectId/ps says what is due); the domain checks the order (advance after the
 * approval, balance after the validated bilan, a recovery no larger than what was paid).
 */
export class PaymentDataDto {
  @ApiProperty({ example: 'pay-2026-0042-1', description: 'Client-chosen id, unique among the project’s payments and recoveries' })
  @IsAggregateId()
  paymentId!: string;

  @ApiProperty({ example: 314_690, description: 'Integer cents, > 0' })
  @IsCents()
  amount!: number;
}

/** POST /projects/:projectId/payments/advance → PayAdvance (after the approval). */
export class PayAdvanceRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: PaymentDataDto })
  @Nested(() => PaymentDataDto)
  data!: PaymentDataDto;
}

/** POST /projects/:projectId/payments/balance → PayBalance (after the validated bilan, once). */
export class PayBalanceRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: PaymentDataDto })
  @Nested(() => PaymentDataDto)
  data!: PaymentDataDto;
}

export class IssueRecoveryDataDto {
  @ApiProperty({ example: 'rec-2026-0042-1', description: 'Client-chosen id, unique among the project’s payments and recoveries' })
  @IsAggregateId()
  recoveryId!: string;

  @ApiProperty({ example: 25_000, description: 'Integer cents, > 0, not more than paid and not yet recovered' })
  @IsCents()
  amount!: number;

  @ApiProperty({ example: 'Un collectif n’a pas atteint 27 semaines d’activité (R-PS-WEEK)' })
  @IsText(4000)
  reason!: string;
}

/** POST /projects/:projectId/payments/recovery → IssueRecovery (after the validated bilan, or a withdrawal after an advance). */
export class IssueRecoveryRequestDto extends CommandEnvelopeDto {
  @ApiProperty({ type: IssueRecoveryDataDto })
  @Nested(() => IssueRecoveryDataDto)
  data!: IssueRecoveryDataDto;
}
