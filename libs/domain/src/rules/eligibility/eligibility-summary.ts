import type { Explanation } from '../../shared/recorded-event.js';
import { stringField } from '../../shared/explanation-reading.js';
import { plural } from '../../shared/french-text.js';
import type { CriterionStatus, EligibilityCriterionId } from './criterion-result.js';

/** The criteria of domain.md §3 as a Caf letter names them. */
const CRITERION_LABELS: Record<EligibilityCriterionId, string> = {
  'R-ELIG-PUBLIC': 'public accueilli',
  'R-ELIG-CHARTER': 'charte',
  'R-ELIG-NOT-HOMEWORK': "pas seulement de l'aide aux devoirs",
  'R-ELIG-COLLECTIVE': 'taille des collectifs',
  'R-ELIG-STAFF': 'encadrement',
  'R-ELIG-COORD': 'coordinateur',
  'R-ELIG-RHYTHM': 'rythme des séances',
  'R-ELIG-AXES': 'quatre axes',
  'R-ELIG-COFUNDING': 'cofinancement',
  'R-ELIG-OPERATOR': 'pièces du gestionnaire',
  'R-ELIG-NO-SPORT': "pas d'activités physiques et sportives",
  'R-ELIG-TRAINING': 'formation des intervenants',
};

const VERDICTS: Record<string, string> = { eligible: 'éligible', not_eligible: 'non éligible', incomplete: 'dossier incomplet' };

const BASES: Record<string, string> = { planned: 'sur le projet déposé', actual: 'sur le réalisé' };

function label(ruleId: string): string {
  const name = (CRITERION_LABELS as Record<string, string | undefined>)[ruleId];
  return name ? `${name} (${ruleId})` : ruleId;
}

/**
 * R-ELIG in words: « Éligibilité sur le projet déposé : non éligible ; non remplis : encadrement
 * (R-ELIG-STAFF) ; 11 critères remplis sur 12 ». It reads the evaluation's explanation tree only: the
 * verdict of the R-ELIG node and each criterion node's status, never evaluated again.
 */
export function eligibilitySummary(explanation: Explanation): string {
  const basis = stringField(explanation.inputs, 'basis');
  const verdict = stringField(explanation.output, 'verdict');
  const byStatus = (status: CriterionStatus) =>
    (explanation.children ?? []).filter((c) => stringField(c.output, 'status') === status).map((c) => label(c.ruleId));
  const notMet = byStatus('not_met');
  const unknown = byStatus('unknown');
  const waived = byStatus('waived');
  const met = byStatus('met').length + waived.length;
  const total = explanation.children?.length ?? 0;
  return [
    `Éligibilité ${BASES[basis] ?? basis} : ${VERDICTS[verdict] ?? verdict}`,
    ...(notMet.length ? [`non remplis : ${notMet.join(', ')}`] : []),
    ...(unknown.length ? [`à établir : ${unknown.join(', ')}`] : []),
    ...(waived.length ? [`par dérogation : ${waived.join(', ')}`] : []),
    `${plural(met, 'critère rempli', 'critères remplis')} sur ${total}`,
  ].join(' ; ');
}

/** The whole answer: the planned then the actual evaluation, or why nothing was evaluated. */
export function eligibilityAnswerSummary(planned: { summary: string } | null, actual: { summary: string } | null): string {
  const parts = [planned, actual].filter((e): e is { summary: string } => e !== null).map((e) => e.summary);
  return parts.length ? parts.join('. ') : "Éligibilité non évaluée : la campagne n'a pas de paramètres à cette date";
}
