import { type OperatorCommand, type OperatorEvent, type OperatorState, operatorDecider } from '@clas/domain';
import { type AggregateBinding, provided } from './aggregate-binding.js';

/** `operator-<id>`: the operator decider needs no other stream. */
export const operatorBinding: AggregateBinding<OperatorCommand, OperatorEvent, OperatorState, undefined> = {
  kind: 'operator',
  decider: operatorDecider,
  creates: new Set(['RegisterOperator']),
  ownerOf: (state) => (state.status === 'registered' ? { cafCode: state.cafCode, operatorId: state.operatorId } : null),
  // Only RegisterOperator creates the stream; its data names the Caf.
  ownerOfNew: (command) => ({ cafCode: command.type === 'RegisterOperator' ? command.data.cafCode : null, operatorId: command.data.operatorId }),
  context: async () => provided(undefined),
};
