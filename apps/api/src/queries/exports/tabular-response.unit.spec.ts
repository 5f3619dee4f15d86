import { describe, expect, it } from '@jest/globals';
import type { Table } from './table.js';
import { exportFileName } from './tabular-response.js';

const table = (at: string, knownAt: string): Table => ({
  name: 'bilan-projet-prj-1-2026-2027',
  asOf: { at, knownAt },
  columns: [],
  rows: [],
});

describe('export file names state the at / knownAt they answer (domain.md §7)', () => {
  it('a bare date asked (the end of that Paris day) is named by the date', () => {
    expect(exportFileName(table('2026-10-20T21:59:59.999Z', '2026-10-20T21:59:59.999Z'), 'csv')).toBe(
      'bilan-projet-prj-1-2026-2027-at-2026-10-20-known-2026-10-20.csv',
    );
  });

  it('any other instant (knownAt = now) is named by the instant, file-name safe', () => {
    expect(exportFileName(table('2026-10-20T21:59:59.999Z', '2026-11-22T08:15:00.000Z'), 'xlsx')).toBe(
      'bilan-projet-prj-1-2026-2027-at-2026-10-20-known-2026-11-22T08_15_00.000Z.xlsx',
    );
  });
});
