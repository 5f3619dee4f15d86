import { describe, expect, it } from '@jest/globals';
import { LANDES_2025_2026 } from '../../campaign/parameter-sets/landes-2025-2026.parameters.js';
import { NO_BILAN_DUE_DATES } from '../../campaign/campaign-parameters.js';
import { schoolYear } from '../../shared/school-year.js';
import type { BilanFiledFact } from './bilan-due.rule.js';
import { bilanLateness } from './bilan-lateness.rule.js';
import { d, src } from './testing/bilan.fixtures.js';

const Y = schoolYear('2025-2026');
/** Landes 2025-2026: qualitative by 2026-06-30, quantitative and financial by 2026-09-30. */
const DUE = LANDES_2025_2026.bilanDueDates;
const filed = (kind: BilanFiledFact['kind'], on: string, id: string, projectId = 'p1', year = Y) =>
  src<BilanFiledFact>({ projectId, schoolYear: year, kind, filedOn: d(on), assessment: 'pending' }, id);
const allParts = (on: string, id: string) => [filed('qualitative', on, id), filed('quantitative', on, id), filed('financial', on, id)];

describe('bilan parts against their due dates (R-BILAN-DUE)', () => {
  it('R-BILAN-DUE: the Landes 2025-2026 campaign sets the qualitative part by 30 June and the figures by 30 September 2026', () => {
    expect(DUE).toEqual({ qualitative: '2026-06-30', quantitative: '2026-09-30', financial: '2026-09-30' });
  });

  it('R-BILAN-DUE: nothing filed — not late on the due date itself, late the day after, part by part', () => {
    const onDueDay = bilanLateness('p1', Y, DUE, [], d('2026-06-30'));
    expect(onDueDay.overdue).toEqual([]);
    expect(onDueDay.nextDueOn).toBe('2026-06-30');
    expect(onDueDay.parts.qualitative).toEqual({ dueOn: '2026-06-30', receivedOn: null, late: false, eventIds: [] });

    const dayAfter = bilanLateness('p1', Y, DUE, [], d('2026-07-01'));
    expect(dayAfter.overdue).toEqual(['qualitative']);
    expect(dayAfter.parts.quantitative.late).toBe(false);

    expect(bilanLateness('p1', Y, DUE, [], d('2026-10-01')).overdue).toEqual(['qualitative', 'quantitative', 'financial']);
  });

  it('R-BILAN-DUE: a part received by its due date is never late; received after it, it stays late but no longer overdue', () => {
    const onTime = bilanLateness('p1', Y, DUE, allParts('2026-06-30', 'b1'), d('2026-12-01'));
    expect(onTime.parts.qualitative).toEqual({ dueOn: '2026-06-30', receivedOn: '2026-06-30', late: false, eventIds: ['b1'] });
    expect(onTime).toMatchObject({ overdue: [], nextDueOn: null });

    const afterDue = bilanLateness('p1', Y, DUE, allParts('2026-07-15', 'b1'), d('2026-12-01'));
    expect(afterDue.parts.qualitative).toMatchObject({ receivedOn: '2026-07-15', late: true });
    expect(afterDue.parts.financial).toMatchObject({ receivedOn: '2026-07-15', late: false });
    expect(afterDue.overdue).toEqual([]);
  });

  it('R-BILAN-DUE: the first filing receives the part — a refiling after a return does not make it late', () => {
    const refiled = bilanLateness('p1', Y, DUE, [...allParts('2026-06-20', 'b1'), ...allParts('2026-10-20', 'b2')], d('2026-11-01'));
    expect(refiled.parts.quantitative).toEqual({ dueOn: '2026-09-30', receivedOn: '2026-06-20', late: false, eventIds: ['b1'] });
  });

  it('R-BILAN-DUE: a filing after the question day, another project or another year does not count', () => {
    const facts = [
      ...allParts('2026-08-01', 'b-later'),
      filed('qualitative', '2026-06-01', 'b-other', 'p2'),
      filed('qualitative', '2026-06-01', 'b-y', 'p1', schoolYear('2024-2025')),
    ];
    const july = bilanLateness('p1', Y, DUE, facts, d('2026-07-10'));
    expect(july.parts.qualitative).toMatchObject({ receivedOn: null, late: true });
    expect(july).toMatchObject({ overdue: ['qualitative'], nextDueOn: '2026-06-30' });
  });

  it('R-BILAN-DUE: no due date (a campaign opened before due dates existed) — never late', () => {
    const none = bilanLateness('p1', Y, NO_BILAN_DUE_DATES, [], d('2030-01-01'));
    expect(none).toMatchObject({ overdue: [], nextDueOn: null });
    expect(Object.values(none.parts).every((p) => !p.late && p.dueOn === null)).toBe(true);
  });

  it('R-BILAN-DUE: the next due date is the earliest of the parts not received', () => {
    const qualitativeIn = bilanLateness('p1', Y, DUE, [filed('qualitative', '2026-06-10', 'b1')], d('2026-06-15'));
    expect(qualitativeIn.nextDueOn).toBe('2026-09-30');
  });
});
