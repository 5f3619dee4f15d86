import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '../../campaign/parameter-sets/aude-2026-2027.parameters.js';
import { LANDES_2025_2026 } from '../../campaign/parameter-sets/landes-2025-2026.parameters.js';
import { localDate } from '../../shared/calendar-date.js';
import { eurosToCents } from '../../shared/money.js';
import { sourced } from '../facts/sourced.js';
import { collectif } from '../facts/testing/project-facts.fixtures.js';
import { frenchTypeset } from '../../testing/french-typeset.js';
import { actualPs } from './ps-actual.rule.js';
import { forecastPs, type ForecastPsInput } from './ps-forecast.rule.js';
import { psNotApplicableSummary, psSummary } from './ps-summary.js';

const typeset = frenchTypeset;

/** domain.md §9 example 1: Aude 2026-2027, 2 collectifs, 18 000 €, bonus enfants on both. */
const example1: ForecastPsInput = {
  parameters: AUDE_2026_2027,
  approvedCollectifs: sourced(2, ['evt-decision']),
  plannedTotalCost: sourced(eurosToCents('18000'), ['evt-application']),
  bonusEnfantsCollectifs: sourced(2, ['evt-decision']),
  otherCafFunding: sourced(0, ['evt-application']),
  at: localDate('2026-10-20'),
};

/** domain.md §9 example 2: Landes 2025-2026, 1 rural collectif, 3 000 €, other Caf 1 500 €, bonus parents. */
const example2: ForecastPsInput = {
  parameters: LANDES_2025_2026,
  approvedCollectifs: sourced(1, ['evt-decision']),
  plannedTotalCost: sourced(eurosToCents('3000'), ['evt-application']),
  bonusParentsCollectifs: sourced(1, ['evt-decision']),
  otherCafFunding: sourced(eurosToCents('1500'), ['evt-application']),
};

const payment = (date: string, euros: string, kind: 'advance' | 'balance' | 'recovery') => ({
  paymentId: `pay-${date}`,
  date: localDate(date),
  amount: eurosToCents(euros),
  kind,
  eventIds: [`evt-pay-${date}`],
});

