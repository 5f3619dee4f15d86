import type {
  ApprovalTerms,
  CommitteeDecisionCorrectedData,
  CommitteeDecisionRecordedData,
  CorrectableDecisionField,
  Instant,
  LocalDate,
  RecordedEvent,
  SchoolYear,
} from '@clas/domain';
import {
  CAF_NAMES,
  annualAgreementId,
  correctionLetterId,
  decisionLetterId,
  euros,
  eurosCompact,
  parisDateOf,
  plural,
  refusalRuleStatement,
} from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import { foldAsOf } from '../core/keyed-fold.js';
import { forecastStatement } from '../answers/payable-ps.answer.js';
import { campaignFold, campaignKey } from '../folds/campaign.fold.js';
import { operatorFold } from '../folds/operator.fold.js';
import { projectFold } from '../folds/project.fold.js';
import type { ProjectFoldState } from '../folds/project-state.js';

/**
 * R-NOTIFY: the letters of a project are facts of its log — one per committee decision and one
 * per correction of it — each rendered AS OF the moment its decision (or correction) was
 * recorded: `at` = `knownAt` = that event's recordedAt. Nothing recorded later changes a
 * letter, so it renders the same, byte for byte, at any later date.
 */

/** The streams a letter reads: the project's own, its campaign's, its operator's (collectifs play no part). */
export interface LetterSources {
  project: readonly RecordedEvent[];
  campaign: readonly RecordedEvent[];
  operator: readonly RecordedEvent[];
}

export type LetterKind = 'approval' | 'refusal' | 'correction';

/** One letter the log calls for. */
export interface LetterRef {
  letterId: string;
  kind: LetterKind;
  decisionId: string;
  /** 1-based number of the correction, null for the decision's own letter. */
  correctionNumber: number | null;
  /** The decision's effective date, or the day the correction was decided. */
  date: LocalDate;
  /** The decision's (or correction's) recordedAt: the letter is rendered as known then. */
  knownAt: Instant;
  eventId: string;
}

/** The decision letters of a project, in log order (the project stream's events, any knowledge time). */
export function letterRefsOf(projectEvents: readonly RecordedEvent[]): LetterRef[] {
  const refs: LetterRef[] = [];
  const corrections = new Map<string, number>();
  for (const event of projectEvents) {
    if (event.type === 'CommitteeDecisionRecorded') {
      const data = event.data as CommitteeDecisionRecordedData;
      refs.push({
        letterId: decisionLetterId(data.decisionId),
        kind: data.decision.outcome === 'approved' ? 'approval' : 'refusal',
        decisionId: data.decisionId,
        correctionNumber: null,
        date: data.effectiveDate,
        knownAt: event.recordedAt,
        eventId: event.eventId,
      });
    } else if (event.type === 'CommitteeDecisionCorrected') {
      const data = event.data as CommitteeDecisionCorrectedData;
      const n = (corrections.get(data.decisionId) ?? 0) + 1;
      corrections.set(data.decisionId, n);
      refs.push({
        letterId: correctionLetterId(data.decisionId, n),
        kind: 'correction',
        decisionId: data.decisionId,
        correctionNumber: n,
        date: data.correctedOn,
        knownAt: event.recordedAt,
        eventId: event.eventId,
      });
    }
  }
  return refs;
}

/** The letters a project's fold calls for (same ids as `letterRefsOf`): decision, then each correction. */
export function letterIdsOf(project: ProjectFoldState): Array<{ letterId: string; decisionId: string; kind: LetterKind }> {
  const decision = project.decision;
  if (decision === null) return [];
  // A refusal is never corrected (REFUSAL_NOT_CORRECTABLE): the recorded outcome is the refusal's presence.
  const first = decision.refusal === null ? 'approval' : 'refusal';
  return [
    { letterId: decisionLetterId(decision.decisionId), decisionId: decision.decisionId, kind: first },
    ...decision.corrections.map((_, i) => ({
      letterId: correctionLetterId(decision.decisionId, i + 1),
      decisionId: decision.decisionId,
      kind: 'correction' as const,
    })),
  ];
}

