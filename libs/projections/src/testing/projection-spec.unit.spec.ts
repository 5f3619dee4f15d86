import { describe, expect, it } from '@jest/globals';
import { AUDE_2026_2027 } from '@clas/domain';
import type { KeyedFold } from '../core/keyed-fold.js';
import { campaignFold } from '../folds/campaign.fold.js';
import { operatorFold } from '../folds/operator.fold.js';
import { projectFold } from '../folds/project.fold.js';
import { countingFold } from '../projector/testing/counting.projection.js';
import { approval, applicationContent, applicationFiled, campaignOpened, decisionRecorded, examinationOpened, operatorEvents, paris, runningCollectif, Script, seasonProject } from '../answers/testing/scenario.fixtures.js';
import { projectionSpec } from './projection-spec.js';

const p1 = seasonProject('p1', 'op1');
const p2 = { ...p1, projectId: 'p2' };
const filedExaminedApproved = (ids: typeof p1) => [applicationFiled(ids, applicationContent(), '2026-06-20'), examinationOpened(ids, '2026-09-01'), decisionRecorded(ids, approval(), '2026-10-05')];

describe('projectionSpec(fold).given(events).then(state)', () => {
  it('folds the events of the one key they reach, in recorded order', () => {
    projectionSpec(countingFold)
      .given(filedExaminedApproved(p1))
      .then({ events: 3, positionSum: 1 + 2 + 3, types: { ApplicationFiled: 1, ExaminationOpened: 1, CommitteeDecisionRecorded: 1 } });
  });

  it('asks as a question does: asOf keeps what was known at knownAt and had happened by at', () => {
    const script = new Script();
    const [filed, examined, decided] = filedExaminedApproved(p1);
    script.add(filed!);
    script.add(examined!);
    script.add(decided!, paris('2026-10-12'));
    const spec = projectionSpec(countingFold).given(script);
    expect(spec.asOf({ at: paris('2026-10-06'), knownAt: paris('2026-10-06') }).state().events).toBe(2);
    expect(spec.asOf({ at: paris('2026-08-01'), knownAt: paris('2026-10-12') }).state().events).toBe(1);
    expect(spec.state().events).toBe(3);
  });

  it('asks for a key when the events reach several, and folds only that one', () => {
    const spec = projectionSpec(countingFold).given([...filedExaminedApproved(p1), applicationFiled(p2, applicationContent(), '2026-06-21')]);
    expect(() => spec.state()).toThrow('test-count: the events reach 2 keys (p1, p2); name one with .key(…)');
    spec.key('p2').then({ events: 1, positionSum: 4, types: { ApplicationFiled: 1 } });
  });

  it('shows both sides of an unexpected state', () => {
    expect(() => projectionSpec(countingFold).given(filedExaminedApproved(p1)).then({ events: 2, positionSum: 3, types: {} })).toThrow(/unexpected state\n {2}expected: \{"events":2,.*\n {2}actual: {3}\{"events":3,/);
  });

  it('refuses a state that is not plain JSON: the projector stores states as JSON and reloads them', () => {
    const dated: KeyedFold<{ last: Date | null }> = { name: 'dated', version: 1, eventTypes: [], keysOf: () => ['k'], initial: () => ({ last: null }), evolve: (_s, e) => ({ last: new Date(e.recordedAt) }) };
    expect(() => projectionSpec(dated).given(filedExaminedApproved(p1)).state()).toThrow('dated: the state is not plain JSON');
  });

  it("the Clas folds' states are plain JSON over a season (campaign, operator, project with a running collectif)", () => {
    expect(projectionSpec(campaignFold).given([campaignOpened(AUDE_2026_2027, '2026-03-01')]).state().parameters?.bonusEnfants).toBe(33_500);
    const operator = projectionSpec(operatorFold).given([...operatorEvents('op1', '11', '2026-03-10'), ...filedExaminedApproved(p1)]).state();
    expect(operator.history.decisions.map((d) => [d.projectId, d.outcome])).toEqual([['p1', 'approved']]);
    const project = projectionSpec(projectFold).given([...filedExaminedApproved(p1), ...runningCollectif(p1, 'col-a', 2, 3)]).state();
    expect(project.status).toBe('approved');
    expect(project.collectifs['col-a']?.sessions).toHaveLength(4);
  });
});
