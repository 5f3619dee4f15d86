import {
  COMMAND_SCHEMAS,
  type CampaignCommand,
  type ClasEvent,
  type CollectifCommand,
  type CommitteeCommand,
  type ConventionCommand,
  type OperatorCommand,
  type ProjectCommand,
  type WebhookCommand,
  type Rejection,
  assertNever,
  checkCommandEnvelope,
  endOfParisDay,
  invalid,
  parisDateOf,
  validate,
} from '@clas/domain';
import {
  type CommandDifference,
  ConcurrencyError,
  type EventMetadata,
  type EventStore,
  EventStoreError,
  type ExpectedVersion,
  type NewEvent,
  RecordedTooLateError,
} from '@clas/event-store';
import { InMemoryStreamDirectory } from '@clas/projections/stream-directory';
import { type Scope, UNKNOWN_OWNER, authorizeCommand, authorizeScope } from './authorization.js';
import type { ClasCommand } from './clas-command.js';
import type { CommandBus, CommandOutcome, CommandRequest } from './command-bus.port.js';
import { commandFingerprint, commandIdReused, outcomeOfStoredCommand } from './command-idempotency.js';
import { isClasCommandType, routeOf } from './command-routes.js';
import type { AggregateBinding } from './context/aggregate-binding.js';
import type { OperatorProjectDirectory } from './context/operator-project-directory.port.js';
import { campaignBinding } from './context/campaign.context-provider.js';
import { collectifBinding } from './context/collectif.context-provider.js';
import { committeeBinding } from './context/committee.context-provider.js';
import { conventionBinding } from './context/convention.context-provider.js';
import { FactReader } from './context/fact-reader.js';
import { operatorBinding } from './context/operator.context-provider.js';
import { projectBinding } from './context/project.context-provider.js';
import { webhooksBinding } from './context/webhooks.context-provider.js';
import { checkReferences } from './scope/command-references.js';
import { outOfScope, ownerOfNew } from './scope/new-owner.js';
import type { PersonRecordOwners } from './scope/person-claims.js';
import { PersonDirectory } from './scope/person-directory.js';
import { loadAggregate } from './stream-fold.js';

export interface ClasCommandBusOptions {
  /**
   * Which projects belong to an operator (R-CONV-SUPPORT, R-CONV-2) without scanning the log.
   * Default: an in-memory directory over the same store, caught up on demand.
   */
  directory?: OperatorProjectDirectory;
  /** Which operator each child or staff id of the log belongs to (R-SCOPE). Default: one in memory over the same store. */
  persons?: PersonDirectory;
  /** Personal-data records that reserve a person id before any event names it (the API passes its store; the CLI has none). */
  personRecords?: PersonRecordOwners;
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
 * Executes every domain command: role → route → read and fold the stream → scope (of the
 * aggregate, or of the owner a creating command claims) → answer a commandId already stored (the
 * original for a retry, COMMAND_ID_REUSED for another command) → existence → the ids it
 * references (R-SCOPE) → gather the facts of other streams → decide → append with the expected
 * version. Expected failures come back as outcomes; store or wiring failures throw. README.md of
 * this library lists the steps and why they are in this order.
 */
export class ClasCommandBus implements CommandBus {
  private readonly facts: FactReader;
  private readonly maxAttempts: number;

  constructor(
    private readonly store: EventStore,
    options: ClasCommandBusOptions = {},
  ) {
    this.facts = new FactReader(
      store,
      options.directory ?? new InMemoryStreamDirectory(store),
      options.persons ?? new PersonDirectory(store),
      options.personRecords ?? null,
    );
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  }

  async execute(request: CommandRequest): Promise<CommandOutcome> {
    const raw = request.command as Partial<ClasCommand> | null;
    // The bus is the one gate before a decider's switch, whoever calls it (API, import, CLI, demo).
    if (raw === null || typeof raw !== 'object' || !isClasCommandType(raw.type))
      return rejected(invalid('type', 'is not a command of the Clas domain', { value: raw?.type }));
    const envelope = checkCommandEnvelope(raw);
    if (envelope) return rejected(envelope);
    const role = authorizeCommand(request.actor, raw.type);
    if (!role.ok) return forbidden(role.reason);
    // The payload's one declaration (R-INPUT), for every entry alike: the deciders trust its shape.
    const payload = validate(COMMAND_SCHEMAS[raw.type], raw.data);
    if (payload) return rejected(payload);

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
      case 'committee':
        return this.run(committeeBinding, command as CommitteeCommand, streamId, request);
      case 'webhooks':
        return this.run(webhooksBinding, command as WebhookCommand, streamId, request);
      default:
        return assertNever(aggregate, 'aggregate');
    }
  }

