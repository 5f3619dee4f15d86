import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '@clas/domain';
import type { AsOf } from '../core/keyed-fold.js';
import { foldAsOf } from '../core/keyed-fold.js';
import { campaignFold } from '../folds/campaign.fold.js';
import { projectFold } from '../folds/project.fold.js';
import { envelopeAnswer } from './envelope.answer.js';
import { ENVELOPE_P1, envelopeSeason } from './testing/envelope.fixtures.js';
import { approvedProject, paris } from './testing/scenario.fixtures.js';

const p1 = ENVELOPE_P1;
const ref = { cafCode: p1.cafCode, schoolYear: p1.schoolYear };
const day = (date: string, time = '23:00') => paris(date, time);
const asOf = (at: string, knownAt = at): AsOf => ({ at: day(at), knownAt: day(knownAt) });

function season() {
  const { script, ...ids } = envelopeSeason();
  return { events: script.recorded(), ...ids };
}

function answerAt(a: AsOf) {
  const { events } = season();
  const projects = ['p1', 'p2'].map((id) => foldAsOf(projectFold, id, events, a));
  return envelopeAnswer(ref.cafCode, ref.schoolYear, projects, foldAsOf(campaignFold, '11:2026-2027', events, a), a);
}

describe('envelope answer (R-BUDGET-ENVELOPE)', () => {
  it('R-BUDGET-ENVELOPE: before the amendment is known, the envelope is exceeded by the overridden approval', () => {
    const { setId, overrideId } = season();
    const answer = answerAt(asOf('2026-11-20'));
    expect(answer).toMatchObject({
      checked: true,
      envelope: 1_000_000,
      committed: 1_258_760,
      consumed: 300_000,
      remaining: -258_760,
      unpaid: 700_000,
    });
    expect(answer.projects.map((p) => [p.projectId, p.forecast, p.localFunds, p.committed, p.paid])).toEqual([
      ['p1', 629_380, 0, 629_380, 300_000],
      ['p2', 629_380, 0, 629_380, 0],
    ]);
    expect(answer.overrides).toEqual([
      {
        projectId: 'p2',
        eventId: overrideId,
        reason: 'QPV prioritaire',
        envelope: 1_000_000,
        committed: 629_380,
        thisDecision: 629_380,
        excess: 258_760,
      },
    ]);
    expect(answer.explanation.sourceEventIds).toEqual(expect.arrayContaining([setId, overrideId]));
    expect(answer.summary).toBe(
      'Enveloppe 11 2026-2027 : 10\u202f000,00\u00a0€ ; engagé 12\u202f587,60\u00a0€ (2 projets approuvés : PS prévisionnelle, bonus et fonds locaux) ; dépassement 2\u202f587,60\u00a0€ ; versé au 20/11/2026 3\u202f000,00\u00a0€ ; 1 décision motivée au-delà de l’enveloppe',
    );
  });

  it('R-BUDGET-ENVELOPE: at the same date, known after the amendment and the correction: both count, from their own events', () => {
    const { amendedId, correctionId } = season();
    const before = answerAt(asOf('2026-12-10', '2026-11-20'));
    expect(before).toMatchObject({ envelope: 1_000_000, committed: 1_258_760, remaining: -258_760 });
    const after = answerAt(asOf('2026-12-10'));
    expect(after).toMatchObject({ envelope: 1_300_000, committed: 522_000 + 629_380, remaining: 1_300_000 - 1_151_380, consumed: 300_000 });
    expect(after.history?.amendments).toEqual([
      {
        previousAmount: 1_000_000,
        amount: 1_300_000,
        delta: 300_000,
        reason: 'dotation complémentaire',
        amendedOn: '2026-12-01',
        eventId: amendedId,
      },
    ]);
    expect(after.projects[0]).toMatchObject({ projectId: 'p1', forecast: 522_000, corrections: 1 });
    expect(after.projects[0].decisionEventIds).toContain(correctionId);
    expect(after.explanation.sourceEventIds).toEqual(expect.arrayContaining([amendedId, correctionId]));
  });

  it('R-BUDGET-ENVELOPE: without an envelope the answer says decisions are not checked, and still shows what is committed', () => {
    const script = approvedProject(p1, AUDE_2026_2027);
    const events = script.recorded();
    const a = asOf('2026-11-20');
    const answer = envelopeAnswer(
      ref.cafCode,
      ref.schoolYear,
      [foldAsOf(projectFold, 'p1', events, a)],
      foldAsOf(campaignFold, '11:2026-2027', events, a),
      a,
    );
    expect(answer).toMatchObject({ checked: false, envelope: null, history: null, remaining: null, committed: 629_380, consumed: 0 });
    expect(answer.summary).toMatch(/^Aucune enveloppe enregistrée pour la Caf 11 en 2026-2027 : les décisions ne sont pas contrôlées/);
  });
});
