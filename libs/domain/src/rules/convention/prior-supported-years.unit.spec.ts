import { describe, expect, it } from '@jest/globals';
import { CONVENTION_PARAMS, decision, payment, sy, withdrawal } from './testing/convention.fixtures.js';
import { isSupportedForMinYears, priorSupportedYears } from './prior-supported-years.rule.js';

describe('prior supported years (R-CONV-SUPPORT)', () => {
  it('R-CONV-SUPPORT: distinct earlier school years with an approved project — two projects in one year count once', () => {
    const history = {
      decisions: [
        decision('primary', '2023-2024', 'approved', 'd1'),
        decision('college', '2023-2024', 'approved', 'd2'),
        decision('primary', '2024-2025', 'approved', 'd3'),
        decision('primary', '2026-2027', 'approved', 'd-same-year'),
        decision('other-op', '2022-2023', 'approved', 'd-other', 'op-2'),
      ],
      withdrawals: [],
      payments: [payment('primary', '2023-2024', 500000, 'pay1')],
    };
    const s = priorSupportedYears(history, 'op-1', sy('2026-2027'));
    expect(s.years).toEqual([
      { value: '2023-2024', eventIds: ['d2', 'd1', 'pay1'] }, // projects in id order (college, primary), then payments
      { value: '2024-2025', eventIds: ['d3'] },
    ]);
    expect(s.count).toBe(2);
    expect(isSupportedForMinYears(s, CONVENTION_PARAMS)).toBe(true);
  });

  it('R-CONV-SUPPORT: a refused project, a withdrawn one and an approval corrected to refused do not count', () => {
    const history = {
      decisions: [
        decision('p', '2022-2023', 'refused', 'd1'),
        decision('p', '2023-2024', 'approved', 'd2'),
        decision('p', '2024-2025', 'approved', 'd3'),
        decision('p', '2024-2025', 'refused', 'd3-correction'),
        decision('p', '2025-2026', 'approved', 'd4'),
      ],
      withdrawals: [withdrawal('p', '2025-2026', 'w4')],
      payments: [],
    };
    const s = priorSupportedYears(history, 'op-1', sy('2026-2027'));
    expect(s.years.map((y) => y.value)).toEqual(['2023-2024']);
    expect(isSupportedForMinYears(s, CONVENTION_PARAMS)).toBe(false);
  });

  it('R-CONV-SUPPORT: a refusal corrected to an approval counts; a year paid without a recorded approval is shown but not counted', () => {
    const history = {
      decisions: [
        decision('p', '2023-2024', 'refused', 'd1'),
        decision('p', '2023-2024', 'approved', 'd1-correction'),
        decision('p', '2024-2025', 'approved', 'd2'),
      ],
      withdrawals: [],
      payments: [payment('p', '2021-2022', 120000, 'pay-old')],
    };
    const s = priorSupportedYears(history, 'op-1', sy('2025-2026'));
    expect(s.years).toEqual([
      { value: '2023-2024', eventIds: ['d1', 'd1-correction'] },
      { value: '2024-2025', eventIds: ['d2'] },
    ]);
    expect(s.paidWithoutApproval).toEqual([{ value: '2021-2022', eventIds: ['pay-old'] }]);
    expect(s.count).toBe(2);
    // Asked before 2024-2025, only 2023-2024 is earlier.
    expect(priorSupportedYears(history, 'op-1', sy('2024-2025')).count).toBe(1);
  });
});
