import { describe, it, expect } from '@jest/globals';
import { makeEvent } from '../events/catalogue.js';
import type { ConventionEvent } from '../events/convention.events.js';
import { CAF, audeCampaign, d, paris } from '../testing/fixtures.js';
import { specification } from '../testing/specification.js';
import { type SchoolYear, schoolYear } from '../shared/school-year.js';
import type { ConventionCommand } from './convention.commands.js';
import type { ConventionContext, ConventionOperatorFacts } from './convention.context.js';
import { conventionDecider } from './convention.decider.js';
import { conventionPeriod } from './convention-period.rule.js';

const spec = specification(conventionDecider);
const REF = { conventionId: 'cof-1', operatorId: 'op-1', cafCode: CAF };
const association: ConventionOperatorFacts = { operatorId: 'op-1', cafCode: CAF, kind: 'association', cafApproval: null };
const centreSocial: ConventionOperatorFacts = {
  operatorId: 'op-1',
  cafCode: CAF,
  kind: 'centre_social',
  cafApproval: { from: d('2026-01-01'), to: d('2031-12-31') },
};
const supported: ConventionContext = { operator: association, priorApprovedSchoolYears: 2, campaign: audeCampaign() };
const terms = { startDate: d('2026-11-02'), collectifs: 2, children: 20, weeks: 28 };
const Y1 = schoolYear('2026-2027');

const request = (years: number, startSchoolYear: SchoolYear = Y1): ConventionCommand => ({
  type: 'RequestConvention',
  commandId: 'req',
  occurredAt: paris('2026-07-01'),
  data: { ...REF, projectIds: ['prj-1'], startSchoolYear, years, terms },
});
const requested = (years = 4, kind: 'association' | 'centre_social' = 'association'): ConventionEvent =>
  makeEvent(
    'ConventionRequested',
    {
      ...REF,
      projectIds: ['prj-1'],
      period: conventionPeriod(Y1, years),
      terms,
      operatorKind: kind,
      priorApprovedSchoolYears: 2,
      requestedOn: d('2026-07-01'),
    },
    paris('2026-07-01'),
  );
const signed = (years = 4): ConventionEvent =>
  makeEvent('ConventionSigned', { ...REF, period: conventionPeriod(Y1, years), terms, signedOn: d('2026-09-20') }, paris('2026-09-20'));
const running = [requested(), signed()];

const notify = (year: string, collectifs = 2): ConventionCommand => ({
  type: 'NotifyYearlyCollectifs',
  commandId: `notify-${year}`,
  occurredAt: paris(`${year.slice(0, 4)}-10-01`),
  data: { conventionId: 'cof-1', schoolYear: schoolYear(year), collectifs },
});
const amendmentCmd = (
  type: 'RequestConventionAmendment' | 'ValidateConventionAmendment' | 'RefuseConventionAmendment',
  amendmentId = 'am-1',
): ConventionCommand =>
  ({
    type,
    commandId: `${type}-${amendmentId}`,
    occurredAt: paris('2027-01-15'),
    data:
      type === 'RequestConventionAmendment'
        ? { conventionId: 'cof-1', amendmentId, changes: { collectifs: 3, children: 30 }, reason: 'a third group opens at the library' }
        : type === 'RefuseConventionAmendment'
          ? { conventionId: 'cof-1', amendmentId, reason: 'no budget' }
          : { conventionId: 'cof-1', amendmentId },
  }) as ConventionCommand;

