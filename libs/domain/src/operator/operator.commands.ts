import type { Command } from '../commands/command.js';
import type { ApprovalPeriod } from '../events/operator.events.js';
import type { DeclarationKind, OperatorKind } from '../events/vocabulary.js';
import type { LocalDate } from '../shared/calendar-date.js';

export type RegisterOperator = Command<
  'RegisterOperator',
  { operatorId: string; cafCode: string; name: string; kind: OperatorKind; /** Required for a centre social (R-CONV-1). */ cafApproval?: ApprovalPeriod | null }
>;

/** R-ELIG-COORD: the coordinator is an opaque person id; the rule only needs level and experience. */
export type AppointCoordinator = Command<
  'AppointCoordinator',
  { operatorId: string; personId: string; qualificationLevel: number; hasRelevantExperience: boolean }
>;

/** R-ELIG-OPERATOR: insurance certificate, signed laïcité charter. */
export type RecordOperatorDeclaration = Command<
  'RecordOperatorDeclaration',
  { operatorId: string; declaration: DeclarationKind; documentDate: LocalDate; expiresOn?: LocalDate | null; reference?: string | null }
>;

export type OperatorCommand = RegisterOperator | AppointCoordinator | RecordOperatorDeclaration;
