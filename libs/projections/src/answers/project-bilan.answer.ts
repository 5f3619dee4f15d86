import type {
  BilanLateness,
  BilanQualitative,
  BilanQuantitative,
  LocalDate,
  ProjectBilanFinancial,
  ProjectBilanQuantitative,
  ProjectFinancialFacts,
  ProjectQuantitativeFacts,
} from '@clas/domain';
import { bilanLateness, projectBilanFinancial, projectBilanQuantitative, sourced } from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import type { CampaignFoldState } from '../folds/campaign.fold.js';
import type { ProjectFoldState } from '../folds/project-state.js';
import { attendanceStatusAt } from '../folds/project-state.js';
import type { AnswerContext } from './answer-support.js';
import { contextOf, dayOf } from './answer-support.js';
import { payablePs } from './payable-ps.answer.js';
import { bilanFiledFacts, currentBilan, sortedCollectifs } from './project-facts.builder.js';

/**
 * R-BILAN-2 / R-BILAN-3: the project's bilan as the system computes it from its own events,
 * beside what the operator declared when filing (R-BILAN-1). The computed figures are the
 * domain rules' (projectBilanQuantitative, projectBilanFinancial), every one sourced.
 */
export interface ProjectBilanAnswer extends AnswerContext {
  projectId: string;
  schoolYear: string;
  /** null while the campaign has no parameters (the weekly rhythm is a campaign parameter). */
  quantitative: ProjectBilanQuantitative | null;
  financial: ProjectBilanFinancial | null;
  /** The latest bilan filed by the operator, as declared, or null. */
  filed: {
    bilanId: string;
    status: 'filed' | 'validated' | 'returned';
    filedOn: LocalDate;
    declared: BilanQuantitative;
    qualitative: BilanQualitative;
    eventIds: string[];
  } | null;
  /**
   * R-BILAN-DUE: per part, the campaign's due date and whether it is late at the question's date
   * (not received by its due date). null while no bilan is owed (the project is not approved) or
   * the campaign has no parameters.
   */
  deadlines: BilanLateness | null;
}

export function projectQuantitativeFacts(project: ProjectFoldState): ProjectQuantitativeFacts | null {
  if (!project.ref) return null;
  const collectifs = sortedCollectifs(project);
  // Element types taken from the rule's input, so the facts follow the rule's own shape.
  const enrolments: Array<ProjectQuantitativeFacts['enrolments'][number]> = [];
  const sessions: Array<ProjectQuantitativeFacts['sessions'][number]> = [];
  const attendance: Array<ProjectQuantitativeFacts['attendance'][number]> = [];
  for (const c of collectifs) {
    for (const child of c.children) {
      for (const e of child.enrolments) {
        enrolments.push(
          sourced(
            {
              childId: child.childId,
              collectifId: c.collectifId,
              schoolLevel: child.schoolLevel,
              disabilityNeeds: child.disabilityNeeds,
              enrolledOn: e.enrolledOn,
              leftOn: e.leftOn,
              leftReason: e.leftReason,
            },
            e.eventIds,
          ),
        );
      }
    }
    for (const s of c.sessions) {
      // A session recorded directly as cancelled has no kind: it was planned for the children.
      sessions.push(
        sourced(
          {
            sessionId: s.sessionId,
            collectifId: c.collectifId,
            date: s.date,
            minutes: s.minutes,
            kind: s.kind ?? 'children',
            cancelled: s.cancelled,
          },
          s.eventIds,
        ),
      );
    }
    for (const sheet of c.attendance) {
      for (let i = 0; i < sheet.childIds.length; i++)
        attendance.push(
          sourced({ sessionId: sheet.sessionId, childId: sheet.childIds[i]!, status: attendanceStatusAt(sheet, i) }, sheet.eventIds),
        );
    }
  }
  return {
    projectId: project.projectId,
    schoolYear: project.ref.schoolYear,
    collectifs: collectifs.map((c) =>
      sourced({ collectifId: c.collectifId, rural: c.opened?.rural ?? false }, c.opened ? [c.opened.eventId] : []),
    ),
    enrolments,
    sessions,
    attendance,
    parentActions: project.parentActions.map((a) =>
      sourced({ objective: a.objective, date: a.date, parentsReached: a.parentsReached }, [a.eventId]),
    ),
    schoolConcertations: project.concertations.map((c) => sourced({ objective: c.objective, date: c.date, moment: c.moment }, [c.eventId])),
    // Partners are told apart by name: the catalogue gives no partner id.
    partnerRelations: project.partnerRelations.map((p) =>
      sourced({ objective: 'T1' as const, partnerId: p.partnerName, date: p.date }, [p.eventId]),
    ),
  };
}

export function projectFinancialFacts(project: ProjectFoldState, campaign: CampaignFoldState, asOf: AsOf): ProjectFinancialFacts | null {
  if (!project.ref) return null;
  const bilan = currentBilan(project);
  const ps = payablePs(project, campaign, asOf);
  return {
    projectId: project.projectId,
    schoolYear: project.ref.schoolYear,
    actualCost: bilan ? sourced(bilan.financial.actualTotalCost, bilan.eventIds) : null,
    coFundings: bilan
      ? bilan.financial.coFunders.map((f) => sourced({ kind: f.kind, label: f.name, amount: f.amount }, bilan.eventIds))
      : [],
    cafPayments: project.payments.map((p) => sourced({ paymentId: p.paymentId, paidOn: p.date, amount: p.amount }, [p.eventId])),
    otherCafFunding: bilan ? [sourced(bilan.financial.otherCafFunding, bilan.eventIds)] : [],
    // The PS still expected on actual facts; before a bilan there is no receivable to close the statement with.
    cafPsReceivable: ps.actual ? sourced(ps.actual.due, ps.actual.explanation.sourceEventIds) : null,
  };
}

/**
 * R-BILAN-DUE for one project at a date: its parts against its campaign's due dates. Only an
 * approved project owes a bilan (R-BILAN-1). The read model stores `nextDueOn` from this same
 * function, so the worklists and this answer agree.
 */
export function bilanDeadlines(project: ProjectFoldState, campaign: CampaignFoldState, asOf: AsOf): BilanLateness | null {
  if (!project.ref || project.status !== 'approved' || campaign.parameters === null) return null;
  return bilanLateness(
    project.projectId,
    project.ref.schoolYear,
    campaign.parameters.bilanDueDates,
    bilanFiledFacts([project]),
    dayOf(asOf),
  );
}

export function projectBilan(project: ProjectFoldState, campaign: CampaignFoldState, asOf: AsOf): ProjectBilanAnswer {
  const context = contextOf(asOf);
  const params = campaign.parameters;
  const quantitativeFacts = projectQuantitativeFacts(project);
  const financialFacts = projectFinancialFacts(project, campaign, asOf);
  const last = project.bilans[project.bilans.length - 1] ?? null;
  return {
    ...context,
    projectId: project.projectId,
    schoolYear: project.ref?.schoolYear ?? '',
    quantitative: params && quantitativeFacts ? projectBilanQuantitative(quantitativeFacts, params) : null,
    financial: params && financialFacts ? projectBilanFinancial(financialFacts, params) : null,
    filed: last
      ? {
          bilanId: last.bilanId,
          status: last.status,
          filedOn: last.filedOn,
          declared: last.quantitative,
          qualitative: last.qualitative,
          eventIds: last.eventIds,
        }
      : null,
    deadlines: bilanDeadlines(project, campaign, asOf),
  };
}