/**
 * R-NOTIFY, for the worklists: the letters of the project's decisions that were never sent
 * (no NotificationSent names them), in log order.
 */
export function unnotifiedDecisions(project: ProjectFoldState): Array<{ letterId: string; decisionId: string; kind: LetterKind }> {
  const sent = new Set(project.notifications.map((n) => n.letterId));
  return letterIdsOf(project).filter((l) => !sent.has(l.letterId));
}

export interface LetterParty {
  cafCode: string;
  cafName: string;
  operatorId: string;
  operatorName: string;
}

export interface LetterProject {
  projectId: string;
  title: string;
  schoolYear: SchoolYear;
}

/** The approval as a letter states it (amounts already in French). */
export interface LetterApproval {
  approvedCollectifs: number;
  approvedCollectifRefs: string[];
  forecastOperatingCost: string;
  bonusEnfantsCollectifs: number;
  bonusParentsCollectifs: number;
  /** R-PS-EXPLAIN: the forecast statement's own French summary, passed through (never computed again). */
  forecastSummary: string;
  /** The forecast PS with bonuses, in euros; null when the campaign had no parameters. */
  forecastPayable: string | null;
}

export interface LetterRefusalReason {
  code: string;
  ruleId: string | null;
  text: string;
  /** The French statement of the rule cited, when it is one a refusal states. */
  ruleStatement: string | null;
}

export interface LetterChange {
  field: CorrectableDecisionField;
  label: string;
  before: string;
  after: string;
}

/** The model of a decision letter: what the HTML and the PDF say, nothing more. */
export interface LetterModel {
  letterId: string;
  kind: LetterKind;
  decisionId: string;
  /** The moment the letter is rendered as of (the decision's or correction's recording). */
  knownAt: Instant;
  /** Issued on: the Paris day of `knownAt`. */
  issuedOn: LocalDate;
  parties: LetterParty;
  project: LetterProject;
  meetingDate: LocalDate;
  decisionDate: LocalDate;
  /** The approval in force after this letter (approval and correction letters), else null. */
  approval: LetterApproval | null;
  refusal: LetterRefusalReason[] | null;
  correction: { correctedOn: LocalDate; reason: string; changes: LetterChange[] } | null;
  /** R-PS-PAYMENTS, R-BILAN-1, R-ELIG-CHARTER, R-AGREEMENT-ANNUAL: the conditions of an approval. */
  conditions: string[];
}

const FIELD_LABELS: Readonly<Record<CorrectableDecisionField, string>> = {
  approvedCollectifs: 'Nombre de collectifs retenus',
  approvedCollectifRefs: 'Collectifs retenus',
  bonusesGranted: 'Bonus accordés',
  forecastOperatingCost: 'Coût de fonctionnement prévisionnel retenu',
};

function bonusesText(terms: ApprovalTerms): string {
  const parts = [
    terms.bonusesGranted.enfants ? `bonus enfants sur ${plural(terms.bonusesGranted.enfants.collectifs, 'collectif')}` : null,
    terms.bonusesGranted.parents ? `bonus parents sur ${plural(terms.bonusesGranted.parents.collectifs, 'collectif')}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? 'aucun bonus' : parts.join(', ');
}

function fieldText(terms: ApprovalTerms, field: CorrectableDecisionField): string {
  switch (field) {
    case 'approvedCollectifs':
      return String(terms.approvedCollectifs);
    case 'approvedCollectifRefs':
      return terms.approvedCollectifRefs.join(', ');
    case 'bonusesGranted':
      return bonusesText(terms);
    case 'forecastOperatingCost':
      return eurosCompact(terms.forecastOperatingCost);
  }
}

/** The conditions of every approval (the same words in the letter and the annual agreement). */
export function approvalConditions(schoolYear: SchoolYear): string[] {
  return [
    "Versements (R-PS-PAYMENTS) : la Caf peut verser une avance après la présente décision, dans la limite du montant prévisionnel ; le solde est versé après validation du bilan de l'année.",
    `Bilan (R-BILAN-1) : un bilan qualitatif, quantitatif et financier de l'année scolaire ${schoolYear} est déposé à son terme ; le montant dû est calculé sur le coût réel et les collectifs ayant fonctionné conformément (R-PS-ACTUAL).`,
    "Charte (R-ELIG-CHARTER) : le porteur respecte la charte nationale de l'accompagnement à la scolarité — laïcité, absence de prosélytisme, égalité d'accès, participation des familles gratuite ou symbolique.",
    "Convention (R-AGREEMENT-ANNUAL) : sans convention pluriannuelle couvrant l'année, le solde n'est versé qu'après signature de la convention Clas annuelle.",
  ];
}

