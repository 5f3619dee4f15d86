import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CommandContext, CommandCtx } from '../commands/command-context.decorator.js';
import { CommandEndpoint } from '../commands/command-endpoint.decorator.js';
import { CommandGateway } from '../commands/command-gateway.js';
import { ProjectPathParams } from '../queries/query-params.dto.js';
import {
  CorrectCommitteeDecisionRequestDto,
  DeclareNotReceivableRequestDto,
  DraftProjectRequestDto,
  FileApplicationRequestDto,
  FileBilanRequestDto,
  FileShortRenewalRequestDto,
  IssueRecoveryRequestDto,
  OpenExaminationRequestDto,
  PayAdvanceRequestDto,
  PayBalanceRequestDto,
  RecordAgreementSignedRequestDto,
  RecordCommitteeDecisionRequestDto,
  RecordNotificationSentRequestDto,
  RecordParentActionRequestDto,
  RecordPartnerRelationRequestDto,
  RecordSchoolConcertationRequestDto,
  ReturnBilanForCorrectionRequestDto,
  ValidateBilanRequestDto,
  WithdrawApplicationRequestDto,
} from './project.requests.js';

/**
 * Commands of the project aggregate (stream `project-<projectId>`): application, examination,
 * decision, project-level actions, bilan, payments. The project is named by the path, except
 * for the draft that creates it. The questions about a project (GET …/eligibility, ps, bilan,
 * history) are in queries/projects.controller.ts.
 */
@ApiTags('projects')
@Controller('projects')
export class ProjectCommandsController {
  constructor(private readonly commands: CommandGateway) {}

  @CommandEndpoint({ command: 'DraftProject', summary: 'step 3: the operator starts a project (one school cycle, R-LIFE-3)' })
  draft(@Body() body: DraftProjectRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'DraftProject', data: body.data });
  }

  @CommandEndpoint({
    path: ':projectId/application',
    command: 'FileApplication',
    summary: 'step 4: file the full application, new or renewal (R-LIFE-1: before the deadline)',
  })
  fileApplication(
    @Param() path: ProjectPathParams,
    @Body() body: FileApplicationRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'FileApplication', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/short-renewal',
    command: 'FileShortRenewal',
    summary: 'R-LIFE-4: a renewal "à l\'identique" or with another number of collectifs',
  })
  fileShortRenewal(
    @Param() path: ProjectPathParams,
    @Body() body: FileShortRenewalRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'FileShortRenewal', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/not-receivable',
    command: 'DeclareNotReceivable',
    summary: 'R-LIFE-1: the Caf records that a file is not receivable',
  })
  declareNotReceivable(
    @Param() path: ProjectPathParams,
    @Body() body: DeclareNotReceivableRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'DeclareNotReceivable', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/withdrawal',
    command: 'WithdrawApplication',
    summary: 'the operator withdraws its application (until the bilan is filed)',
  })
  withdraw(
    @Param() path: ProjectPathParams,
    @Body() body: WithdrawApplicationRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'WithdrawApplication', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/examination',
    command: 'OpenExamination',
    summary: 'step 5: the Caf examines the file (R-LIFE-2 for a renewal)',
  })
  openExamination(
    @Param() path: ProjectPathParams,
    @Body() body: OpenExaminationRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'OpenExamination', data: { projectId: path.projectId } });
  }

  @CommandEndpoint({
    path: ':projectId/decision',
    command: 'RecordCommitteeDecision',
    summary: 'step 6: the committee approves (collectifs, bonuses, retained cost) or refuses',
  })
  recordDecision(
    @Param() path: ProjectPathParams,
    @Body() body: RecordCommitteeDecisionRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RecordCommitteeDecision', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/decision/corrections',
    command: 'CorrectCommitteeDecision',
    summary: 'worked example 3: correct an approval, effective from the decision date',
  })
  correctDecision(
    @Param() path: ProjectPathParams,
    @Body() body: CorrectCommitteeDecisionRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'CorrectCommitteeDecision', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/parent-actions',
    command: 'RecordParentAction',
    summary: 'R-ELIG-AXES P1–P5: a parent action held, with the parents reached',
  })
  recordParentAction(
    @Param() path: ProjectPathParams,
    @Body() body: RecordParentActionRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RecordParentAction', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/school-concertations',
    command: 'RecordSchoolConcertation',
    summary: 'R-ELIG-AXES S1–S3: a concertation with the schools (S3 before the start and at the bilan)',
  })
  recordSchoolConcertation(
    @Param() path: ProjectPathParams,
    @Body() body: RecordSchoolConcertationRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RecordSchoolConcertation', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/partner-relations',
    command: 'RecordPartnerRelation',
    summary: 'R-ELIG-AXES T1: a relation with a local partner',
  })
  recordPartnerRelation(
    @Param() path: ProjectPathParams,
    @Body() body: RecordPartnerRelationRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RecordPartnerRelation', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/bilans',
    command: 'FileBilan',
    summary: 'step 10, R-BILAN-1: the annual bilan (quantitative, qualitative, financial)',
  })
  fileBilan(@Param() path: ProjectPathParams, @Body() body: FileBilanRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'FileBilan', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/bilans/validation',
    command: 'ValidateBilan',
    summary: 'the Caf validates the bilan awaiting review',
  })
  validateBilan(
    @Param() path: ProjectPathParams,
    @Body() body: ValidateBilanRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'ValidateBilan', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/bilans/return',
    command: 'ReturnBilanForCorrection',
    summary: 'the Caf returns the bilan for correction, with its reasons',
  })
  returnBilan(
    @Param() path: ProjectPathParams,
    @Body() body: ReturnBilanForCorrectionRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'ReturnBilanForCorrection', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({ path: ':projectId/payments/advance', command: 'PayAdvance', summary: 'R-PS-PAYMENTS: an advance after the approval' })
  payAdvance(@Param() path: ProjectPathParams, @Body() body: PayAdvanceRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'PayAdvance', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/payments/balance',
    command: 'PayBalance',
    summary: 'R-PS-PAYMENTS: the balance after the validated bilan (step 11)',
  })
  payBalance(@Param() path: ProjectPathParams, @Body() body: PayBalanceRequestDto, @CommandCtx() ctx: CommandContext): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'PayBalance', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/payments/recovery',
    command: 'IssueRecovery',
    summary: 'R-PS-ACTUAL: recover an overpayment (no more than paid)',
  })
  issueRecovery(
    @Param() path: ProjectPathParams,
    @Body() body: IssueRecoveryRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'IssueRecovery', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/notifications',
    command: 'RecordNotificationSent',
    summary: 'R-NOTIFY: a decision letter was sent (its documentHash is the one GET …/letters reports)',
  })
  recordNotificationSent(
    @Param() path: ProjectPathParams,
    @Body() body: RecordNotificationSentRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RecordNotificationSent', data: { projectId: path.projectId, ...body.data } });
  }

  @CommandEndpoint({
    path: ':projectId/agreement/signature',
    command: 'RecordAgreementSigned',
    summary: 'R-AGREEMENT-ANNUAL: the annual Clas agreement (GET …/agreement) was signed',
  })
  recordAgreementSigned(
    @Param() path: ProjectPathParams,
    @Body() body: RecordAgreementSignedRequestDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<Response> {
    return this.commands.send(ctx, body, { type: 'RecordAgreementSigned', data: { projectId: path.projectId, ...body.data } });
  }
}
