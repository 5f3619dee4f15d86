import type { Command } from '../commands/command.js';
import type { Infer } from '../schema/schema.js';
import type * as schemas from './convention.schemas.js';

export type RequestConvention = Command<'RequestConvention', Infer<typeof schemas.requestConventionData>>;
export type SignConvention = Command<'SignConvention', Infer<typeof schemas.signConventionData>>;
export type RefuseConvention = Command<'RefuseConvention', Infer<typeof schemas.refuseConventionData>>;
export type NotifyYearlyCollectifs = Command<'NotifyYearlyCollectifs', Infer<typeof schemas.notifyYearlyCollectifsData>>;
export type RequestConventionAmendment = Command<'RequestConventionAmendment', Infer<typeof schemas.requestConventionAmendmentData>>;
export type ValidateConventionAmendment = Command<'ValidateConventionAmendment', Infer<typeof schemas.validateConventionAmendmentData>>;
export type RefuseConventionAmendment = Command<'RefuseConventionAmendment', Infer<typeof schemas.refuseConventionAmendmentData>>;
export type TerminateConvention = Command<'TerminateConvention', Infer<typeof schemas.terminateConventionData>>;

export type ConventionCommand =
  | RequestConvention
  | SignConvention
  | RefuseConvention
  | NotifyYearlyCollectifs
  | RequestConventionAmendment
  | ValidateConventionAmendment
  | RefuseConventionAmendment
  | TerminateConvention;