describe('multi-year conventions (R-CONV)', () => {
  it('R-CONV-1: an operator supported for 2 years gets a 4-year convention, covering 2026-09-01 to 2030-08-31', () => {
    spec
      .given([])
      .when(request(4), supported)
      .then([requested(4)]);
    expect(conventionPeriod(Y1, 4)).toEqual({ startSchoolYear: '2026-2027', years: 4, from: '2026-09-01', to: '2030-08-31' });
  });

  it('R-CONV-1: a convention longer than 4 years is refused for an association', () => {
    const rejection = spec.given([]).when(request(5), supported).thenRejected('CONVENTION_TOO_LONG', 'R-CONV-1');
    expect(rejection.details).toMatchObject({ years: 5, max: 4 });
  });

  it('R-CONV-1: a centre social may have 5 years within its Caf approval, not 6 nor beyond the approval', () => {
    const cs = { ...supported, operator: centreSocial };
    spec.given([]).when(request(5), cs).thenAccepted();
    spec.given([]).when(request(6), cs).thenRejected('CONVENTION_TOO_LONG', 'R-CONV-1');
    const shortApproval = { ...cs, operator: { ...centreSocial, cafApproval: { from: d('2026-01-01'), to: d('2028-12-31') } } };
    spec.given([]).when(request(3), shortApproval).thenRejected('OUTSIDE_CAF_APPROVAL', 'R-CONV-1');
    spec.given([]).when(request(2), shortApproval).thenAccepted();
  });

  it('R-CONV-SUPPORT: an operator with fewer than 2 prior approved school years cannot have a convention (a centre social can)', () => {
    const rejection = spec
      .given([])
      .when(request(3), { ...supported, priorApprovedSchoolYears: 1 })
      .thenRejected('OPERATOR_NOT_SUPPORTED_LONG_ENOUGH', 'R-CONV-SUPPORT');
    expect(rejection.details).toMatchObject({ priorApprovedSchoolYears: 1, required: 2 });
    spec
      .given([])
      .when(request(3), { ...supported, operator: centreSocial, priorApprovedSchoolYears: 0 })
      .thenAccepted();
  });

  it('R-CONV-1: the signature is checked again when it changes the period', () => {
    const sign: ConventionCommand = {
      type: 'SignConvention',
      commandId: 'sign',
      occurredAt: paris('2026-09-20'),
      data: { conventionId: 'cof-1', years: 5 },
    };
    spec.given([requested()]).when(sign, supported).thenRejected('CONVENTION_TOO_LONG', 'R-CONV-1');
    spec
      .given([requested()])
      .when({ ...sign, data: { conventionId: 'cof-1' } }, supported)
      .then([signed()]);
  });

  it('R-CONV-2: the second year is notified only once the first year’s bilan is received', () => {
    spec.given(running).when(notify('2026-2027'), {}).thenAccepted();
    spec.given(running).when(notify('2027-2028'), { previousYearBilanReceived: false }).thenRejected('PREVIOUS_BILAN_MISSING', 'R-CONV-2');
    const [event] = spec.given(running).when(notify('2027-2028', 3), { previousYearBilanReceived: true }).thenAccepted();
    expect(event.data).toMatchObject({ schoolYear: '2027-2028', collectifs: 3, previousBilanReceived: true });
  });

  it('R-INPUT: a year outside the convention is not notified', () => {
    spec.given(running).when(notify('2030-2031'), { previousYearBilanReceived: true }).thenRejected('INVALID_INPUT', 'R-INPUT');
  });

  it('R-CONV-3: a notified year changes only through an amendment', () => {
    const [first] = spec.given(running).when(notify('2026-2027'), {}).thenAccepted();
    spec
      .given([...running, first])
      .when(notify('2026-2027', 3), {})
      .thenRejected('YEAR_ALREADY_NOTIFIED', 'R-CONV-3');
  });

  it('R-CONV-3: a requested amendment leaves the terms unchanged; only its validation by the Caf changes them', () => {
    const [amendment] = spec.given(running).when(amendmentCmd('RequestConventionAmendment')).thenAccepted();
    expect(spec.given([...running, amendment]).state.terms).toEqual(terms);
    const [validated] = spec
      .given([...running, amendment])
      .when(amendmentCmd('ValidateConventionAmendment'))
      .thenAccepted();
    expect(validated.data).toMatchObject({ changes: { collectifs: 3, children: 30 }, terms: { ...terms, collectifs: 3, children: 30 } });
    expect(spec.given([...running, amendment, validated]).state.terms).toEqual({ ...terms, collectifs: 3, children: 30 });
  });

  it('R-CONV-3: validating an unknown or already decided amendment is rejected', () => {
    spec.given(running).when(amendmentCmd('ValidateConventionAmendment', 'am-9')).thenRejected('AMENDMENT_UNKNOWN', 'R-CONV-3');
    const [amendment] = spec.given(running).when(amendmentCmd('RequestConventionAmendment')).thenAccepted();
    const [refusal] = spec
      .given([...running, amendment])
      .when(amendmentCmd('RefuseConventionAmendment'))
      .thenAccepted();
    spec
      .given([...running, amendment, refusal])
      .when(amendmentCmd('ValidateConventionAmendment'))
      .thenRejected('AMENDMENT_ALREADY_DECIDED', 'R-CONV-3');
    expect(spec.given([...running, amendment, refusal]).state.terms).toEqual(terms);
  });

  it('R-CONV-3: an amendment is requested on a signed convention only', () => {
    spec.given([requested()]).when(amendmentCmd('RequestConventionAmendment')).thenRejected('CONVENTION_NOT_IN_STATE', 'R-CONV');
  });
});
