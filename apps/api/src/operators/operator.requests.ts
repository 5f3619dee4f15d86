import { commandRequest } from '../commands/command-request.js';

/** POST (the collection) → RegisterOperator. */
export class RegisterOperatorRequestDto extends commandRequest('RegisterOperator') {}
/** POST …/:operatorId/coordinator → AppointCoordinator. */
export class AppointCoordinatorRequestDto extends commandRequest('AppointCoordinator') {}
/** POST …/:operatorId/declarations → RecordOperatorDeclaration. */
export class RecordOperatorDeclarationRequestDto extends commandRequest('RecordOperatorDeclaration') {}
