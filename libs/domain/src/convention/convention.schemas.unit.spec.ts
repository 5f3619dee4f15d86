import { describe, expect, it } from '@jest/globals';
import { validate } from '../schema/validate.js';
import { notifyYearlyCollectifsData, requestConventionAmendmentData, requestConventionData } from './convention.schemas.js';

const TERMS = { startDate: '2026-11-02', collectifs: 2, children: 24, weeks: 30 };
const request = {
  conventionId: 'cof-1',
  operatorId: 'cs-1',
  cafCode: '11',
  projectIds: ['prj-1'],
  startSchoolYear: '2026-2027',
  years: 4,
  terms: TERMS,
};
const amendment = (changes: object) =>
  validate(requestConventionAmendmentData, { conventionId: 'cof-1', amendmentId: 'am-2', changes, reason: 'longer' });

describe('convention payloads (R-INPUT)', () => {
  it('R-INPUT: a request names distinct projects, a real school year and bounded terms', () => {
    expect(validate(requestConventionData, request)).toBeNull();
    expect(validate(requestConventionData, { ...request, projectIds: [] })?.message).toBe('projectIds: must be a list of 1 to 1000 items');
    expect(validate(requestConventionData, { ...request, projectIds: ['prj-1', 'prj-1'] })?.message).toBe(
      'projectIds: must not repeat a project id',
    );
    expect(validate(requestConventionData, { ...request, terms: { ...TERMS, collectifs: 0 } })?.details.field).toBe('terms.collectifs');
    expect(validate(requestConventionData, { ...request, startSchoolYear: '2026-2028' })?.details.field).toBe('startSchoolYear');
  });

  it('R-CONV-3: an amendment may only change start date, collectifs, children or weeks, and changes one of them', () => {
    expect(amendment({ weeks: 32 })).toBeNull();
    expect(amendment({ years: 5 })).toMatchObject({ code: 'INVALID_INPUT', ruleId: 'R-INPUT', details: { field: 'changes.years' } });
    expect(amendment({})?.message).toBe('changes: must change at least one of start date, collectifs, children, weeks');
    expect(amendment({ children: null })?.message).toBe('changes.children: must be an integer between 1 and 600');
  });

  it('R-INPUT: a yearly notification names bounded, distinct collectifs', () => {
    expect(
      validate(notifyYearlyCollectifsData, { conventionId: 'cof-1', schoolYear: '2027-2028', collectifs: 2, collectifIds: ['c-1', 'c-1'] })
        ?.message,
    ).toBe('collectifIds: must not repeat a collectif id');
  });
});
