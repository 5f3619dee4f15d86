import { describe, it, expect } from '@jest/globals';
import { makeEvent } from '../events/catalogue.js';
import { CAF, d, operatorRegistered, paris } from '../testing/fixtures.js';
import { specification } from '../testing/specification.js';
import type { OperatorCommand } from './operator.commands.js';
import { operatorDecider } from './operator.decider.js';

const spec = specification(operatorDecider);
const registered = operatorRegistered();
const cmd = <C extends OperatorCommand>(type: C['type'], data: C['data'], occurredAt = paris('2026-03-10')): OperatorCommand =>
  ({ type, commandId: `${type}-1`, occurredAt, data }) as OperatorCommand;

describe('operator decider', () => {
  it('registers an association, then rejects a second registration (R-LIFE)', () => {
    const register = cmd(
      'RegisterOperator',
      { operatorId: 'op-1', cafCode: CAF, name: 'Association Lire Ensemble', kind: 'association' },
      paris('2026-03-02'),
    );
    spec.given([]).when(register).then([registered]);
    spec.given([registered]).when(register).thenRejected('OPERATOR_ALREADY_REGISTERED', 'R-LIFE');
  });

  it('R-CONV-1: a centre social is registered with its Caf approval period, and cannot be without it', () => {
    const base = { operatorId: 'cs-1', cafCode: CAF, name: 'Centre social La Fontaine', kind: 'centre_social' as const };
    const [event] = spec
      .given([])
      .when(cmd('RegisterOperator', { ...base, cafApproval: { from: d('2025-01-01'), to: d('2029-12-31') } }))
      .thenAccepted();
    expect(event.data).toMatchObject({ kind: 'centre_social', cafApproval: { from: '2025-01-01', to: '2029-12-31' } });
    const missing = spec.given([]).when(cmd('RegisterOperator', base)).thenRejected('INVALID_INPUT', 'R-INPUT');
    expect(missing.details.field).toBe('cafApproval');
  });

  it('R-ELIG-COORD: a coordinator is recorded with level and experience, even below the campaign minimum', () => {
    spec
      .given([registered])
      .when(cmd('AppointCoordinator', { operatorId: 'op-1', personId: 'p-77', qualificationLevel: 1, hasRelevantExperience: true }))
      .then([
        makeEvent(
          'CoordinatorAppointed',
          {
            operatorId: 'op-1',
            cafCode: CAF,
            personId: 'p-77',
            qualificationLevel: 1,
            hasRelevantExperience: true,
            appointedOn: d('2026-03-10'),
          },
          paris('2026-03-10'),
        ),
      ]);
  });

  it('R-ELIG-OPERATOR: declarations are dated; expiry before the document date and future-dated documents are rejected', () => {
    const ok = cmd('RecordOperatorDeclaration', {
      operatorId: 'op-1',
      declaration: 'insurance',
      documentDate: d('2026-01-15'),
      expiresOn: d('2026-12-31'),
      reference: 'RC-2026-889',
    });
    const [event] = spec.given([registered]).when(ok).thenAccepted();
    expect(event.data).toMatchObject({ declaration: 'insurance', documentDate: '2026-01-15', expiresOn: '2026-12-31' });
    const state = spec.given([registered, event]).state;
    expect(state.status === 'registered' && state.declarations.insurance).toEqual({ documentDate: '2026-01-15', expiresOn: '2026-12-31' });

    const backwards = cmd('RecordOperatorDeclaration', {
      operatorId: 'op-1',
      declaration: 'insurance',
      documentDate: d('2026-01-15'),
      expiresOn: d('2025-12-31'),
    });
    expect(spec.given([registered]).when(backwards).thenRejected('INVALID_INPUT', 'R-INPUT').details.field).toBe('expiresOn');
    const future = cmd('RecordOperatorDeclaration', { operatorId: 'op-1', declaration: 'laicite_charter', documentDate: d('2026-04-01') });
    expect(spec.given([registered]).when(future).thenRejected('INVALID_INPUT', 'R-INPUT').details.field).toBe('documentDate');
  });

  it('R-LIFE: nothing is recorded for an operator that is not registered', () => {
    spec
      .given([])
      .when(cmd('RecordOperatorDeclaration', { operatorId: 'op-1', declaration: 'laicite_charter', documentDate: d('2026-02-01') }))
      .thenRejected('OPERATOR_NOT_REGISTERED', 'R-LIFE');
  });
});
