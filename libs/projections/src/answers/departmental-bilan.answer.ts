import type { Cents, DepartmentalBilan, ProjectBilanQuantitative, ProjectMeta } from '@clas/domain';
import { departmentalBilan as departmentalBilanRule, projectBilanQuantitative } from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import type { CampaignFoldState } from '../folds/campaign.fold.js';
import type { OperatorFoldState } from '../folds/operator.fold.js';
import type { ProjectFoldState } from '../folds/project-state.js';
import type { AnswerContext } from './answer-support.js';
import { contextOf } from './answer-support.js';
import { envelopeAnswer } from './envelope.answer.js';
import { forecastStatement } from './payable-ps.answer.js';
import { projectQuantitativeFacts } from './project-bilan.answer.js';

/**
 * R-BILAN-4: every approved project of a Caf for a school year, aggregated with breakdowns by
 * territory (commune, EPCI), rural/urban, QPV and school level. Each project's figures are its
 * computed quantitative bilan (R-BILAN-2) at the date; whether the operator filed its own bilan
 * is listed beside.
 */
export interface DepartmentalBilanAnswer extends AnswerContext {
  cafCode: string;
  schoolYear: string;
  /** null while the campaign has no parameters. */
  bilan: DepartmentalBilan | null;
  /** Approved projects in the figures, and the operators running them. */
  operators: Array<{ operatorId: string; name: string | null; kind: string | null; projectIds: string[] }>;
  /** Approved projects whose operator has filed a bilan (not returned), and those that have not. */
  bilansFiled: string[];
  bilansMissing: string[];
  /** Projects of the campaign not counted (not approved at the date) with their status. */
  notCounted: Array<{ projectId: string; status: string }>;
  /**
   * R-BUDGET-ENVELOPE, the figures of GET /cafs/{caf}/envelopes/{schoolYear} at the same date:
   * the envelope in force (null when none is recorded), committed, and envelope − committed.
   */
  envelope: { envelope: Cents | null; committed: Cents; remaining: Cents | null };
}

export function departmentalBilan(
  cafCode: string,
  schoolYear: string,
  projects: readonly ProjectFoldState[],
  campaign: CampaignFoldState,
  operators: Readonly<Record<string, OperatorFoldState>>,
  asOf: AsOf,
): DepartmentalBilanAnswer {
  const context = contextOf(asOf);
  const params = campaign.parameters;
  const inScope = projects
    .filter((p) => p.ref && p.ref.cafCode === cafCode && p.ref.schoolYear === schoolYear)
    .sort((a, b) => (a.projectId < b.projectId ? -1 : 1));
  const approved = inScope.filter((p) => p.status === 'approved');
  const notCounted = inScope.filter((p) => p.status !== 'approved').map((p) => ({ projectId: p.projectId, status: p.status }));

  // R-BUDGET-ENVELOPE: each project's commitment is the envelope answer's own (one computation).
  const envelope = envelopeAnswer(cafCode, schoolYear, projects, campaign, asOf);
  const committed = new Map(envelope.projects.map((line) => [line.projectId, line.committed]));
  const metas: ProjectMeta[] = [];
  const bilans: ProjectBilanQuantitative[] = [];
  for (const p of approved) {
    const ref = p.ref;
    if (!ref) continue;
    const territory = p.application?.content.territory ?? null;
    metas.push({
      projectId: p.projectId,
      operatorId: ref.operatorId,
      cafCode: ref.cafCode,
      schoolYear: ref.schoolYear,
      // The catalogue records the commune as the Caf writes it (name or INSEE code) and the EPCI by name.
      territory: {
        communeCode: territory?.commune ?? 'unknown',
        communeName: territory?.commune ?? 'commune inconnue',
        epciCode: territory?.epci ?? null,
        epciName: territory?.epci ?? null,
        rural: territory?.rural ?? false,
        qpv: territory?.qpv ?? false,
      },
      psForecast: forecastStatement(p, campaign, asOf)?.payable ?? 0,
      psPaid: p.payments.filter((x) => x.date <= context.day).reduce((sum, x) => sum + x.amount, 0),
      committed: committed.get(p.projectId) ?? 0,
    });
    const facts = projectQuantitativeFacts(p);
    if (params && facts) bilans.push(projectBilanQuantitative(facts, params));
  }

  const byOperator = new Map<string, string[]>();
  for (const m of metas) byOperator.set(m.operatorId, [...(byOperator.get(m.operatorId) ?? []), m.projectId]);
  const filed = (p: ProjectFoldState) => p.bilans.length > 0 && p.bilans[p.bilans.length - 1].status !== 'returned';
  return {
    ...context,
    cafCode,
    schoolYear,
    bilan: params ? departmentalBilanRule(bilans, metas, { cafCode, schoolYear: params.schoolYear }) : null,
    operators: [...byOperator.keys()].sort().map((operatorId) => ({
      operatorId,
      name: operators[operatorId]?.name ?? null,
      kind: operators[operatorId]?.kind ?? null,
      projectIds: byOperator.get(operatorId) ?? [],
    })),
    bilansFiled: approved.filter(filed).map((p) => p.projectId),
    bilansMissing: approved.filter((p) => !filed(p)).map((p) => p.projectId),
    notCounted,
    envelope: { envelope: envelope.envelope, committed: envelope.committed, remaining: envelope.remaining },
  };
}