describe('psSummary: the PS explanation in French (R-PS-EXPLAIN)', () => {
  it('R-PS-FORMULA R-PS-CAP R-PS-BONUS R-PS-80 R-PS-PAYMENTS — worked example 1: cap applied, bonus enfants on 2 collectifs, no 80 % reduction, 6 293,80 €', () => {
    expect(forecastPs(example1).summary).toBe(
      typeset(
        'PS = 2 × 2 811,90 € (32,5 % du prix plafond de 8 652 €) = 5 623,80 € ; bonus enfants 2 × 335 € ; ' +
          'pas de réduction au titre des 80 % ; montant prévisionnel 6 293,80 € ; aucun versement au 20/10/2026, reste à verser 6 293,80 €',
      ),
    );
  });

  it('R-PS-80 R-PS-BONUS — worked example 2: cap not applied, bonus parents, reduction of 404,00 € on its own line, 900,00 €', () => {
    expect(forecastPs(example2).summary).toBe(
      typeset(
        'PS = 1 × 975,00 € (32,5 % du coût par collectif de 3 000 €) = 975,00 € ; bonus parents 1 × 329 € ; ' +
          "réduction de 404,00 € au titre des 80 % (plafond 80 % × 3 000 € − 1 500 € d'autres financements Caf = 900,00 €) ; " +
          'montant prévisionnel 900,00 € ; aucun versement, reste à verser 900,00 €',
      ),
    );
  });

  it('R-PS-FORMULA — worked example 3: the decision known as 2 collectifs, then corrected to 3, reads as 2 then 3 collectif lines', () => {
    const known = (n: number) =>
      forecastPs({ parameters: AUDE_2026_2027, approvedCollectifs: sourced(n, []), plannedTotalCost: sourced(eurosToCents('30000'), []) })
        .summary;
    expect(known(2)).toBe(
      typeset(
        'PS = 2 × 2 811,90 € (32,5 % du prix plafond de 8 652 €) = 5 623,80 € ; pas de bonus ; pas de réduction au titre des 80 % ; ' +
          'montant prévisionnel 5 623,80 € ; aucun versement, reste à verser 5 623,80 €',
      ),
    );
    expect(known(3)).toMatch(new RegExp('^' + typeset('PS = 3 × 2 811,90 € \\(32,5 % du prix plafond de 8 652 €\\) = 8 435,70 € ;')));
  });

  it('R-PS-FORMULA — a cost per collectif that is not whole cents is shown as the division, never rounded', () => {
    const s = forecastPs({ parameters: AUDE_2026_2027, approvedCollectifs: sourced(3, []), plannedTotalCost: sourced(1_000_000, []) });
    expect(s.summary.split(' ; ')[0]).toBe(typeset('PS = 3 × 1 083,33 € (32,5 % du coût par collectif, 10 000 € ÷ 3) = 3 249,99 €'));
  });

  it('R-PS-BONUS — both bonuses, each on its own collectifs', () => {
    const s = forecastPs({ ...example1, bonusParentsCollectifs: sourced(1, ['evt-decision']) });
    expect(s.summary.split(' ; ').slice(1, 3)).toEqual([typeset('bonus enfants 2 × 335 €'), typeset('bonus parents 1 × 335 €')]);
  });

  it('R-PS-PAYMENTS — an advance paid by the date leaves the rest to pay', () => {
    const s = forecastPs({ ...example1, at: localDate('2026-11-20'), payments: [payment('2026-11-15', '3000', 'advance')] });
    expect(s.summary.split(' ; ').at(-1)).toBe(typeset('versé au 20/11/2026 : avance 3 000,00 € le 15/11/2026, reste à verser 3 293,80 €'));
  });

  it('R-PS-PAYMENTS — paid in full: nothing left to pay', () => {
    const s = forecastPs({ ...example2, payments: [payment('2026-11-15', '400', 'advance'), payment('2027-07-01', '500', 'balance')] });
    expect(s.summary.split(' ; ').at(-1)).toBe(
      typeset('versé : avance 400,00 € le 15/11/2026, solde 500,00 € le 01/07/2027, rien à verser'),
    );
  });

  it('R-PS-ACTUAL R-PS-PAYMENTS — at the bilan, a collectif out of compliance is not counted and the advance exceeds the payable: to recover', () => {
    const s = actualPs({
      parameters: AUDE_2026_2027,
      approvedCollectifs: sourced(2, ['evt-decision']),
      actualTotalCost: sourced(eurosToCents('15000'), ['evt-bilan']),
      rural: false,
      collectifs: [collectif('A', 30), collectif('B', 20)],
      payments: [payment('2026-11-15', '3000', 'advance')],
    });
    expect(s.summary).toBe(
      typeset(
        'au bilan, collectifs approuvés 2, ayant fonctionné 2, conformes 1 (R-PS-WEEK), comptés 1 ; ' +
          'PS = 1 × 2 437,50 € (32,5 % du coût par collectif de 7 500 €) = 2 437,50 € ; pas de bonus ; pas de réduction au titre des 80 % ; ' +
          'montant au bilan 2 437,50 € ; versé : avance 3 000,00 € le 15/11/2026, à récupérer 562,50 €',
      ),
    );
  });

  it('R-PS-ACTUAL — no collectif ever met: a PS of zero, said so', () => {
    const s = actualPs({
      parameters: AUDE_2026_2027,
      approvedCollectifs: sourced(2, []),
      actualTotalCost: sourced(eurosToCents('15000'), []),
      rural: false,
      collectifs: [collectif('A', 0)],
    });
    expect(s.summary.split(' ; ')[1]).toBe(typeset("PS = 0,00 € (aucun collectif n'a fonctionné)"));
  });

  it('R-PS-EXPLAIN — the summary reads the explanation tree: a changed figure in the tree is the figure the text shows', () => {
    const { explanation } = forecastPs(example1);
    const altered = { ...explanation, output: { ...(explanation.output as Record<string, unknown>), payable: 123_456 } };
    expect(psSummary(altered)).toContain(typeset('montant prévisionnel 1 234,56 €'));
  });

  it('R-PS-EXPLAIN — no statement: the reason, and what was paid is to recover', () => {
    expect(psNotApplicableSummary('no_decision', 0)).toBe('PS non calculée : aucune décision du comité à cette date');
    expect(psNotApplicableSummary('refused', 50_000)).toBe(
      typeset('pas de PS : le comité a refusé le projet ; versé 500,00 €, à récupérer 500,00 €'),
    );
  });
});
