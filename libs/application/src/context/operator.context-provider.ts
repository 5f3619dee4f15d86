import { type OperatorCommand, type OperatorEvent, type OperatorState, operatorDecider } from '@clas/domain';
import { UNKNOWN_OWNER } from '../authorization.js';
import { type AggregateBinding, provided } from './aggregate-binding.js';

/** `operator-<id>`: the operator decider needs no other stream. */
export const operatorBinding: AggregateBinding<OperatorCommand, OperatorEvent, OperatorState, undefined> = {
  kind: 'operator',
  decider: operatorDecider,
  creates: new Set(['RegisterOperator']),
  ownerOf: (state) => (state.status === 'registered' ? { cafCode: state.cafCode, operatorId: state.operatorId } : null),
  // Only RegisterOperator creates the stream; its data names the Caf. On another command the
  // stream id names the operator: that operator learns it is not registered (404), nobody else does.
  claimedOwner: (command) =>
    command.type === 'RegisterOperator'
      ? { cafCode: command.data.cafCode, operatorId: command.data.operatorId }
      : { ...UNKNOWN_OWNER, operatorId: command.data.operatorId },
  context: async () => provided(undefined),
};
