import {
  type CampaignCommand,
  type ClasEvent,
  type CollectifCommand,
  type ConventionCommand,
  type OperatorCommand,
  type ProjectCommand,
  type Rejection,
  assertNever,
  checkCommandEnvelope,
  endOfParisDay,
  invalid,
  parisDateOf,
} from '@clas/domain';
import { ConcurrencyError, RecordedTooLateError, type EventMetadata, type EventStore, type ExpectedVersion, type NewEvent, type StoredEvent } from '@clas/event-store';
import { InMemoryStreamDirectory, type StreamDirectory } from '@clas/projections';
import { type Scope, authorizeCommand, authorizeScope } from './authorization.js';
import type { ClasCommand } from './clas-command.js';
import type { CommandBus, CommandOutcome, CommandRequest } from './command-bus.port.js';
import { isClasCommandType, routeOf } from './command-routes.js';
import type { AggregateBinding } from './context/aggregate-binding.js';
import { campaignBinding } from './context/campaign.context-provider.js';
import { collectifBinding } from './context/collectif.context-provider.js';
import { conventionBinding } from './context/convention.context-provider.js';
import { FactReader } from './context/fact-reader.js';
import { operatorBinding } from './context/operator.context-provider.js';
import { projectBinding } from './context/project.context-provider.js';
import { loadAggregate } from './stream-fold.js';

export interface ClasCommandBusOptions {
  /**
   * Which projects belong to an operator (R-CONV-SUPPORT, R-CONV-2) without scanning the log.
   * Default: an in-memory directory over the same store, caught up on demand.
   */
  directory?: StreamDirectory;
  /** Read-decide-append attempts when another writer moved the stream and the client gave no expectedVersion (default 5). */
  maxAttempts?: number;
}

/** The store and the time-travel reader compare ISO strings: every instant is written in one canonical form. */
export const canonicalInstant = (instant: string): string => new Date(instant).toISOString();

const rejected = (rejection: Rejection): CommandOutcome => ({ ok: false, kind: 'rejected', rejection });
const forbidden = (reason: string): CommandOutcome => ({ ok: false, kind: 'forbidden', reason });

/** A lost optimistic race, or a Paris day that ended between reception and recording: the loop decides again. */
interface Retry {
  retry: ConcurrencyError | RecordedTooLateError;
}

/**
 * Executes every domain command: route → read and fold the stream → authorize → short-circuit
 * a retried commandId → gather the facts of other streams → decide → append with the expected
 * version. Expected failures come back as outcomes; store or wiring failures throw.
 */
export class ClasCommandBus implements CommandBus {
  private readonly facts: FactReader;
  private readonly maxAttempts: number;

  constructor(
    private readonly store: EventStore,
    options: ClasCommandBusOptions = {},
  ) {
    this.facts = new FactReader(store, options.directory ?? new InMemoryStreamDirectory(store));
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  }

  async execute(request: CommandRequest): Promise<CommandOutcome> {
    const raw = request.command as Partial<ClasCommand> | null;
    // The API validates its DTOs and the import parses JSON, but the bus is the last gate before a decider's switch.
    if (raw === null || typeof raw !== 'object' || !isClasCommandType(raw.type)) return rejected(invalid('type', 'is not a command of the Clas domain', { value: raw?.type }));
    const envelope = checkCommandEnvelope(raw);
    if (envelope) return rejected(envelope);
    const role = authorizeCommand(request.actor, raw.type);
    if (!role.ok) return forbidden(role.reason);

    const command = { ...raw, occurredAt: canonicalInstant(raw.occurredAt as string) } as ClasCommand;
    const { aggregate, streamId } = routeOf(command);
    if (typeof streamId !== 'string') return rejected(streamId);
    switch (aggregate) {
      case 'campaign':
        return this.run(campaignBinding, command as CampaignCommand, streamId, request);
      case 'operator':
        return this.run(operatorBinding, command as OperatorCommand, streamId, request);
      case 'project':
        return this.run(projectBinding, command as ProjectCommand, streamId, request);
      case 'collectif':
        return this.run(collectifBinding, command as CollectifCommand, streamId, request);
      case 'convention':
        return this.run(conventionBinding, command as ConventionCommand, streamId, request);
      default:
        return assertNever(aggregate, 'aggregate');
    }
  }

