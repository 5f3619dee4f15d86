import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { commandRequest } from '../commands/command-request.js';
import { IsAggregateId, IsCafCode, IsIntBetween } from '../validation/domain-validators.js';

/** POST /cafs/:cafCode/webhooks → SubscribeWebhook. */
export class SubscribeWebhookRequestDto extends commandRequest('SubscribeWebhook') {}
/** POST /cafs/:cafCode/webhooks/:subscriptionId/unsubscription → UnsubscribeWebhook. */
export class UnsubscribeWebhookRequestDto extends commandRequest('UnsubscribeWebhook', { optional: true }) {}

/** `/cafs/:cafCode/webhooks` */
export class WebhooksPathParams {
  @ApiProperty({ example: '11' })
  @IsCafCode()
  cafCode!: string;
}

/** `/cafs/:cafCode/webhooks/:subscriptionId/…` */
export class WebhookPathParams extends WebhooksPathParams {
  @ApiProperty({ example: 'erp-2026' })
  @IsAggregateId()
  subscriptionId!: string;
}

export const MAX_DELIVERIES_LIMIT = 500;

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ example: 100, description: `Deliveries, newest first, 1..${MAX_DELIVERIES_LIMIT}. Default 100` })
  @IsOptional()
  @Type(() => Number)
  @IsIntBetween(1, MAX_DELIVERIES_LIMIT)
  limit?: number;
}
