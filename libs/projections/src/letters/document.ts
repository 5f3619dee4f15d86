import type { Instant } from '@clas/domain';
import { frenchDate, plural } from '@clas/domain';
import type { AgreementModel, LetterApproval, LetterModel } from './letter-model.js';

/**
 * The layout both renderings share (HTML and PDF): a letter is a heading block, a subject, then
 * sections of paragraphs and items. Built from the model only, so the two renderings say the
 * same thing and neither computes anything.
 */
export interface DocumentSection {
  heading: string;
  paragraphs: string[];
  items: string[];
}

export interface ClasDocument {
  /** The document's id (letter or agreement). */
  documentId: string;
  title: string;
  /** Sender block (the Caf). */
  from: string[];
  /** Recipient block (the operator). */
  to: string[];
  /** « Carcassonne, le … »-style line: the issue date. */
  dateLine: string;
  /** References: project, decision, meeting. */
  references: string[];
  subject: string;
  sections: DocumentSection[];
  closing: string[];
  /** The instant the document is dated by (PDF CreationDate/ModDate): never the rendering's clock. */
  issuedAt: Instant;
}

const section = (heading: string, paragraphs: string[], items: string[] = []): DocumentSection => ({ heading, paragraphs, items });

function bonusesText(approval: LetterApproval): string {
  const granted = [
    approval.bonusEnfantsCollectifs > 0 ? `bonus enfants sur ${plural(approval.bonusEnfantsCollectifs, 'collectif')}` : null,
    approval.bonusParentsCollectifs > 0 ? `bonus parents sur ${plural(approval.bonusParentsCollectifs, 'collectif')}` : null,
  ].filter((b): b is string => b !== null);
  return granted.length === 0 ? 'aucun' : granted.join(', ');
}

function approvalSection(heading: string, approval: LetterApproval): DocumentSection {
  return section(heading, [
    `Collectifs retenus : ${approval.approvedCollectifs} (${approval.approvedCollectifRefs.join(', ')}).`,
    `Coût de fonctionnement prévisionnel retenu : ${approval.forecastOperatingCost}.`,
    `Bonus accordés : ${bonusesText(approval)}.`,
    `Prestation de service prévisionnelle (bonus compris) : ${approval.forecastPayable ?? 'à notifier'}.`,
    `Détail du calcul : ${approval.forecastSummary}.`,
  ]);
}

function header(model: LetterModel | AgreementModel) {
  return {
    from: [model.parties.cafName, `Caf ${model.parties.cafCode} — accompagnement à la scolarité (Clas)`],
    to: [model.parties.operatorName, `Porteur ${model.parties.operatorId}`],
    dateLine: `Le ${frenchDate(model.issuedOn)}`,
    references: [
      `Projet : « ${model.project.title} » (${model.project.projectId}), année scolaire ${model.project.schoolYear}`,
      `Décision ${model.decisionId} du comité réuni le ${frenchDate(model.meetingDate)}, effective le ${frenchDate(model.decisionDate)}`,
    ],
    issuedAt: model.knownAt,
  };
}

const TITLES = {
  approval: "Notification d'accord de financement Clas",
  refusal: 'Notification de refus de financement Clas',
  correction: "Notification de rectification d'une décision de financement Clas",
} as const;

const SUBJECTS = {
  approval: 'accord de financement au titre du Clas',
  refusal: 'refus de financement au titre du Clas',
  correction: 'rectification de la décision de financement au titre du Clas',
} as const;

/** R-NOTIFY: the letter of a decision or a correction, laid out. */
export function letterDocument(model: LetterModel): ClasDocument {
  const sections: DocumentSection[] = [];
  if (model.kind === 'refusal') {
    sections.push(
      section(
        'Motifs du refus',
        [`Le comité Clas réuni le ${frenchDate(model.meetingDate)} n'a pas retenu votre projet pour les motifs suivants :`],
        (model.refusal ?? []).map(
          (r) => `${r.text}${r.ruleId ? ` — règle ${r.ruleId}${r.ruleStatement ? ` : ${r.ruleStatement}` : ''}` : ''}`,
        ),
      ),
    );
  } else {
    if (model.correction) {
      sections.push(
        section(
          'Rectification',
          [
            `Le ${frenchDate(model.correction.correctedOn)}, le comité a rectifié sa décision, avec effet au ${frenchDate(model.decisionDate)}.`,
            `Motif : ${model.correction.reason}`,
          ],
          model.correction.changes.map((c) => `${c.label} : ${c.before} → ${c.after}`),
        ),
      );
    } else {
      sections.push(
        section('Décision', [
          `Le comité Clas réuni le ${frenchDate(model.meetingDate)} a retenu votre projet pour l'année scolaire ${model.project.schoolYear}.`,
        ]),
      );
    }
    if (model.approval) sections.push(approvalSection(model.correction ? 'Décision rectifiée' : 'Financement accordé', model.approval));
    sections.push(section('Conditions', [], model.conditions));
  }
  return {
    documentId: model.letterId,
    title: TITLES[model.kind],
    ...header(model),
    subject: `Objet : ${SUBJECTS[model.kind]} — ${model.project.title}`,
    sections,
    closing: ['Nous vous prions de recevoir nos salutations distinguées.', `${model.parties.cafName}, pour le comité Clas`],
  };
}

/** R-AGREEMENT-ANNUAL: the annual Clas agreement, laid out. */
export function agreementDocument(model: AgreementModel): ClasDocument {
  return {
    documentId: model.agreementId,
    title: 'Convention Clas annuelle',
    ...header(model),
    subject: `Convention d'objectifs et de financement — accompagnement à la scolarité, année scolaire ${model.project.schoolYear}`,
    sections: [
      section('Parties', [
        `Entre la ${model.parties.cafName}, ci-après « la Caf », et ${model.parties.operatorName} (${model.parties.operatorId}), ci-après « le porteur ».`,
      ]),
      section('Objet', [
        `La présente convention fixe les engagements des parties pour le projet « ${model.project.title} » (${model.project.projectId}), retenu par le comité du ${frenchDate(model.meetingDate)}, pour l'année scolaire ${model.project.schoolYear}. Elle tient lieu de convention annuelle en l'absence de convention pluriannuelle couvrant cette année.`,
      ]),
      approvalSection('Financement', model.approval),
      section('Engagements du porteur', [], model.obligations),
      section('Modalités de versement', [], model.paymentTerms),
      section('Signatures', [`Pour la Caf : ${model.parties.cafName}`, `Pour le porteur : ${model.parties.operatorName}`]),
    ],
    closing: [`Établie le ${frenchDate(model.issuedOn)} en deux exemplaires.`],
  };
}
