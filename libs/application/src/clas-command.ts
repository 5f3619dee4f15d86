import type {
  CampaignCommand,
  CollectifCommand,
  CommitteeCommand,
  ConventionCommand,
  OperatorCommand,
  ProjectCommand,
  WebhookCommand,
} from '@clas/domain';

/** Every command the system accepts, whatever the aggregate (HTTP, CLI import, demo). */
export type ClasCommand =
  CampaignCommand | OperatorCommand | ProjectCommand | CollectifCommand | ConventionCommand | CommitteeCommand | WebhookCommand;
export type ClasCommandType = ClasCommand['type'];
