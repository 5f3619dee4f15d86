import type { Command } from '../commands/command.js';
import type { Infer } from '../schema/schema.js';
import type { appointCoordinatorData, recordOperatorDeclarationData, registerOperatorData } from './operator.schemas.js';

export type RegisterOperator = Command<'RegisterOperator', Infer<typeof registerOperatorData>>;
/** R-ELIG-COORD: the coordinator is an opaque person id; the rule only needs level and experience. */
export type AppointCoordinator = Command<'AppointCoordinator', Infer<typeof appointCoordinatorData>>;
/** R-ELIG-OPERATOR: insurance certificate, signed laïcité charter. */
export type RecordOperatorDeclaration = Command<'RecordOperatorDeclaration', Infer<typeof recordOperatorDeclarationData>>;

export type OperatorCommand = RegisterOperator | AppointCoordinator | RecordOperatorDeclaration;
