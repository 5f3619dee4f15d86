import type { LocalDate } from '../../shared/calendar-date.js';
import type { Cents } from '../../shared/money.js';
import type { Explanation } from '../../shared/recorded-event.js';
import {
  arrayField,
  booleanField,
  explanationNode,
  explanationNodes,
  numberField,
  optionalStringField,
  rateField,
  stringField,
} from '../../shared/explanation-reading.js';
import { euros, eurosCompact, frenchDate, percentText } from '../../shared/french-text.js';

/**
 * R-PS-EXPLAIN in words: the French summary a Caf agent pastes into a letter, e.g.
 * « PS = 2 × 2 811,90 € (32,5 % du prix plafond de 8 652 €) = 5 623,80 € ; bonus enfants 2 × 335 € ;
 * pas de réduction au titre des 80 % ; … ». It only reads the statement's explanation tree
 * (R-PS-FORMULA, R-PS-ACTUAL, R-PS-BONUS, R-PS-80, R-PS-PAYMENTS): every figure is the one the
 * JSON answer shows, never computed again.
 */
export function psSummary(explanation: Explanation): string {
  const kind = stringField(explanation.inputs, 'kind');
  const parts = [
    ...(kind === 'actual' ? [actualCountsPart(explanationNode(explanation, 'R-PS-ACTUAL'))] : []),
    formulaPart(explanation),
    bonusPart(explanationNodes(explanation, 'R-PS-BONUS')),
    eightyPercentPart(explanationNode(explanation, 'R-PS-80')),
    `${kind === 'actual' ? 'montant au bilan' : 'montant prévisionnel'} ${euros(numberField(explanation.output, 'payable'))}`,
    paymentsPart(explanationNode(explanation, 'R-PS-PAYMENTS')),
  ];
  return parts.join(' ; ');
}

/** R-PS-ACTUAL: which collectifs the bilan counts. */
function actualCountsPart(node: Explanation): string {
  const approved = numberField(node.inputs, 'approvedCollectifs');
  const held = numberField(node.inputs, 'held');
  const compliant = numberField(node.inputs, 'compliant');
  const counted = numberField(node.output, 'counted');
  return `au bilan, collectifs approuvés ${approved}, ayant fonctionné ${held}, conformes ${compliant} (R-PS-WEEK), comptés ${counted}`;
}

/** R-PS-FORMULA / R-PS-CAP: n × PS per collectif, on the cap or on the cost per collectif. */
function formulaPart(statement: Explanation): string {
  const formula = explanationNode(statement, 'R-PS-FORMULA');
  const ps = numberField(statement.output, 'ps');
  const divisor = numberField(formula.inputs, 'collectifs');
  if (divisor === 0) return `PS = ${euros(ps)} (aucun collectif n'a fonctionné)`;
  // The actual statement counts only compliant collectifs; the forecast counts every approved one.
  const counted = statement.inputs.kind === 'actual' ? numberField(explanationNode(statement, 'R-PS-ACTUAL').output, 'counted') : divisor;
  const perCollectif = numberField(formula.output, 'psPerCollectif');
  const rate = percentText(rateField(formula.inputs, 'psRate'));
  const totalCost = numberField(formula.inputs, 'totalCost');
  const base = booleanField(formula.output, 'capApplied')
    ? `du prix plafond de ${eurosCompact(numberField(formula.inputs, 'priceCapPerCollectif'))}`
    : totalCost % divisor === 0
      ? `du coût par collectif de ${eurosCompact(totalCost / divisor)}`
      : `du coût par collectif, ${eurosCompact(totalCost)} ÷ ${divisor}`;
  return `PS = ${counted} × ${euros(perCollectif)} (${rate} ${base}) = ${euros(ps)}`;
}

/** R-PS-BONUS: each bonus paid, as collectifs × the fixed amount per collectif. */
function bonusPart(nodes: Explanation[]): string {
  const paid = nodes
    .filter((node) => numberField(node.inputs, 'collectifs') > 0)
    .map(
      (node) =>
        `bonus ${stringField(node.inputs, 'kind')} ${numberField(node.inputs, 'collectifs')} × ${eurosCompact(numberField(node.inputs, 'perCollectif'))}`,
    );
  return paid.length ? paid.join(' ; ') : 'pas de bonus';
}

/** R-PS-80: the reduction as its own line, with the ceiling it comes from. */
function eightyPercentPart(node: Explanation): string {
  const reduction = numberField(node.output, 'reduction');
  const share = percentText(rateField(node.inputs, 'maxCafShare'));
  if (reduction === 0) return `pas de réduction au titre des ${share}`;
  const other = numberField(node.inputs, 'otherCafFunding');
  const ceiling = `${share} × ${eurosCompact(numberField(node.inputs, 'totalCost'))}${other > 0 ? ` − ${eurosCompact(other)} d'autres financements Caf` : ''}`;
  return `réduction de ${euros(reduction)} au titre des ${share} (plafond ${ceiling} = ${euros(numberField(node.output, 'ceiling'))})`;
}

const PAYMENT_KINDS: Record<string, string> = { advance: 'avance', balance: 'solde', recovery: 'récupération', other: 'versement' };

/** R-PS-PAYMENTS: what was paid by the date, and what is still due or to recover. */
function paymentsPart(node: Explanation): string {
  const at = optionalStringField(node.inputs, 'at');
  const when = at ? ` au ${frenchDate(at as LocalDate)}` : '';
  const payments = arrayField(node.inputs, 'payments').map(
    (p) =>
      `${PAYMENT_KINDS[stringField(p, 'kind')] ?? 'versement'} ${euros(Math.abs(numberField(p, 'amount')))} le ${frenchDate(stringField(p, 'date') as LocalDate)}`,
  );
  const paid = payments.length ? `versé${when} : ${payments.join(', ')}` : `aucun versement${when}`;
  return `${paid}, ${dueText(numberField(node.output, 'due'))}`;
}

function dueText(due: Cents): string {
  return due > 0 ? `reste à verser ${euros(due)}` : due < 0 ? `à récupérer ${euros(-due)}` : 'rien à verser';
}

/** Why a project has no PS statement at a date; the answer's `notApplicable` says it in English. */
export type PsNotApplicableReason = 'no_parameters' | 'refused' | 'no_decision' | 'no_approval';

const NOT_APPLICABLE: Record<PsNotApplicableReason, string> = {
  no_parameters: "PS non calculée : la campagne n'a pas de paramètres à cette date",
  refused: 'pas de PS : le comité a refusé le projet',
  no_decision: 'PS non calculée : aucune décision du comité à cette date',
  no_approval: 'PS non calculée : aucune approbation à cette date',
};

/** The summary of an answer without a statement: the reason, and any payment to recover. */
export function psNotApplicableSummary(reason: PsNotApplicableReason, paid: Cents): string {
  return paid === 0 ? NOT_APPLICABLE[reason] : `${NOT_APPLICABLE[reason]} ; versé ${euros(paid)}, ${dueText(-paid)}`;
}