interface FoldedAsOf {
  project: ProjectFoldState;
  approval: LetterApproval | null;
  parties: LetterParty;
  projectInfo: LetterProject;
}

/** Folds the three streams as known at `knownAt` and states the approval in force then. */
function foldedAt(sources: LetterSources, projectId: string, knownAt: Instant): FoldedAsOf | null {
  const asOf: AsOf = { at: knownAt, knownAt };
  const project = foldAsOf(projectFold, projectId, sources.project, asOf);
  if (project.ref === null) return null;
  const { cafCode, schoolYear, operatorId } = project.ref;
  const campaign = foldAsOf(campaignFold, campaignKey(cafCode, schoolYear), sources.campaign, asOf);
  const operator = foldAsOf(operatorFold, operatorId, sources.operator, asOf);
  const terms = project.decision?.approval ?? null;
  const statement = terms ? forecastStatement(project, campaign, asOf) : null;
  const approval: LetterApproval | null = terms
    ? {
        approvedCollectifs: terms.approvedCollectifs,
        approvedCollectifRefs: terms.approvedCollectifRefs,
        forecastOperatingCost: eurosCompact(terms.forecastOperatingCost),
        bonusEnfantsCollectifs: terms.bonusesGranted.enfants?.collectifs ?? 0,
        bonusParentsCollectifs: terms.bonusesGranted.parents?.collectifs ?? 0,
        forecastSummary: statement?.summary ?? 'paramètres de la campagne non publiés à la date de la décision : montant à notifier',
        forecastPayable: statement ? euros(statement.payable) : null,
      }
    : null;
  return {
    project,
    approval,
    parties: {
      cafCode,
      cafName: CAF_NAMES[cafCode] ?? `Caf ${cafCode}`,
      operatorId,
      operatorName: operator.name ?? operatorId,
    },
    projectInfo: { projectId, title: project.application?.content.title ?? project.drafted?.title ?? projectId, schoolYear },
  };
}

/** The model of one letter, or null when the project has no such letter. */
export function letterModel(sources: LetterSources, projectId: string, letterId: string): LetterModel | null {
  const refs = letterRefsOf(sources.project);
  const index = refs.findIndex((r) => r.letterId === letterId);
  const ref = refs[index];
  if (ref === undefined) return null;
  const folded = foldedAt(sources, projectId, ref.knownAt);
  const decision = folded?.project.decision ?? null;
  if (folded === null || decision === null) return null;
  const base = {
    letterId,
    kind: ref.kind,
    decisionId: ref.decisionId,
    knownAt: ref.knownAt,
    issuedOn: parisDateOf(ref.knownAt),
    parties: folded.parties,
    project: folded.projectInfo,
    meetingDate: decision.meetingDate,
    decisionDate: decision.effectiveDate,
  };
  if (ref.kind === 'refusal') {
    const reasons = (decision.refusal?.reasons ?? []).map((r) => ({ ...r, ruleStatement: refusalRuleStatement(r.ruleId) }));
    return { ...base, approval: null, refusal: reasons, correction: null, conditions: [] };
  }
  let correction: LetterModel['correction'] = null;
  if (ref.kind === 'correction') {
    const event = sources.project.find((e) => e.eventId === ref.eventId)!;
    const data = event.data as CommitteeDecisionCorrectedData;
    const before = termsBefore(sources.project, ref.eventId);
    correction = {
      correctedOn: data.correctedOn,
      reason: data.reason,
      changes: data.correctedFields.map((field) => ({
        field,
        label: FIELD_LABELS[field],
        before: before ? fieldText(before, field) : '—',
        after: fieldText(data.corrected, field),
      })),
    };
  }
  return { ...base, approval: folded.approval, refusal: null, correction, conditions: approvalConditions(folded.projectInfo.schoolYear) };
}

