import type { ProjectFoldState } from '../folds/project-state.js';
import { agreementDocument, letterDocument } from './document.js';
import type { AgreementModel, LetterKind, LetterModel, LetterSources } from './letter-model.js';
import { agreementModel, letterModel, letterRefsOf } from './letter-model.js';
import { renderHtml, renderPdf, sha256Hex } from './render.js';

/** A rendered document: the model, its HTML, its PDF and the PDF's SHA-256. */
export interface RenderedDocument<M> {
  model: M;
  html: string;
  pdf: Buffer;
  documentHash: string;
}

export async function renderLetter(
  sources: LetterSources,
  projectId: string,
  letterId: string,
): Promise<RenderedDocument<LetterModel> | null> {
  const model = letterModel(sources, projectId, letterId);
  if (model === null) return null;
  const doc = letterDocument(model);
  const pdf = await renderPdf(doc);
  return { model, html: renderHtml(doc), pdf, documentHash: sha256Hex(pdf) };
}

export async function renderAgreement(sources: LetterSources, projectId: string): Promise<RenderedDocument<AgreementModel> | null> {
  const model = agreementModel(sources, projectId);
  if (model === null) return null;
  const doc = agreementDocument(model);
  const pdf = await renderPdf(doc);
  return { model, html: renderHtml(doc), pdf, documentHash: sha256Hex(pdf) };
}

/** GET /projects/{id}/letters: one entry per decision and correction. */
export interface LetterListEntry {
  letterId: string;
  kind: LetterKind;
  decisionId: string;
  /** The decision's effective date, or the correction's date. */
  date: string;
  /** The instant the letter is rendered as of. */
  knownAt: string;
  /** SHA-256 of the PDF (what RecordNotificationSent must name). */
  documentHash: string;
  notified: boolean;
  /** Each sending recorded (R-NOTIFY), in log order. */
  notifications: Array<{ channel: string; recipientId: string; sentOn: string; documentHash: string }>;
}

export interface ProjectLettersAnswer {
  projectId: string;
  letters: LetterListEntry[];
  /**
   * R-AGREEMENT-ANNUAL: the annual agreement drawn from the approval, and whether it is signed;
   * null before an approval, and under a multi-year convention covering the year.
   */
  agreement: { agreementId: string; documentHash: string; signed: { signedOn: string; signatoryRole: string } | null } | null;
  /** The signed multi-year convention of the operator covering the project's school year, or null. */
  coveringConventionId: string | null;
}

/**
 * The letters of a project with their hashes and whether each was sent, from the sources
 * (rendered) and the project folded now (the notifications, the agreement signed).
 */
export async function projectLetters(
  sources: LetterSources,
  project: ProjectFoldState,
  coveringConventionId: string | null,
): Promise<ProjectLettersAnswer> {
  const letters: LetterListEntry[] = [];
  for (const ref of letterRefsOf(sources.project)) {
    const rendered = await renderLetter(sources, project.projectId, ref.letterId);
    if (rendered === null) continue;
    const sent = project.notifications.filter((n) => n.letterId === ref.letterId);
    letters.push({
      letterId: ref.letterId,
      kind: ref.kind,
      decisionId: ref.decisionId,
      date: ref.date,
      knownAt: ref.knownAt,
      documentHash: rendered.documentHash,
      notified: sent.length > 0,
      notifications: sent.map((n) => ({ channel: n.channel, recipientId: n.recipientId, sentOn: n.sentOn, documentHash: n.documentHash })),
    });
  }
  const agreement = coveringConventionId === null ? await renderAgreement(sources, project.projectId) : null;
  const signed = project.agreement;
  return {
    projectId: project.projectId,
    letters,
    agreement: agreement
      ? {
          agreementId: agreement.model.agreementId,
          documentHash: agreement.documentHash,
          signed: signed ? { signedOn: signed.signedOn, signatoryRole: signed.signatoryRole } : null,
        }
      : null,
    coveringConventionId,
  };
}