  /**
   * A client that sent expectedVersion decided on what it saw: a moved stream is its conflict
   * (409). Without one, the bus re-reads and decides again, since the decision may still hold
   * on the newer state (two enrolments racing for the 12th place: one wins, one is refused).
   */
  private async run<C extends ClasCommand, E extends ClasEvent, S, X>(
    binding: AggregateBinding<C, E, S, X>,
    command: C,
    streamId: string,
    request: CommandRequest,
  ): Promise<CommandOutcome> {
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

    // Scope before any fact or rule (issue 11 §4), so an out-of-scope caller learns nothing of what exists.
    let owner: Scope;
    if (exists) {
      owner = binding.ownerOf(loaded.state) ?? UNKNOWN_OWNER;
      const scope = authorizeScope(actor, owner);
      if (!scope.ok) return outOfScope(binding.kind, streamId.slice(binding.kind.length + 1), scope.reason);
    } else {
      const opened = await ownerOfNew(binding, command, streamId, actor, this.facts);
      if ('outcome' in opened) return opened.outcome;
      owner = opened.owner;
    }
    // R-IDEMPOTENCY, once the caller is known to be in scope and before any business check.
    const executed = await this.alreadyExecuted(command, streamId, request);
    if (executed) return executed;

    // Every id the command names besides its stream belongs to the same project / operator / Caf (R-SCOPE).
    const reference = await checkReferences(command, owner, this.facts);
    if (reference) return rejected(reference);

    const expectedByClient = request.expectedVersion;
    if (expectedByClient !== undefined && expectedByClient !== loaded.version) {
      return {
        ok: false,
        kind: 'conflict',
        streamId,
        expectedVersion: expectedByClient < 0 ? 'no_stream' : expectedByClient,
        actualVersion: loaded.version,
      };
    }

    const provided = await binding.context(command, loaded.state, this.facts);
    if (!provided.ok) {
      return provided.failure.kind === 'not_found'
        ? { ok: false, kind: 'not_found', what: provided.failure.what, id: provided.failure.id }
        : rejected(provided.failure.rejection);
    }

    // R-LIFE-RECEIPT: the Caf receives the command now, on the store's clock (the one that stamps
    // recordedAt); deadlines and R-FACT-PAST are judged on it, never on the caller's occurredAt.
    const receivedAt = this.store.now();
    const decision = binding.decider.decide(command, loaded.state, provided.context, receivedAt);
    if (!decision.ok) return rejected(decision.rejection);

    const { commandType, payloadHash } = commandFingerprint(command, request);
    const metadata: EventMetadata = {
      actor: actor.id,
      role: actor.role,
      ...(owner.cafCode !== null ? { caf: owner.cafCode } : {}),
      // A command with no caller-given correlation starts its own; its events are caused by it.
      correlationId: request.correlationId ?? command.commandId,
      causationId: request.causationId ?? command.commandId,
      commandId: command.commandId,
      // With actor: what a retry of this commandId must match (R-IDEMPOTENCY).
      commandType,
      payloadHash,
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
      return {
        ok: true,
        streamId,
        eventIds: result.eventIds,
        streamVersion: result.nextExpectedVersion,
        positions: result.positions,
        duplicate: result.duplicate,
      };
    } catch (error) {
      if (error instanceof ConcurrencyError || error instanceof RecordedTooLateError) return { retry: error };
      // Another command with this commandId was appended since alreadyExecuted looked.
      if (error instanceof EventStoreError && error.code === 'COMMAND_ID_REUSED') {
        return rejected(commandIdReused(command.commandId, error.details.differs as CommandDifference[]));
      }
      throw error;
    }
  }

  /**
   * R-IDEMPOTENCY, once the caller is known to be in scope and before any business check: a
   * commandId already stored answers the original result when this is the same command (a retry:
   * deciding again could refuse the repeat as "already enrolled", or the client's expectedVersion
   * be stale by its own write), and COMMAND_ID_REUSED naming what differs otherwise — whatever the
   * decider would now say, so a reused key never gets another refusal, and never another
   * command's result.
   */
  private async alreadyExecuted(command: ClasCommand, streamId: string, request: CommandRequest): Promise<CommandOutcome | null> {
    const stored = await this.store.findCommand(command.commandId);
    return stored === null ? null : outcomeOfStoredCommand(stored, { streamId, metadata: commandFingerprint(command, request) });
  }
}
