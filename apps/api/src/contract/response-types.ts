import type {
  CampaignList,
  CollectifList,
  CollectifListItem,
  CommitteeAnswer,
  CommitteeMeetingAnswer,
  ConventionAnswer,
  ConventionList,
  DepartmentalBilanAnswer,
  EligibilityAnswer,
  EnvelopeAnswer,
  MeetingRankingAnswer,
  OperatorList,
  OperatorListItem,
  PayablePsAnswer,
  ProjectBilanAnswer,
  ProjectLettersAnswer,
  ProjectList,
  WorklistIndex,
  WorklistPage,
} from '@clas/projections';
import type { CommandAccepted } from '../commands/command-accepted.js';
import type { FeedPage } from '../feed/feed.controller.js';
import type { HealthAnswer } from '../health/health.controller.js';
import type { ErrorResponse } from '../http/api-error.js';
import type { PersonRecord } from '@clas/personal-data';
import type { ProjectHistoryAnswer } from '../queries/projects.controller.js';
import type { WebhookDeliveriesAnswer, WebhookSubscriptionAccepted, WebhookSubscriptionsAnswer } from '../webhooks/webhook-answers.js';

/**
 * Every JSON body the API answers with, by the name of its OpenAPI component. The TypeScript
 * types stay the one declaration of each answer; `npm run contract:generate` derives their JSON
 * schemas from this list (scripts/generate-response-schemas.ts, ts-json-schema-generator) into
 * response-schemas.generated.ts, and a test regenerates it to prove the two have not drifted.
 * A controller names its body with @AnswersWith(name), which only compiles when the method
 * returns this type.
 */
export interface ResponseTypes {
  EligibilityAnswer: EligibilityAnswer;
  PayablePsAnswer: PayablePsAnswer;
  ProjectBilanAnswer: ProjectBilanAnswer;
  ProjectHistoryAnswer: ProjectHistoryAnswer;
  ProjectLettersAnswer: ProjectLettersAnswer;
  ConventionAnswer: ConventionAnswer;
  DepartmentalBilanAnswer: DepartmentalBilanAnswer;
  CommitteeAnswer: CommitteeAnswer;
  CommitteeMeetingAnswer: CommitteeMeetingAnswer;
  EnvelopeAnswer: EnvelopeAnswer;
  MeetingRankingAnswer: MeetingRankingAnswer;
  FeedPage: FeedPage;
  HealthAnswer: HealthAnswer;
  PersonRecord: PersonRecord;
  CommandAccepted: CommandAccepted;
  ErrorResponse: ErrorResponse;
  CampaignList: CampaignList;
  CollectifList: CollectifList;
  CollectifListItem: CollectifListItem;
  ConventionList: ConventionList;
  OperatorList: OperatorList;
  OperatorListItem: OperatorListItem;
  ProjectList: ProjectList;
  WebhookDeliveriesAnswer: WebhookDeliveriesAnswer;
  WebhookSubscriptionAccepted: WebhookSubscriptionAccepted;
  WebhookSubscriptionsAnswer: WebhookSubscriptionsAnswer;
  WorklistIndex: WorklistIndex;
  WorklistPage: WorklistPage;
}

export type ResponseTypeName = keyof ResponseTypes;
