import { type Decider, decideOnReception } from '../commands/command.js';
import { type Problem, checkCommandEnvelope, invalid, rejectWith } from '../commands/input-validation.js';
import { makeEvent } from '../events/catalogue.js';
import type { OperatorEvent } from '../events/operator.events.js';
import { parisDateOf } from '../shared/calendar-date.js';
import { type Decision, accept, assertNever, reject } from '../shared/result.js';
import type { AppointCoordinator, OperatorCommand, RecordOperatorDeclaration, RegisterOperator } from './operator.commands.js';
import { type OperatorState, evolveOperator, initialOperatorState } from './operator.state.js';

type Registered = Extract<OperatorState, { status: 'registered' }>;

function registered(state: OperatorState, operatorId: string): Registered | Decision<OperatorEvent> {
  if (state.status !== 'registered')
    return reject('OPERATOR_NOT_REGISTERED', 'R-LIFE', `operator ${operatorId} is not registered`, { operatorId });
  if (state.operatorId !== operatorId)
    return rejectWith(invalid('operatorId', 'names another operator than this stream', { expected: state.operatorId }));
  return state;
}

function registerOperator(command: RegisterOperator, state: OperatorState): Decision<OperatorEvent> {
  const d = command.data;
  const approval = d.cafApproval ?? null;
  // Field shapes are the schema's (operator.schemas.ts, checked by the command bus).
  const problem: Problem =
    // R-CONV-1: a centre social's conventions are bounded by its Caf approval, so it is required for one, meaningless for others.
    d.kind === 'centre_social'
      ? approval === null
        ? invalid('cafApproval', 'a centre social needs its Caf approval period (R-CONV-1)')
        : null
      : approval !== null
        ? invalid('cafApproval', 'only a centre social has a Caf approval period')
        : null;
  if (problem) return rejectWith(problem);
  if (state.status === 'registered')
    return reject('OPERATOR_ALREADY_REGISTERED', 'R-LIFE', `operator ${d.operatorId} is already registered`, { operatorId: d.operatorId });
  return accept(
    makeEvent(
      'OperatorRegistered',
      {
        operatorId: d.operatorId,
        cafCode: d.cafCode,
        name: d.name,
        kind: d.kind,
        cafApproval: approval,
        registeredOn: parisDateOf(command.occurredAt),
      },
      command.occurredAt,
    ),
  );
}

function appointCoordinator(command: AppointCoordinator, state: OperatorState): Decision<OperatorEvent> {
  const d = command.data;
  // A coordinator below the campaign's minimum level is still recorded: R-ELIG-COORD is evaluated by eligibility.
  const op = registered(state, d.operatorId);
  if ('ok' in op) return op;
  return accept(
    makeEvent(
      'CoordinatorAppointed',
      {
        operatorId: op.operatorId,
        cafCode: op.cafCode,
        personId: d.personId,
        qualificationLevel: d.qualificationLevel,
        hasRelevantExperience: d.hasRelevantExperience,
        appointedOn: parisDateOf(command.occurredAt),
      },
      command.occurredAt,
    ),
  );
}

function recordDeclaration(command: RecordOperatorDeclaration, state: OperatorState): Decision<OperatorEvent> {
  const d = command.data;
  const recordedOn = parisDateOf(command.occurredAt);
  const expiresOn = d.expiresOn ?? null;
  const problem =
    (d.documentDate > recordedOn
      ? invalid('documentDate', 'a document cannot be dated after it is recorded', { documentDate: d.documentDate, recordedOn })
      : null) ??
    (expiresOn !== null && expiresOn < d.documentDate ? invalid('expiresOn', 'must not be before documentDate', { expiresOn }) : null);
  if (problem) return rejectWith(problem);
  const op = registered(state, d.operatorId);
  if ('ok' in op) return op;
  return accept(
    makeEvent(
      'OperatorDeclarationRecorded',
      {
        operatorId: op.operatorId,
        cafCode: op.cafCode,
        declaration: d.declaration,
        documentDate: d.documentDate,
        expiresOn,
        reference: d.reference ?? null,
      },
      command.occurredAt,
    ),
  );
}

export function decideOperator(command: OperatorCommand, state: OperatorState): Decision<OperatorEvent> {
  const problem = checkCommandEnvelope(command);
  if (problem) return rejectWith(problem);
  switch (command.type) {
    case 'RegisterOperator':
      return registerOperator(command, state);
    case 'AppointCoordinator':
      return appointCoordinator(command, state);
    case 'RecordOperatorDeclaration':
      return recordDeclaration(command, state);
    default:
      return assertNever(command, 'operator command');
  }
}

/** Stream `operator-<operatorId>`. Needs no facts from other streams. */
export const operatorDecider: Decider<OperatorCommand, OperatorEvent, OperatorState, undefined> = {
  initialState: initialOperatorState,
  evolve: evolveOperator,
  decide: (command, state, _context, receivedAt) => decideOnReception(command.type, receivedAt, () => decideOperator(command, state)),
};
