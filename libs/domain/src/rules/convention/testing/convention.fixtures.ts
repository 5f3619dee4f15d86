import { type SchoolYear, schoolYear } from '../../../shared/school-year.js';
import type { CommitteeDecisionFact, ProjectWithdrawalFact, PsPaymentFact } from '../../bilan/approval-history.js';
import type { BilanFiledFact } from '../../bilan/bilan-due.rule.js';
import { d, src } from '../../bilan/testing/bilan.fixtures.js';
import { audeCampaign } from '../../../testing/fixtures.js';

/** Test data for the convention specs (not exported by the barrel). */
export { d, src };
export const sy = schoolYear;

/** Aude / national defaults (001, 004): 4 years, 5 for a centre social, 2 prior approved years. */
export const CONVENTION_PARAMS = { conventions: audeCampaign().conventions };

export const decision = (projectId: string, year: string, outcome: CommitteeDecisionFact['outcome'], id: string, operatorId = 'op-1') =>
  src<CommitteeDecisionFact>({ projectId, operatorId, schoolYear: sy(year), outcome, decidedOn: d(`${year.slice(0, 4)}-10-05`) }, id);

export const withdrawal = (projectId: string, year: string, id: string) =>
  src<ProjectWithdrawalFact>({ projectId, schoolYear: sy(year), withdrawnOn: d(`${year.slice(0, 4)}-11-15`) }, id);

export const payment = (projectId: string, year: string, amount: number, id: string, operatorId = 'op-1') =>
  src<PsPaymentFact>({ projectId, operatorId, schoolYear: sy(year), paidOn: d(`${Number(year.slice(0, 4)) + 1}-10-01`), amount }, id);

export const bilanPart = (
  projectId: string,
  year: SchoolYear | string,
  kind: BilanFiledFact['kind'],
  assessment: BilanFiledFact['assessment'],
  filedOn: string,
  id: string,
) => src<BilanFiledFact>({ projectId, schoolYear: sy(year), kind, filedOn: d(filedOn), assessment }, id);

/** All three parts of a project's bilan, compliant, filed on one day. */
export const fullBilan = (projectId: string, year: string, filedOn: string, prefix: string) =>
  (['qualitative', 'quantitative', 'financial'] as const).map((kind) =>
    bilanPart(projectId, year, kind, 'compliant', filedOn, `${prefix}-${kind}`),
  );
