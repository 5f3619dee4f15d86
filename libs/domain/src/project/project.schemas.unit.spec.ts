import { describe, expect, it } from '@jest/globals';
import type { BilanFiledData } from '../events/project.events.js';
import { validate } from '../schema/validate.js';
import { PROJECT, applicationContent, bilanFiled } from '../testing/project-fixtures.js';
import {
  fileApplicationData,
  fileBilanData,
  payAdvanceData,
  recordCommitteeDecisionData,
  recordParentActionData,
} from './project.schemas.js';

const fieldOfContent = (content: object) => validate(fileApplicationData, { ...PROJECT, applicationKind: 'new', content })?.details.field;
const bilan = bilanFiled().data as BilanFiledData;
const fileBilan = (patch: object) =>
  validate(fileBilanData, {
    projectId: PROJECT.projectId,
    bilanId: 'bil-1',
    quantitative: bilan.quantitative,
    qualitative: bilan.qualitative,
    financial: bilan.financial,
    ...patch,
  });

describe('project payloads (R-INPUT)', () => {
  it.each([
    [
      'negative co-funding',
      applicationContent({ budget: { ...applicationContent().budget, coFunders: [{ name: 'Ville', kind: 'commune', amount: -5 }] } }),
      'content.budget.coFunders[0].amount',
    ],
    [
      'euros instead of cents',
      applicationContent({ budget: { ...applicationContent().budget, totalOperatingCost: 18000.5 } }),
      'content.budget.totalOperatingCost',
    ],
    [
      'a zero total cost',
      applicationContent({ budget: { ...applicationContent().budget, totalOperatingCost: 0 } }),
      'content.budget.totalOperatingCost',
    ],
    [
      'a 0-minute session',
      applicationContent({ schedule: [{ weekday: 'monday', start: '17:00', minutes: 0, kind: 'children' }] }),
      'content.schedule[0].minutes',
    ],
    [
      'an unknown objective code',
      applicationContent({ objectives: [{ code: 'E9' as never, description: 'x' }] }),
      'content.objectives[0].code',
    ],
    [
      'an objective twice',
      applicationContent({
        objectives: [
          { code: 'E1', description: 'x' },
          { code: 'E1', description: 'y' },
        ],
      }),
      'content.objectives.code',
    ],
    [
      'an impossible date',
      applicationContent({ plannedPeriod: { from: '2026-11-02', to: '2027-02-30' } as never }),
      'content.plannedPeriod.to',
    ],
    [
      'a period ending before it starts',
      applicationContent({ plannedPeriod: { from: '2027-02-01', to: '2026-11-02' } as never }),
      'content.plannedPeriod',
    ],
  ])('R-INPUT: %s is rejected and names the field', (_name, content, field) => {
    expect(fieldOfContent(content)).toBe(field);
  });

  it('R-INPUT: the wording of money and duplicates', () => {
    expect(
      validate(fileApplicationData, {
        ...PROJECT,
        applicationKind: 'new',
        content: applicationContent({ budget: { ...applicationContent().budget, totalOperatingCost: 0 } }),
      })?.message,
    ).toBe('content.budget.totalOperatingCost: must be at least 1 cents');
    expect(
      validate(fileApplicationData, {
        ...PROJECT,
        applicationKind: 'new',
        content: applicationContent({
          objectives: [
            { code: 'E1', description: 'x' },
            { code: 'E1', description: 'y' },
          ],
        }),
      })?.message,
    ).toBe('content.objectives.code: duplicate E1');
  });

  it('R-INPUT: a renewal names the project it renews', () => {
    expect(validate(fileApplicationData, { ...PROJECT, applicationKind: 'renewal', content: applicationContent() })?.details.field).toBe(
      'previousProjectId',
    );
    expect(
      validate(fileApplicationData, { ...PROJECT, applicationKind: 'renewal', previousProjectId: 'prj-0', content: applicationContent() }),
    ).toBeNull();
  });

  it('R-INPUT: a decision is an approval or a refusal, each with its own fields', () => {
    const approval = {
      outcome: 'approved',
      approvedCollectifs: 2,
      bonusesGranted: { enfants: null, parents: null },
      forecastOperatingCost: 1_800_000,
    };
    const decide = (decision: object) =>
      validate(recordCommitteeDecisionData, {
        projectId: 'prj-1',
        decisionId: 'dec-1',
        meetingId: 'cttee-2026-10-01',
        effectiveDate: '2026-10-01',
        decision,
      });
    expect(decide(approval)).toBeNull();
    expect(decide({ ...approval, approvedCollectifs: 0 })?.message).toBe(
      'decision.approvedCollectifs: must be an integer between 1 and 50',
    );
    expect(decide({ ...approval, reasons: [] })?.message).toBe('decision.reasons: is not an accepted field');
    expect(decide({ ...approval, outcome: 'maybe' })?.message).toBe('decision.outcome: must be one of approved, refused');
    expect(decide({ outcome: 'refused', reasons: [] })?.details.field).toBe('decision.reasons');
  });

  it('R-INPUT: a bilan with more children present than expected or negative cost is rejected', () => {
    expect(fileBilan({})).toBeNull();
    expect(fileBilan({ quantitative: { ...bilan.quantitative, attendance: { present: 5, expected: 4 } } })?.details.field).toBe(
      'quantitative.attendance.present',
    );
    expect(fileBilan({ financial: { ...bilan.financial, actualTotalCost: -1 } })?.details.field).toBe('financial.actualTotalCost');
  });

  it('R-INPUT: a zero or negative payment is rejected', () => {
    expect(validate(payAdvanceData, { projectId: 'prj-1', paymentId: 'pay-1', amount: 0 })?.details.field).toBe('amount');
    expect(validate(payAdvanceData, { projectId: 'prj-1', paymentId: 'pay-1', amount: -100 })?.details.field).toBe('amount');
  });

  it('R-ELIG-AXES: a parent action names a parents objective (P1–P5)', () => {
    const action = (objective: string) =>
      validate(recordParentActionData, {
        projectId: 'prj-1',
        actionId: 'act-1',
        objective,
        date: '2026-12-05',
        parentsReached: 14,
        description: 'snack',
      });
    expect(action('P2')).toBeNull();
    expect(action('P9')?.details.field).toBe('objective');
    expect(action('E1')?.details.field).toBe('objective');
  });
});