  /**
   * A client that sent expectedVersion decided on what it saw: a moved stream is its conflict
   * (409). Without one, the bus re-reads and decides again, since the decision may still hold
   * on the newer state (two enrolments racing for the 12th place: one wins, one is refused).
   */
  private async run<C extends ClasCommand, E extends ClasEvent, S, X>(binding: AggregateBinding<C, E, S, X>, command: C, streamId: string, request: CommandRequest): Promise<CommandOutcome> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(binding, command, streamId, request);
      if (!('retry' in result)) return result;
      if (result.retry instanceof RecordedTooLateError) {
        // Received on one Paris day, recorded on the next: decided again, received on the new day (R-LIFE-RECEIPT).
        if (attempt <= this.maxAttempts) continue;
        throw result.retry;
      }
      if (request.expectedVersion !== undefined || attempt >= this.maxAttempts) {
        return { ok: false, kind: 'conflict', streamId, expectedVersion: result.retry.expected, actualVersion: result.retry.actualVersion };
      }
    }
  }

  private async attempt<C extends ClasCommand, E extends ClasEvent, S, X>(
    binding: AggregateBinding<C, E, S, X>,
    command: C,
    streamId: string,
    request: CommandRequest,
  ): Promise<CommandOutcome | Retry> {
    const { actor } = request;
    const loaded = await loadAggregate(this.store, binding.decider, streamId);
    const exists = loaded.version >= 0;

    let owner: Scope | null = null;
    if (exists) {
      owner = binding.ownerOf(loaded.state) ?? { cafCode: null, operatorId: null };
      const scope = authorizeScope(actor, owner);
      if (!scope.ok) return forbidden(scope.reason);
      // A retried command returns what it did the first time, before the decider could refuse
      // the repeat as a duplicate action ("already enrolled"); the store does the same on append.
      const original = originalOutcome(streamId, loaded.events, command.commandId);
      if (original) return original;
    } else if (!binding.creates.has(command.type)) {
      return { ok: false, kind: 'not_found', what: binding.kind, id: streamId.slice(binding.kind.length + 1) };
    }

    const expectedByClient = request.expectedVersion;
    if (expectedByClient !== undefined && expectedByClient !== loaded.version) {
      return { ok: false, kind: 'conflict', streamId, expectedVersion: expectedByClient < 0 ? 'no_stream' : expectedByClient, actualVersion: loaded.version };
    }

    const provided = await binding.context(command, loaded.state, this.facts);
    if (!provided.ok) {
      return provided.failure.kind === 'not_found'
        ? { ok: false, kind: 'not_found', what: provided.failure.what, id: provided.failure.id }
        : rejected(provided.failure.rejection);
    }
    if (owner === null) {
      owner = binding.ownerOfNew(command, provided.context);
      const scope = authorizeScope(actor, owner);
      if (!scope.ok) return forbidden(scope.reason);
    }

    // R-LIFE-RECEIPT: the Caf receives the command now, on the store's clock (the one that stamps
    // recordedAt); deadlines and R-FACT-PAST are judged on it, never on the caller's occurredAt.
    const receivedAt = this.store.now();
    const decision = binding.decider.decide(command, loaded.state, provided.context, receivedAt);
    if (!decision.ok) return rejected(decision.rejection);

    const metadata: EventMetadata = {
      actor: actor.id,
      role: actor.role,
      ...(owner.cafCode !== null ? { caf: owner.cafCode } : {}),
      // A command with no caller-given correlation starts its own; its events are caused by it.
      correlationId: request.correlationId ?? command.commandId,
      causationId: request.causationId ?? command.commandId,
      commandId: command.commandId,
    };
    const events: NewEvent[] = decision.events.map((event) => ({
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      occurredAt: canonicalInstant(event.occurredAt),
      metadata,
    }));
    // Equal to the client's expectedVersion when it gave one (checked above).
    const expected: ExpectedVersion = loaded.version < 0 ? 'no_stream' : loaded.version;
    try {
      // The decision holds for any recording instant up to the end of the Paris day of reception
      // (deadlines are days, facts only need to precede it): the store refuses a later one.
      const result = await this.store.append(streamId, events, expected, { recordedNotAfter: endOfParisDay(parisDateOf(receivedAt)) });
      return { ok: true, streamId, eventIds: result.eventIds, streamVersion: result.nextExpectedVersion, positions: result.positions, duplicate: result.duplicate };
    } catch (error) {
      if (error instanceof ConcurrencyError || error instanceof RecordedTooLateError) return { retry: error };
      throw error;
    }
  }
}

/** The result of an earlier execution of this commandId on this stream, rebuilt from its events. */
function originalOutcome(streamId: string, events: readonly StoredEvent[], commandId: string): CommandOutcome | null {
  const written = events.filter((event) => event.metadata.commandId === commandId);
  if (written.length === 0) return null;
  return {
    ok: true,
    streamId,
    eventIds: written.map((e) => e.eventId),
    positions: written.map((e) => e.globalPosition),
    streamVersion: written[written.length - 1]!.streamVersion,
    duplicate: true,
  };
}
