import { Inject, Injectable } from '@nestjs/common';
import type { ClasCommand, CommandBus } from '@clas/application';
import type { Clock } from '@clas/event-store';
import { validationFailed } from '../http/api-error.js';
import { CLOCK, COMMAND_BUS } from '../tokens.js';
import type { CommandContext } from './command-context.decorator.js';
import type { CommandEnvelopeDto } from './command-envelope.dto.js';
import type { CommandAccepted } from './command-accepted.js';
import { mapCommandOutcome } from './command-outcome.mapper.js';

/** A command without its envelope: what a controller builds from the validated DTO. */
export type CommandPayload<C = ClasCommand> = C extends { type: infer T; data: infer D } ? { type: T; data: D } : never;

/** `3`, `"3"`, `W/"3"` → 3. */
function parseIfMatch(raw: string): number | null {
  const m = /^(?:W\/)?"?(\d{1,15})"?$/.exec(raw.trim());
  return m ? Number(m[1]) : null;
}

/** The client's expected version, from the body or the If-Match header (they must agree). */
export function expectedVersionOf(bodyVersion: number | undefined, ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return bodyVersion;
  const headerVersion = parseIfMatch(ifMatch);
  if (headerVersion === null) throw validationFailed([{ field: 'If-Match', message: 'must be a stream version, e.g. "3"' }]);
  if (bodyVersion !== undefined && bodyVersion !== headerVersion)
    throw validationFailed([{ field: 'If-Match', message: 'must equal expectedVersion of the body' }]);
  return headerVersion;
}

/**
 * The one way a controller sends a command: envelope + payload → domain command → bus →
 * HTTP answer. Returned as a web Response because the status depends on the outcome
 * (201 written, 200 duplicate); failures are thrown as ApiErrors for the global filter.
 */
@Injectable()
export class CommandGateway {
  constructor(
    @Inject(COMMAND_BUS) private readonly bus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async send(ctx: CommandContext, envelope: CommandEnvelopeDto, payload: CommandPayload): Promise<Response> {
    const { status, body } = await this.execute(ctx, envelope, payload);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
  }

  /** The same, answering the mapped status and body: for a route that adds to an accepted answer (a webhook's secret). */
  async execute(
    ctx: CommandContext,
    envelope: CommandEnvelopeDto,
    payload: CommandPayload,
  ): Promise<{ status: 200 | 201; body: CommandAccepted }> {
    const expectedVersion = expectedVersionOf(envelope.expectedVersion, ctx.ifMatch);
    const occurredAtDefaulted = envelope.occurredAt === undefined;
    const command = {
      ...payload,
      commandId: envelope.commandId,
      occurredAt: envelope.occurredAt ?? this.clock.now().toISOString(),
    } as ClasCommand;
    const outcome = await this.bus.execute({
      command,
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      // A default "now" is not part of what the client asked: its retry (a later "now") must still be recognised.
      ...(occurredAtDefaulted ? { occurredAtDefaulted } : {}),
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
    return mapCommandOutcome(outcome);
  }
}
