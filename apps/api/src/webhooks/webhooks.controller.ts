import { Body, Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, type Role, canRead } from '@clas/application';
import { webhooksStreamId } from '@clas/domain';
import type { Clock, EventStore } from '@clas/event-store';
import { type WebhookDeliveryStore, newWebhookSecret } from '@clas/messaging';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { type CommandContext, CommandCtx } from '../commands/command-context.decorator.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { CommandGateway } from '../commands/command-gateway.js';
import { AnswersWith } from '../contract/answers-with.decorator.js';
import { ApiErrorResponses } from '../http/api-error-responses.decorator.js';
import { forbidden, notFound } from '../http/api-error.js';
import { CLOCK, EVENT_STORE, WEBHOOK_DELIVERIES } from '../tokens.js';
import {
  type WebhookDeliveriesAnswer,
  type WebhookSubscriptionAccepted,
  type WebhookSubscriptionsAnswer,
  deliveryView,
  subscriptionViews,
} from './webhook-answers.js';
import {
  DeliveriesQueryDto,
  SubscribeWebhookRequestDto,
  UnsubscribeWebhookRequestDto,
  WebhookPathParams,
  WebhooksPathParams,
} from './webhook.requests.js';

/** Who reads a Caf's subscriptions and delivery log: its agents, and auditors (their Caf, all if national). */
const WEBHOOK_READERS: Role[] = ['caf_agent', 'auditor'];

/**
 * Webhooks of a Caf (issue 13 §4, README "Webhooks"): the subscriptions are facts of the stream
 * `webhooks-<caf>` (who subscribed which URL to which events); the secret of each is made here,
 * stored in the delivery database and answered once; the dispatcher (libs/messaging) delivers.
 */
@ApiTags('webhooks')
@Controller('cafs')
export class WebhooksController {
  constructor(
    private readonly commands: CommandGateway,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WEBHOOK_DELIVERIES) private readonly deliveries: WebhookDeliveryStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @CommandEndpoint({
    path: ':cafCode/webhooks',
    command: 'SubscribeWebhook',
    summary: 'another system of the Caf hears of its decisions and payments at an http(s) URL; the 201 carries the signing secret, once',
    answer: 'WebhookSubscriptionAccepted',
  })
  async subscribe(
    @Param() path: WebhooksPathParams,
    @Body() body: SubscribeWebhookRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    const { status, body: accepted } = await this.commands.execute(ctx, body, {
      type: 'SubscribeWebhook',
      data: { cafCode: path.cafCode, ...body.data },
    });
    let answer: WebhookSubscriptionAccepted = accepted;
    if (status === 201) {
      // One 201 per subscription id (the decider refuses a reused id), so the secret is made once.
      const secret = newWebhookSecret();
      if (await this.deliveries.storeSecret(body.data.subscriptionId, secret, this.clock.now().toISOString()))
        answer = { ...accepted, secret };
    }
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
  }

  @CommandEndpoint({
    path: ':cafCode/webhooks/:subscriptionId/unsubscription',
    command: 'UnsubscribeWebhook',
    summary: 'ends a subscription; deliveries already queued are still attempted',
  })
  unsubscribe(
    @Param() path: WebhookPathParams,
    @Body() body: UnsubscribeWebhookRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, {
      type: 'UnsubscribeWebhook',
      data: { cafCode: path.cafCode, subscriptionId: path.subscriptionId },
    });
  }

  @Get(':cafCode/webhooks')
  @Roles(...WEBHOOK_READERS)
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'webhookSubscriptions',
    summary: "The Caf's webhook subscriptions: URL, event types, who subscribed and when",
  })
  @AnswersWith('WebhookSubscriptionsAnswer', 'Every subscription of the Caf, ended ones included, oldest first')
  @ApiErrorResponses(400, 401, 403)
  async subscriptions(@Param() path: WebhooksPathParams, @CurrentActor() actor: Actor): Promise<WebhookSubscriptionsAnswer> {
    this.checkScope(actor, path.cafCode);
    const views = subscriptionViews(await this.store.readStream(webhooksStreamId(path.cafCode)));
    const subscriptions = await Promise.all(
      views.map(async (v) => ({ ...v, secretStored: (await this.deliveries.secretOf(v.subscriptionId)) !== null })),
    );
    return { cafCode: path.cafCode, subscriptions };
  }

  @Get(':cafCode/webhooks/:subscriptionId/deliveries')
  @Roles(...WEBHOOK_READERS)
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'webhookDeliveries',
    summary: 'The delivery log of a subscription: each event queued, its attempts and status codes, the next attempt, delivered or failed',
  })
  @AnswersWith('WebhookDeliveriesAnswer', 'Deliveries, newest first, each with its attempts')
  @ApiErrorResponses(400, 401, 403, 404)
  async deliveryLog(
    @Param() path: WebhookPathParams,
    @Query() query: DeliveriesQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookDeliveriesAnswer> {
    this.checkScope(actor, path.cafCode);
    // The subscription must be this Caf's: the delivery log is keyed by subscription id alone.
    const known = subscriptionViews(await this.store.readStream(webhooksStreamId(path.cafCode))).some(
      (v) => v.subscriptionId === path.subscriptionId,
    );
    if (!known) throw notFound('webhook subscription', path.subscriptionId);
    const deliveries = await this.deliveries.deliveriesOf(path.subscriptionId, query.limit ?? 100);
    return { cafCode: path.cafCode, subscriptionId: path.subscriptionId, deliveries: deliveries.map(deliveryView) };
  }

  private checkScope(actor: Actor, cafCode: string): void {
    if (!canRead(actor, { cafCode, operatorId: null }))
      throw forbidden(`${actor.role} ${actor.id} may not read the webhooks of Caf ${cafCode}`);
  }
}