/** The approval terms in force just before the given correction event (the decision's, or the previous correction's). */
function termsBefore(projectEvents: readonly RecordedEvent[], correctionEventId: string): ApprovalTerms | null {
  let terms: ApprovalTerms | null = null;
  for (const event of projectEvents) {
    if (event.eventId === correctionEventId) return terms;
    if (event.type === 'CommitteeDecisionRecorded') {
      const decision = (event.data as CommitteeDecisionRecordedData).decision;
      terms = decision.outcome === 'approved' ? decision : null;
    } else if (event.type === 'CommitteeDecisionCorrected') terms = (event.data as CommitteeDecisionCorrectedData).corrected;
  }
  return terms;
}

/** R-AGREEMENT-ANNUAL: the annual Clas agreement drawn from the approval in force. */
export interface AgreementModel {
  agreementId: string;
  decisionId: string;
  /** Rendered as of the latest decision or correction (the approval the agreement carries). */
  knownAt: Instant;
  issuedOn: LocalDate;
  parties: LetterParty;
  project: LetterProject;
  meetingDate: LocalDate;
  decisionDate: LocalDate;
  approval: LetterApproval;
  obligations: string[];
  paymentTerms: string[];
}

/** The annual agreement of a project, or null when the committee has not approved it. */
export function agreementModel(sources: LetterSources, projectId: string): AgreementModel | null {
  const last = letterRefsOf(sources.project).at(-1);
  if (last === undefined) return null;
  const folded = foldedAt(sources, projectId, last.knownAt);
  const decision = folded?.project.decision ?? null;
  if (folded === null || decision === null || folded.approval === null) return null;
  const year = folded.projectInfo.schoolYear;
  return {
    agreementId: annualAgreementId(decision.decisionId),
    decisionId: decision.decisionId,
    knownAt: last.knownAt,
    issuedOn: parisDateOf(last.knownAt),
    parties: folded.parties,
    project: folded.projectInfo,
    meetingDate: decision.meetingDate,
    decisionDate: decision.effectiveDate,
    approval: folded.approval,
    obligations: [
      `Mettre en œuvre le projet « ${folded.projectInfo.title} » pendant l'année scolaire ${year} avec ${plural(folded.approval.approvedCollectifs, 'collectif')} de 8 à 12 enfants (R-ELIG-COLLECTIVE), encadrés par deux intervenants (R-ELIG-STAFF).`,
      'Tenir deux séances hebdomadaires de 1 h 30 au moins sur 27 semaines au moins (R-ELIG-RHYTHM), en associant les parents et l’école (R-ELIG-AXES).',
      "Respecter la charte nationale de l'accompagnement à la scolarité : laïcité, absence de prosélytisme, égalité d'accès, participation des familles gratuite ou symbolique (R-ELIG-CHARTER).",
      "Déposer le bilan qualitatif, quantitatif et financier de l'année (R-BILAN-1) et signaler à la Caf toute modification du projet.",
    ],
    paymentTerms: [
      `Montant prévisionnel (prestation de service et bonus) : ${folded.approval.forecastPayable ?? 'à notifier'}, détaillé à l'article « Financement ».`,
      'Une avance peut être versée après la décision, dans la limite du montant prévisionnel (R-PS-ADVANCE-CAP).',
      'Le solde est versé après validation du bilan, sur le coût réel et les collectifs ayant fonctionné conformément (R-PS-ACTUAL), sous réserve de la signature de la présente convention (R-AGREEMENT-ANNUAL) ; un trop-perçu est récupéré.',
    ],
  };
}
